//! retainer-lint: checks lawyers' retainer (engagement) letters against configurable rules.
//!
//! The library reads a letter from Markdown, DOCX or plain text into a [`Document`], checks it
//! against the rules of the enabled packs, and returns [`Diagnostic`]s. It never prints, never
//! exits, never touches the network and never writes to an input.
//!
//! ```
//! use retainer_lint::{Format, Linter, Severity};
//!
//! // The built-in `core` pack; `Linter::new(&Config::from_file(path)?)` for a firm's config.
//! let linter = Linter::builtin();
//! let letter = "# Retainer letter\n\nDear [CLIENT NAME],\n\nWe will respond promptly.\n";
//! let report = linter.lint_bytes("letter.md", letter.as_bytes(), Some(Format::Markdown))?;
//! for d in &report.diagnostics {
//!     let (line, column) = report.document.line_col(d.span.start);
//!     println!("letter.md:{line}:{column}: {}[{}] {}", d.severity, d.rule, d.message);
//! }
//! let placeholder = report.diagnostics.iter().find(|d| &*d.rule == "template.placeholder");
//! assert_eq!(placeholder.map(|d| d.severity), Some(Severity::Error));
//! # Ok::<(), retainer_lint::InputError>(())
//! ```

#![forbid(unsafe_code)]

pub mod annotate;
pub mod diagnostic;
pub mod document;
pub mod drafting;
pub mod error;
pub mod extract;
pub mod read;
pub mod rules;

pub use diagnostic::{Diagnostic, Label, Rendered, Severity};
pub use document::{Block, BlockKind, Document, Format};
pub use error::{InputError, InputErrorKind};
pub use read::{read, Limits};
pub mod config;
pub mod lint;

pub use annotate::{annotate, AnnotateError, AnnotateErrorKind};
pub use config::{Config, ConfigError};
pub use lint::{Example, ExampleFailure, Linter, Report, RuleInfo};

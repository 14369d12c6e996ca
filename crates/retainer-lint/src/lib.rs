//! retainer-lint: checks lawyers' retainer (engagement) letters against configurable rules.
//!
//! The library reads a letter from Markdown, DOCX or plain text into a [`Document`], checks it
//! against the rules of the enabled packs, and returns [`Diagnostic`]s. It never prints, never
//! exits, never touches the network and never writes to an input.

#![forbid(unsafe_code)]

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

pub use config::{Config, ConfigError};
pub use lint::{Example, ExampleFailure, Linter, Report, RuleInfo};

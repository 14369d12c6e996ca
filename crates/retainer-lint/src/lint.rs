//! The [`Linter`]: a compiled configuration that checks documents. Cheap to clone, `Send +
//! Sync`, shared across threads.
//!
//! (Skeleton: the rules issue fills this in. Public signatures here are what the CLI uses.)

use std::path::Path;
use std::sync::Arc;

use crate::config::{Config, ConfigError};
use crate::diagnostic::{Diagnostic, Rendered, Severity};
use crate::document::{Document, Format};
use crate::error::{InputError, InputErrorKind};
use crate::read::{self, Limits};

/// A rule as the user sees it: for `retainer-lint rules`, `explain`, and SARIF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    /// The rule id, e.g. `response.limit`.
    pub id: String,
    /// The pack it comes from, e.g. `core`, `ca-sk`, or a firm pack's name.
    pub pack: String,
    /// The kind that carries it out.
    pub kind: String,
    /// Effective default severity.
    pub severity: Severity,
    /// One line.
    pub summary: String,
    /// Why a client or regulator cares.
    pub rationale: String,
    /// The regulation or guidance it rests on.
    pub sources: Vec<String>,
    /// Snippets that must fire it (`bad`) or not (`good`).
    pub examples: Vec<Example>,
}

/// A rule example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// A snippet the rule must fire on.
    pub bad: Option<String>,
    /// A snippet the rule must not fire on.
    pub good: Option<String>,
}

/// The findings for one letter, with the letter's text view to render them.
#[derive(Debug, Clone)]
pub struct Report {
    /// The name the letter was given (its path as given, or `--stdin-filename`).
    pub name: String,
    /// The letter as read.
    pub document: Arc<Document>,
    /// Findings, sorted by text-view offset then rule id.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Each diagnostic with the text view attached, for miette's report handlers.
    pub fn rendered(&self) -> impl Iterator<Item = Rendered> + '_ {
        self.diagnostics
            .iter()
            .map(|d| Rendered::new(d.clone(), &self.name, self.document.text.clone()))
    }
}

/// A compiled configuration.
#[derive(Debug, Clone)]
pub struct Linter {
    inner: Arc<Inner>,
}

#[derive(Debug, Clone)]
struct Inner {
    rules: Vec<RuleInfo>,
    limits: Limits,
}

impl Linter {
    /// Compile a configuration.
    pub fn new(config: &Config) -> Result<Self, ConfigError> {
        let _ = config;
        Ok(Linter {
            inner: Arc::new(Inner {
                rules: Vec::new(),
                limits: Limits::default(),
            }),
        })
    }

    /// The built-in default configuration (`core` pack).
    pub fn builtin() -> Self {
        match Linter::new(&Config::builtin()) {
            Ok(l) => l,
            Err(_) => Linter {
                inner: Arc::new(Inner {
                    rules: Vec::new(),
                    limits: Limits::default(),
                }),
            },
        }
    }

    /// The enabled rules, in pack order.
    pub fn rules(&self) -> &[RuleInfo] {
        &self.inner.rules
    }

    /// The same linter with other reader limits (the CLI's `--max-*` options). Shares
    /// nothing with `self` afterwards; the compiled rules are cloned once.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        Arc::make_mut(&mut self.inner).limits = limits;
        self
    }

    /// The reader limits in force.
    pub fn limits(&self) -> &Limits {
        &self.inner.limits
    }

    /// Check a document already read.
    pub fn lint_document(&self, document: &Document) -> Vec<Diagnostic> {
        let _ = document;
        Vec::new()
    }

    /// Read and check bytes. `name` is used in messages and to pick the format when
    /// `format` is `None`.
    pub fn lint_bytes(
        &self,
        name: &str,
        bytes: &[u8],
        format: Option<Format>,
    ) -> Result<Report, InputError> {
        let format = format.or_else(|| read::detect(bytes, Some(name)));
        let document = read::read(bytes, format, &self.inner.limits)?;
        let diagnostics = self.lint_document(&document);
        Ok(Report {
            name: name.to_string(),
            document: Arc::new(document),
            diagnostics,
        })
    }

    /// Read and check a file. Never opens it for writing.
    pub fn lint_path(&self, path: &Path) -> Result<Report, InputError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path)
            .map_err(|e| InputError::new(InputErrorKind::Io, format!("{name}: {e}")))?;
        self.lint_bytes(&name, &bytes, None)
    }
}

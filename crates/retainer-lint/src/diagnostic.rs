//! Findings: what a rule reports about a letter.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run by default.
    Info,
    /// Should be fixed; fails a run with `--deny warnings`.
    Warning,
    /// Must be fixed; fails a run.
    Error,
}

impl Severity {
    /// `"error"`, `"warning"` or `"info"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary span with a short label ("the figure", "the words").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Byte range in the text view.
    pub span: Range<usize>,
    /// What the span is.
    pub text: String,
}

/// One finding about one letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule id, e.g. `response.vague`.
    pub rule: Arc<str>,
    /// Effective severity after configuration.
    pub severity: Severity,
    /// What was found, specific to this letter (quotes the offending words or names the
    /// missing element).
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// Primary span: byte range in the document's text view. Never empty for a finding that
    /// points at words; a missing-clause finding points at a heading or the first paragraph.
    pub span: Range<usize>,
    /// The label of the primary span.
    pub label: Option<String>,
    /// Secondary spans.
    pub labels: Vec<Label>,
    /// Replacement texts, best first.
    pub suggestions: Vec<String>,
    /// A replacement for the span's words that is safe to apply without a human reading it
    /// (`--fix`): the rule declares it (`safe-fix`), the words qualify, and the suggestion is
    /// literal text, capitalised like the words. `None` for every other finding.
    pub fix: Option<String>,
    /// Index of the block the primary span is in.
    pub block: Option<usize>,
    /// For DOCX, the 1-based paragraph number (the text-view line).
    pub paragraph: Option<u32>,
    /// The title of the nearest heading above.
    pub section: Option<String>,
}

/// A [`Diagnostic`] with its letter's text attached, ready for a miette report handler.
#[derive(Debug, Clone)]
pub struct Rendered {
    diagnostic: Diagnostic,
    source: miette::NamedSource<Arc<str>>,
}

impl Rendered {
    /// Attach `text` (the text view), named `name`, to a diagnostic.
    pub fn new(diagnostic: Diagnostic, name: &str, text: Arc<str>) -> Self {
        Rendered {
            diagnostic,
            source: miette::NamedSource::new(name, text),
        }
    }

    /// The diagnostic.
    pub fn diagnostic(&self) -> &Diagnostic {
        &self.diagnostic
    }
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Rendered {}

impl miette::Diagnostic for Rendered {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&*self.diagnostic.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let d = &self.diagnostic;
        match (&d.help, d.suggestions.first()) {
            (Some(h), Some(s)) => Some(Box::new(format!("{h} (suggested: \"{s}\")"))),
            (Some(h), None) => Some(Box::new(h)),
            (None, Some(s)) => Some(Box::new(format!("suggested: \"{s}\""))),
            (None, None) => None,
        }
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let d = &self.diagnostic;
        let primary = miette::LabeledSpan::new_primary_with_span(
            d.label.clone(),
            (d.span.start, d.span.len()),
        );
        let rest = d.labels.iter().map(|l| {
            miette::LabeledSpan::new_with_span(Some(l.text.clone()), (l.span.start, l.span.len()))
        });
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}

//! The kinds: the closed set of checks a rule can ask for. Each kind has a typed parameter
//! struct (unknown keys are errors) and a compiled [`Check`].

use crate::config::ConfigError;
use crate::rules::{Check, Compiler};

pub mod contact;
pub mod docx_artifacts;
pub mod drafting;
pub mod forbid;
pub mod limit;
pub mod money;
pub mod placeholder;
pub mod readability;
pub mod require;
pub mod sentence_length;
pub mod when;

/// Every kind name, for error messages and docs.
pub const KINDS: &[&str] = &[
    "require",
    "forbid",
    "when",
    "placeholder",
    "sentence-length",
    "readability",
    "docx-artifacts",
    "limit",
    "money",
    "contact",
    "defined-terms",
    "cross-reference",
    "numbering",
    "balance",
    "dates",
    "names",
];

/// Compile a rule of kind `kind`.
pub fn compile(kind: &str, cx: &mut Compiler<'_>) -> Result<Box<dyn Check>, ConfigError> {
    Ok(match kind {
        "require" => Box::new(require::Require::compile(cx)?),
        "forbid" => Box::new(forbid::Forbid::compile(cx)?),
        "when" => Box::new(when::When::compile(cx)?),
        "placeholder" => Box::new(placeholder::Placeholder::compile(cx)?),
        "sentence-length" => Box::new(sentence_length::SentenceLength::compile(cx)?),
        "readability" => Box::new(readability::Readability::compile(cx)?),
        "docx-artifacts" => Box::new(docx_artifacts::DocxArtifacts::compile(cx)?),
        "limit" => Box::new(limit::Limit::compile(cx)?),
        "money" => Box::new(money::Money::compile(cx)?),
        "contact" => Box::new(contact::Contact::compile(cx)?),
        k @ ("defined-terms" | "cross-reference" | "numbering" | "balance" | "dates" | "names") => {
            Box::new(drafting::Drafting::compile(k, cx)?)
        }
        other => {
            let best = KINDS
                .iter()
                .map(|k| (strsim::jaro_winkler(k, other), *k))
                .filter(|(s, _)| *s > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, k)| format!("; did you mean `{k}`?"))
                .unwrap_or_default();
            return Err(cx.unknown_kind(other, &best));
        }
    })
}

/// Join names as English: "a", "a and b", "a, b and c".
pub fn join_and(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

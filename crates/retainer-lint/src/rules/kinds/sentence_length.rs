//! `sentence-length`: a sentence of body text longer than `max_words` (firm parameter
//! `max_words`, default 35).

use serde::Deserialize;

use crate::config::ConfigError;
use crate::document::BlockKind;
use crate::rules::{Check, Compiler, Finding, RuleText, Scan};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    #[serde(default)]
    max_words: Option<usize>,
}

/// A compiled `sentence-length` rule.
#[derive(Debug)]
pub struct SentenceLength {
    max_words: usize,
}

impl SentenceLength {
    /// Compile from the rule's parameters.
    pub fn compile(cx: &mut Compiler<'_>) -> Result<Self, ConfigError> {
        let p: Params = cx.params()?;
        Ok(SentenceLength {
            max_words: p.max_words.or(cx.policy.max_words).unwrap_or(35),
        })
    }
}

/// Words in a text: runs containing a letter or digit.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

impl Check for SentenceLength {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        for (b, block) in scan.doc.blocks.iter().enumerate() {
            if !matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Footnote
            ) {
                continue;
            }
            for s in scan.sentences(b) {
                let n = word_count(block.text.get(s.clone()).unwrap_or(""));
                if n > self.max_words {
                    let mut f = Finding::new(
                        b,
                        s.clone(),
                        text.message(&[
                            ("words", &n.to_string()),
                            ("max", &self.max_words.to_string()),
                        ]),
                    );
                    f.label = Some(format!("{n} words"));
                    out.push(f);
                }
            }
        }
    }
}

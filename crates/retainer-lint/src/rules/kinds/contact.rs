//! `contact`: email addresses and phone numbers written in the letter (`check = "format"`)
//! must be well formed, so the client can actually reach the people named.

use serde::Deserialize;

use crate::config::ConfigError;
use crate::extract::{find_emails, find_phones};
use crate::rules::{Check, Compiler, Finding, RuleText, Scan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ContactCheck {
    Format,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    check: ContactCheck,
}

/// A compiled `contact` rule.
#[derive(Debug)]
pub struct Contact {
    _check: ContactCheck,
}

impl Contact {
    /// Compile from the rule's parameters.
    pub fn compile(cx: &mut Compiler<'_>) -> Result<Self, ConfigError> {
        let p: Params = cx.params()?;
        Ok(Contact { _check: p.check })
    }
}

impl Check for Contact {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        for (b, block) in scan.doc.prose() {
            let mut bad: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
            for e in find_emails(&block.text) {
                if !e.valid {
                    bad.push((e.span, "email address"));
                }
            }
            for p in find_phones(&block.text) {
                if !p.valid {
                    bad.push((p.span, "phone number"));
                }
            }
            bad.sort_by_key(|(r, _)| r.start);
            for (range, what) in bad {
                let quoted = scan.quote(b, &range);
                let mut f = Finding::new(
                    b,
                    range,
                    text.message(&[("match", &quoted), ("what", what)]),
                );
                f.label = Some(format!("malformed {what}"));
                out.push(f);
            }
        }
    }
}

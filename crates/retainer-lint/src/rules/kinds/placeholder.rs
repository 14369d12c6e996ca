//! `placeholder`: template text left in ("[CLIENT NAME]", "{{client_name}}", "____"). Like
//! `forbid`, but a run of underscores is a blank for the client to fill in, not a
//! placeholder, when it stands alone or in a block matching `fill_in` ("Signature: ____").

use serde::Deserialize;

use crate::config::ConfigError;
use crate::rules::pattern::PatternId;
use crate::rules::{Check, Claimed, ClauseId, ClauseSpec, Compiler, Finding, RuleText, Scan};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    patterns: Vec<ClauseSpec>,
    #[serde(default)]
    fill_in: Vec<String>,
    #[serde(default)]
    label: Option<String>,
}

/// A compiled `placeholder` rule.
#[derive(Debug)]
pub struct Placeholder {
    clauses: Vec<ClauseId>,
    fill_in: Vec<PatternId>,
    label: Option<String>,
}

impl Placeholder {
    /// Compile from the rule's parameters.
    pub fn compile(cx: &mut Compiler<'_>) -> Result<Self, ConfigError> {
        let p: Params = cx.params()?;
        Ok(Placeholder {
            clauses: cx.clauses(&p.patterns)?,
            fill_in: p
                .fill_in
                .iter()
                .map(|s| cx.pattern(s))
                .collect::<Result<_, _>>()?,
            label: p.label,
        })
    }
}

/// How far (in bytes) from a blank the words of a fill-in line may stand.
const FILL_IN_REACH: usize = 40;

impl Check for Placeholder {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let mut claimed = Claimed::default();
        for hit in scan.all(&self.clauses) {
            let Some(block) = scan.doc.blocks.get(hit.block) else {
                continue;
            };
            let words = block.text.get(hit.span.clone()).unwrap_or("");
            let blank = words.chars().all(|c| c == '_' || c == ' ');
            if blank {
                let rest_is_blank = block
                    .text
                    .chars()
                    .all(|c| c == '_' || c.is_whitespace() || c.is_ascii_punctuation());
                // A blank glued to a reference ("File No. SC-26-____", "$____") is the firm's to
                // fill; a fill-in line's words stand near its blank, so "RE: claims by camp
                // families" does not excuse a court file number after it.
                let glued = block.text[..hit.span.start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| {
                        c.is_alphanumeric() || matches!(c, '-' | '/' | '$' | '£' | '#')
                    });
                let near =
                    hit.span.start.saturating_sub(FILL_IN_REACH)..hit.span.end + FILL_IN_REACH;
                let fill_in_line = !glued
                    && self.fill_in.iter().any(|&p| {
                        scan.find(hit.block, p)
                            .iter()
                            .any(|r| r.start < near.end && r.end > near.start)
                    });
                if rest_is_blank || fill_in_line {
                    continue;
                }
            }
            if !claimed.claim(hit.block, &hit.span) {
                continue;
            }
            let quoted = scan.quote(hit.block, &hit.span);
            let mut f = Finding::new(
                hit.block,
                hit.span.clone(),
                text.message(&[("match", &quoted)]),
            );
            f.label = self.label.clone();
            out.push(f);
        }
    }
}

//! `forbid`: every match of a pattern is a finding at the words matched, with optional
//! replacement suggestions (`replace = { "pursuant to" = "under" }`) and sentence-level
//! exceptions (`unless`).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::config::ConfigError;
use crate::rules::pattern::{clause_at, PatternId};
use crate::rules::{Check, Claimed, ClauseId, ClauseSpec, Compiler, Finding, RuleText, Scan};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    #[serde(default)]
    patterns: Vec<ClauseSpec>,
    #[serde(default)]
    replace: BTreeMap<String, String>,
    #[serde(default)]
    suggest: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    only_if: Vec<ClauseSpec>,
}

/// A compiled `forbid` rule.
#[derive(Debug)]
pub struct Forbid {
    only_if: Vec<ClauseId>,
    clauses: Vec<(ClauseId, Vec<String>)>,
    unless: Vec<PatternId>,
    label: Option<String>,
}

impl Forbid {
    /// Compile from the rule's parameters.
    pub fn compile(cx: &mut Compiler<'_>) -> Result<Self, ConfigError> {
        let p: Params = cx.params()?;
        let suggest: Vec<String> = p.suggest.iter().map(|s| cx.fill_values(s)).collect();
        let mut clauses = Vec::new();
        for c in &p.patterns {
            clauses.push((cx.clause(c)?, suggest.clone()));
        }
        for (phrase, replacement) in &p.replace {
            let pat = if phrase
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
            {
                format!(r"\b{}\b", phrase.replace(' ', r"\s+"))
            } else {
                phrase.clone()
            };
            let mut s = vec![cx.fill_values(replacement)];
            s.extend(suggest.iter().cloned());
            s.retain(|x| !x.is_empty());
            clauses.push((cx.clause(&ClauseSpec::One(pat))?, s));
        }
        if clauses.is_empty() {
            return Err(cx.error("a `forbid` rule needs `patterns` or `replace`"));
        }
        Ok(Forbid {
            only_if: cx.clauses(&p.only_if)?,
            clauses,
            unless: p
                .unless
                .iter()
                .map(|s| cx.pattern(s))
                .collect::<Result<_, _>>()?,
            label: p.label,
        })
    }
}

impl Check for Forbid {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        // The rule applies only to some letters (terms forbidden in contingent fee agreements).
        if !self.only_if.is_empty() && scan.first(&self.only_if).is_none() {
            return;
        }
        let mut claimed = Claimed::default();
        for (clause, suggestions) in &self.clauses {
            for hit in scan.clause(*clause) {
                // An exception counts within the hit's own clause of its sentence: "the same
                // business day, and we will answer in due course" is still vague.
                let unit = clause_at(scan.block_text(hit.block), hit.unit.clone(), hit.span.start);
                let excused = self.unless.iter().any(|&p| {
                    scan.find(hit.block, p)
                        .iter()
                        .any(|r| r.start < unit.end && r.end > unit.start)
                        || scan.hit_in_context(hit.block, p)
                });
                // Overlapping matches of two patterns report once.
                if excused || !claimed.claim(hit.block, &hit.span) {
                    continue;
                }
                let quoted = scan.quote(hit.block, &hit.span);
                let suggestion = suggestions.first().cloned().unwrap_or_default();
                let mut f = Finding::new(
                    hit.block,
                    hit.span.clone(),
                    text.message(&[("match", &quoted), ("suggestion", &suggestion)]),
                );
                f.label = self.label.clone();
                f.suggestions = suggestions.clone();
                out.push(f);
            }
        }
    }
}

//! The drafting kinds, each a thin bridge to a proofreading check in [`crate::drafting`]:
//! `defined-terms` (`check = "undefined" | "unused" | "duplicate"`), `cross-reference`,
//! `numbering`, `balance`, `dates`, `names`. The check words the finding; the rule's
//! `message` may wrap it with `{finding}`.

use serde::Deserialize;

use crate::config::ConfigError;
use crate::document::Document;
use crate::drafting;
use crate::rules::{Check, Compiler, Finding, RuleText, Scan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum TermCheck {
    Undefined,
    Unused,
    Duplicate,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermParams {
    check: TermCheck,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoParams {}

type DraftingFn = fn(&Document) -> Vec<drafting::Finding>;

/// A compiled drafting rule.
#[derive(Debug)]
pub struct Drafting {
    check: DraftingFn,
}

impl Drafting {
    /// Compile a rule of drafting kind `kind`.
    pub fn compile(kind: &str, cx: &mut Compiler<'_>) -> Result<Self, ConfigError> {
        let check: DraftingFn = match kind {
            "defined-terms" => match cx.params::<TermParams>()?.check {
                TermCheck::Undefined => drafting::undefined_terms,
                TermCheck::Unused => drafting::unused_definitions,
                TermCheck::Duplicate => drafting::duplicate_definitions,
            },
            other => {
                cx.params::<NoParams>()?;
                match other {
                    "cross-reference" => drafting::cross_references,
                    "numbering" => drafting::numbering,
                    "balance" => drafting::balance,
                    "dates" => drafting::dates,
                    _ => drafting::party_names,
                }
            }
        };
        Ok(Drafting { check })
    }
}

impl Check for Drafting {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        for d in (self.check)(scan.doc) {
            let mut f = Finding::new(d.block, d.range, text.message(&[("finding", &d.message)]));
            if let Some((b, r, label)) = d.related {
                f.labels.push((b, r, label));
            }
            f.suggestions.extend(d.suggestion);
            out.push(f);
        }
    }
}

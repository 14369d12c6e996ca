//! `require`: a clause must appear somewhere in the letter. A missing clause is reported at the
//! heading of the section where it belongs (`section`), else the title, else the first
//! paragraph. With `elements`, each named element must appear and the message names the
//! missing ones; with `weak`, a vague stand-in ("our usual rates") is reported where it
//! stands.

use serde::Deserialize;

use crate::config::ConfigError;
use crate::rules::kinds::join_and;
use crate::rules::pattern::PatternId;
use crate::rules::{
    Check, ClauseId, ClauseSpec, Compiler, Element, ElementSpec, Finding, RuleText, Scan,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    #[serde(default)]
    patterns: Vec<ClauseSpec>,
    #[serde(default)]
    elements: Vec<ElementSpec>,
    #[serde(default)]
    names_from: Option<String>,
    #[serde(default)]
    only_if: Vec<ClauseSpec>,
    #[serde(default)]
    unless: Vec<ClauseSpec>,
    #[serde(default)]
    weak: Vec<ClauseSpec>,
    #[serde(default)]
    weak_message: Option<String>,
    #[serde(default)]
    weak_always: bool,
    #[serde(default)]
    section: Vec<String>,
}

/// A compiled `require` rule.
#[derive(Debug)]
pub struct Require {
    elements: Vec<Element>,
    only_if: Vec<ClauseId>,
    unless: Vec<ClauseId>,
    weak: Vec<ClauseId>,
    weak_message: Option<String>,
    weak_always: bool,
    section: Vec<PatternId>,
}

impl Require {
    /// Compile from the rule's parameters.
    pub fn compile(cx: &mut Compiler<'_>) -> Result<Self, ConfigError> {
        let p: Params = cx.params()?;
        let mut elements = cx.elements(&p.elements)?;
        if !p.patterns.is_empty() {
            elements.insert(
                0,
                Element {
                    name: String::new(),
                    clauses: cx.clauses(&p.patterns)?,
                },
            );
        }
        if let Some(param) = &p.names_from {
            let names = match param.as_str() {
                "taxes" => cx.policy.taxes.clone(),
                _ => {
                    return Err(cx.error(&format!("`names_from` must be \"taxes\", not {param:?}")))
                }
            };
            // The firm's list, when set, replaces the pack's elements: one per name.
            if let Some(names) = names {
                elements = Vec::new();
                for n in names {
                    let pat = format!(r"\b{}\b", regex::escape(&n));
                    elements.push(Element {
                        name: n.clone(),
                        clauses: vec![cx.clause(&ClauseSpec::One(pat))?],
                    });
                }
            }
        }
        if elements.is_empty() {
            return Err(cx.error("a `require` rule needs `patterns` or `elements`"));
        }
        Ok(Require {
            elements,
            only_if: cx.clauses(&p.only_if)?,
            unless: cx.clauses(&p.unless)?,
            weak: cx.clauses(&p.weak)?,
            weak_message: p.weak_message,
            weak_always: p.weak_always,
            section: p
                .section
                .iter()
                .map(|s| cx.pattern(s))
                .collect::<Result<_, _>>()?,
        })
    }
}

impl Check for Require {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        if !self.only_if.is_empty() && scan.first(&self.only_if).is_none() {
            return;
        }
        // The rule does not apply to this kind of letter (no bills under a contingency fee),
        // unless the letter does the thing anyway, only loosely: a weak match ("billed
        // quarterly" under a hybrid hourly-and-contingency fee) shows the rule is in play.
        if scan.first(&self.unless).is_some() && scan.first(&self.weak).is_none() {
            return;
        }
        if self.weak_always {
            if let Some(msg) = &self.weak_message {
                for hit in scan.all(&self.weak) {
                    let quoted = scan.quote(hit.block, &hit.span);
                    let mut f =
                        Finding::new(hit.block, hit.span.clone(), fill_weak(msg, &quoted, text));
                    f.label = Some("too vague to count".to_string());
                    out.push(f);
                }
            }
        }
        let missing: Vec<&str> = self
            .elements
            .iter()
            .filter(|e| scan.first(&e.clauses).is_none())
            .map(|e| e.name.as_str())
            .collect();
        if missing.is_empty() {
            return;
        }
        if self.weak_always && scan.first(&self.weak).is_some() {
            return;
        }
        if let (Some(hit), Some(msg)) = (scan.first(&self.weak), &self.weak_message) {
            let quoted = scan.quote(hit.block, &hit.span);
            let mut f = Finding::new(hit.block, hit.span.clone(), fill_weak(msg, &quoted, text));
            f.label = Some("too vague to count".to_string());
            out.push(f);
            return;
        }
        let Some((block, range)) = scan.anchor(&self.section) else {
            return;
        };
        let mut names: Vec<&str> = missing.iter().copied().filter(|n| !n.is_empty()).collect();
        // Only the pack's own clause is missing, under a tightening that names what it wants
        // ("HST"): name that, not nothing.
        if names.is_empty() {
            names = self
                .elements
                .iter()
                .map(|e| e.name.as_str())
                .filter(|n| !n.is_empty())
                .collect();
        }
        let joined = join_and(&names);
        let mut f = Finding::new(block, range, text.message(&[("missing", &joined)]));
        f.label = Some("the clause belongs here".to_string());
        out.push(f);
    }
}

/// Fill a `weak_message` template.
pub fn fill_weak(template: &str, quoted: &str, text: &RuleText) -> String {
    RuleText {
        message: template.to_string(),
        values: text.values.clone(),
    }
    .message(&[("match", quoted)])
}

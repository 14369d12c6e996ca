//! `when`: if a trigger clause appears, named elements must appear too, within `scope`
//! (`sentence`, `block`, `section`, or the whole `document`). Reported at the trigger, naming
//! what is missing ("the retainer request never says the money is held in trust").

use serde::Deserialize;

use crate::config::ConfigError;
use crate::rules::kinds::join_and;
use crate::rules::kinds::require::fill_weak;
use crate::rules::{
    Check, Claimed, ClauseHit, ClauseId, ClauseSpec, Compiler, Element, ElementSpec, Finding,
    RuleText, Scan,
};

/// Where a `when` rule looks for its elements, relative to the trigger.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The trigger's sentence.
    Sentence,
    /// The trigger's block.
    Block,
    /// The trigger's section (the blocks under the same heading).
    Section,
    /// Anywhere in the letter.
    #[default]
    Document,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    trigger: Vec<ClauseSpec>,
    #[serde(default)]
    elements: Vec<ElementSpec>,
    #[serde(default)]
    scope: Scope,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    weak: Vec<ClauseSpec>,
    #[serde(default)]
    weak_message: Option<String>,
    #[serde(default)]
    only_if: Vec<ClauseSpec>,
    #[serde(default)]
    unless: Vec<ClauseSpec>,
}

/// A compiled `when` rule.
#[derive(Debug)]
pub struct When {
    only_if: Vec<ClauseId>,
    unless: Vec<ClauseId>,
    trigger: Vec<ClauseId>,
    elements: Vec<Element>,
    scope: Scope,
    label: Option<String>,
    weak: Vec<ClauseId>,
    weak_message: Option<String>,
}

impl When {
    /// Compile from the rule's parameters.
    pub fn compile(cx: &mut Compiler<'_>) -> Result<Self, ConfigError> {
        let p: Params = cx.params()?;
        if p.trigger.is_empty() || (p.elements.is_empty() && p.weak.is_empty()) {
            return Err(cx.error("a `when` rule needs a `trigger`, and `elements` or `weak`"));
        }
        Ok(When {
            only_if: cx.clauses(&p.only_if)?,
            unless: cx.clauses(&p.unless)?,
            trigger: cx.clauses(&p.trigger)?,
            elements: cx.elements(&p.elements)?,
            scope: p.scope,
            label: p.label,
            weak: cx.clauses(&p.weak)?,
            weak_message: p.weak_message,
        })
    }
}

fn same_scope(scope: Scope, scan: &Scan<'_>, trigger: &ClauseHit, hit: &ClauseHit) -> bool {
    match scope {
        Scope::Document => true,
        Scope::Block => hit.block == trigger.block,
        Scope::Sentence => hit.block == trigger.block && hit.unit == trigger.unit,
        Scope::Section => {
            let s = |b: usize| scan.doc.blocks.get(b).map(|bl| bl.section);
            s(hit.block) == s(trigger.block)
        }
    }
}

impl Check for When {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        // The rule applies only to some letters (a contingent fee in a parenting matter).
        if !self.only_if.is_empty() && scan.first(&self.only_if).is_none() {
            return;
        }
        // The letter says the trigger's arrangement is not what it looks like anywhere ("it is
        // a percentage of our charges, not of your compensation").
        if scan.first(&self.unless).is_some() {
            return;
        }
        let mut triggers = scan.all(&self.trigger);
        if triggers.is_empty() {
            return;
        }
        // A heading names the topic ("Contingent fee"); the clause itself is the better spot.
        let is_heading = |h: &ClauseHit| {
            scan.doc
                .blocks
                .get(h.block)
                .is_some_and(|b| b.kind.is_heading())
        };
        if triggers.iter().any(|h| !is_heading(h)) {
            triggers.retain(|h| !is_heading(h));
        }
        // Across the whole letter the finding is reported once: at the first trigger of the
        // first clause listed (packs list the most telling phrasing first).
        if self.scope == Scope::Document {
            let first = self
                .trigger
                .iter()
                .find_map(|&c| scan.clause(c).iter().find(|h| !is_heading(h)).cloned());
            if let Some(f) = first {
                triggers.retain(|h| *h == f);
            }
        }
        // Vague stand-ins ("other staff at their usual rates") are reported where they stand.
        if let Some(msg) = &self.weak_message {
            let mut claimed = Claimed::default();
            for hit in scan.all(&self.weak) {
                // Two stand-ins in one sentence ("Other lawyers bill at their standard hourly
                // rates") are one finding.
                if !claimed.claim(hit.block, &hit.unit) {
                    continue;
                }
                let quoted = scan.quote(hit.block, &hit.span);
                let mut f =
                    Finding::new(hit.block, hit.span.clone(), fill_weak(msg, &quoted, text));
                f.label = Some("too vague".to_string());
                out.push(f);
            }
        }
        let mut reported: Vec<Vec<&str>> = Vec::new();
        for t in &triggers {
            let missing: Vec<&str> = self
                .elements
                .iter()
                .filter(|e| {
                    !scan
                        .all(&e.clauses)
                        .iter()
                        .any(|h| same_scope(self.scope, scan, t, h))
                })
                .map(|e| e.name.as_str())
                .collect();
            if missing.is_empty() {
                // A complete statement anywhere satisfies a document-wide rule.
                if self.scope == Scope::Document {
                    return;
                }
                continue;
            }
            if self.scope == Scope::Document && !reported.is_empty() {
                continue;
            }
            if reported.contains(&missing) && self.scope != Scope::Sentence {
                continue;
            }
            reported.push(missing.clone());
            let quoted = scan.quote(t.block, &t.span);
            let mut f = Finding::new(
                t.block,
                t.span.clone(),
                text.message(&[
                    ("trigger", &quoted),
                    ("match", &quoted),
                    ("missing", &join_and(&missing)),
                ]),
            );
            f.label = self.label.clone();
            out.push(f);
        }
    }
}

//! `contact`: people and the ways to reach them.
//!
//! `check = "format"`: email addresses and phone numbers must be well formed.
//! `check = "role"`: someone in `role` (e.g. `{role:assistant}`) must be named, and the letter
//! must give a phone number or email next to their name somewhere (a person introduced as
//! "our paralegal, Kenji Moriyama" is often reached later as "call Kenji at …").

use serde::Deserialize;

use crate::config::ConfigError;
use crate::extract::{find_emails, find_phones};
use std::ops::Range;

use crate::rules::pattern::PatternId;
use crate::rules::{Check, Compiler, Finding, RuleText, Scan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ContactCheck {
    Format,
    Role,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    check: ContactCheck,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    section: Vec<String>,
    #[serde(default)]
    no_contact_message: Option<String>,
}

/// A compiled `contact` rule.
#[derive(Debug)]
pub struct Contact {
    check: ContactCheck,
    role: Option<PatternId>,
    name: Option<PatternId>,
    section: Vec<PatternId>,
    no_contact_message: Option<String>,
}

impl Contact {
    /// Compile from the rule's parameters.
    pub fn compile(cx: &mut Compiler<'_>) -> Result<Self, ConfigError> {
        let p: Params = cx.params()?;
        let (role, name) = match (p.check, &p.role) {
            (ContactCheck::Role, Some(r)) => (
                Some(cx.pattern(r)?),
                Some(cx.pattern("{name}|{title-name}")?),
            ),
            (ContactCheck::Role, None) => {
                return Err(cx.error("`check = \"role\"` needs a `role` pattern"))
            }
            _ => (None, None),
        };
        Ok(Contact {
            check: p.check,
            role,
            name,
            section: p
                .section
                .iter()
                .map(|s| cx.pattern(s))
                .collect::<Result<_, _>>()?,
            no_contact_message: p.no_contact_message,
        })
    }

    /// People named next to the role: (block, span of the name, the name).
    fn people(
        &self,
        scan: &Scan<'_>,
        role: PatternId,
        name: PatternId,
    ) -> Vec<(usize, Range<usize>, String)> {
        let mut people = Vec::new();
        for (b, block) in scan.doc.prose() {
            for r in scan.find(b, role) {
                // The nearest name in the same sentence, within a few words of the role.
                let sentence = scan
                    .sentences(b)
                    .iter()
                    .find(|s| s.start <= r.start && r.start < s.end)
                    .cloned()
                    .unwrap_or(0..block.text.len());
                let best = scan
                    .find(b, name)
                    .into_iter()
                    .filter(|n| n.start >= sentence.start && n.end <= sentence.end)
                    .filter(|n| !block.text.get(n.clone()).is_some_and(is_organisation))
                    .map(|n| {
                        // A name right after the role ("our paralegal, Kenji Moriyama") wins over
                        // one before it at the same distance.
                        let gap = if n.start >= r.end {
                            2 * (n.start - r.end)
                        } else {
                            2 * r.start.saturating_sub(n.end) + 1
                        };
                        (gap, n)
                    })
                    .filter(|(gap, _)| *gap <= 80)
                    .min_by_key(|(gap, _)| *gap);
                if let Some((_, n)) = best {
                    let who = block.text.get(n.clone()).unwrap_or("").to_string();
                    people.push((b, n, who));
                }
            }
        }
        people
    }
}

/// Capitalised words that name a department, a firm or a place, not a person.
fn is_organisation(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            "Law"
                | "Department"
                | "Court"
                | "Street"
                | "Office"
                | "Firm"
                | "LLP"
                | "Limited"
                | "Ltd"
                | "Inc"
                | "Group"
                | "Services"
                | "Team"
                | "Family"
                | "Legal"
                | "Our"
                | "The"
                | "Your"
                | "My"
                | "Her"
                | "His"
                | "Partner"
                | "Associate"
                | "Senior"
                | "Junior"
        )
    })
}

/// True when `text` has a phone number or an email address.
fn has_contact(text: &str) -> bool {
    !find_emails(text).is_empty() || !find_phones(text).is_empty()
}

/// The parts of a name worth searching for ("Priya", "Singh"; not "Ms.").
fn name_parts(name: &str) -> Vec<&str> {
    name.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.chars().count() >= 3
                && !matches!(*w, "Mrs" | "Miss" | "Prof" | "Dame" | "Lady" | "Lord")
        })
        .collect()
}

fn mentions(text: &str, part: &str) -> bool {
    text.match_indices(part).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + part.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

impl Check for Contact {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        if let (ContactCheck::Role, Some(role), Some(name)) = (self.check, self.role, self.name) {
            let people = self.people(scan, role, name);
            if people.is_empty() {
                if let Some((block, range)) = scan.anchor(&self.section) {
                    let mut f = Finding::new(block, range, text.message(&[]));
                    f.label = Some("the clause belongs here".to_string());
                    out.push(f);
                }
                return;
            }
            let reachable = people.iter().any(|(_, _, who)| {
                let parts = name_parts(who);
                scan.doc.prose().any(|(_, bl)| {
                    parts.iter().any(|p| mentions(&bl.text, p)) && has_contact(&bl.text)
                })
            });
            if !reachable {
                if let Some((b, r, who)) = people.first() {
                    let msg = self.no_contact_message.clone().unwrap_or_else(|| {
                        "the letter names {match} but gives no phone number or email for them"
                            .to_string()
                    });
                    let t = RuleText {
                        message: msg,
                        values: text.values.clone(),
                    };
                    let mut f = Finding::new(*b, r.clone(), t.message(&[("match", who)]));
                    f.label = Some("no phone or email for this person".to_string());
                    out.push(f);
                }
            }
            return;
        }
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

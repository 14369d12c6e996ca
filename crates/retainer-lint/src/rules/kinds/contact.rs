//! `contact`: people and the ways to reach them.
//!
//! `check = "format"`: email addresses and phone numbers must be well formed.
//! `check = "role"`: someone in `role` (e.g. `{role:assistant}`) must be named, and the letter
//! must give a phone number or email next to their name somewhere (a person introduced as
//! "our paralegal, Kenji Moriyama" is often reached later as "call Kenji at …").
//! `check = "about"`: what the letter says of the people in `role`. A sentence is about them
//! when it has the role word, one of their names ("Kenji can help…"), or opens with "she",
//! "he", "they", "her", "his" or "their" later in a paragraph that was already about them. With `expect = "required"`, a person named in
//! the role needs a sentence about them matching `patterns` (what the assistant can help
//! with); with `expect = "forbidden"`, every match of `patterns` in a sentence about them is a
//! finding (staff giving legal advice), unless a pattern of `unless` is in the same block.

use serde::Deserialize;

use crate::config::ConfigError;
use crate::document::{contains_word, BlockKind, Document};
use crate::extract::{find_emails, find_phones};
use std::ops::Range;

use crate::rules::pattern::{clause_at, PatternId};
use crate::rules::{Check, Claimed, ClauseId, ClauseSpec, Compiler, Finding, RuleText, Scan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ContactCheck {
    Format,
    Role,
    About,
}

/// What a `check = "about"` rule expects of the sentences about the people in the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Expect {
    Required,
    Forbidden,
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
    #[serde(default)]
    patterns: Vec<ClauseSpec>,
    #[serde(default)]
    unless: Vec<String>,
    #[serde(default)]
    expect: Option<Expect>,
    #[serde(default)]
    label: Option<String>,
}

/// A compiled `contact` rule.
#[derive(Debug)]
pub struct Contact {
    check: ContactCheck,
    role: Option<PatternId>,
    name: Option<PatternId>,
    section: Vec<PatternId>,
    no_contact_message: Option<String>,
    patterns: Vec<ClauseId>,
    unless: Vec<PatternId>,
    expect: Expect,
    label: Option<String>,
}

impl Contact {
    /// Compile from the rule's parameters.
    pub fn compile(cx: &mut Compiler<'_>) -> Result<Self, ConfigError> {
        let p: Params = cx.params()?;
        let (role, name) = match (p.check, &p.role) {
            (ContactCheck::Role | ContactCheck::About, Some(r)) => (
                Some(cx.pattern(r)?),
                Some(cx.pattern("{name}|{title-name}")?),
            ),
            (ContactCheck::Role | ContactCheck::About, None) => {
                return Err(
                    cx.error("`check = \"role\"` and `check = \"about\"` need a `role` pattern")
                )
            }
            _ => (None, None),
        };
        let expect = match (p.check, p.expect) {
            (ContactCheck::About, Some(e)) => e,
            (ContactCheck::About, None) => {
                return Err(cx
                    .error("`check = \"about\"` needs `expect = \"required\"` or `\"forbidden\"`"))
            }
            (_, _) => Expect::Forbidden,
        };
        if p.check == ContactCheck::About && p.patterns.is_empty() {
            return Err(cx.error("`check = \"about\"` needs `patterns`"));
        }
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
            patterns: cx.clauses(&p.patterns)?,
            unless: p
                .unless
                .iter()
                .map(|s| cx.pattern(s))
                .collect::<Result<_, _>>()?,
            expect,
            label: p.label,
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
                if !is_the_firms(&block.text, &r) {
                    continue;
                }
                // The nearest name in the same sentence, within a few words of the role. A
                // sentence that is only a label ("Our paralegal. Lucia Ferreira can help…")
                // runs on into the next one.
                let sentences = scan.sentences(b);
                let at = sentences
                    .iter()
                    .position(|s| s.start <= r.start && r.start < s.end);
                let sentence = match at {
                    Some(i) => {
                        let s = sentences[i].clone();
                        let words = block
                            .text
                            .get(s.clone())
                            .unwrap_or("")
                            .split_whitespace()
                            .count();
                        match sentences.get(i + 1) {
                            Some(next) if words <= 4 => s.start..next.end,
                            _ => s,
                        }
                    }
                    None => 0..block.text.len(),
                };
                let best = scan
                    .find(b, name)
                    .into_iter()
                    .filter(|n| n.start >= sentence.start && n.end <= sentence.end)
                    .filter(|n| !block.text.get(n.clone()).is_some_and(is_organisation))
                    // "staff and the Cathedral Chapter": a body, not a person.
                    .filter(|n| !after_the(&block.text, n.start))
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
                } else if let Some(found) = name_in_row(scan, b, name) {
                    people.push(found);
                }
            }
        }
        people
    }
}

/// The sentences about the people in the role (`parts`: the words of their names): (block,
/// sentence range).
fn about_sentences(scan: &Scan<'_>, role: PatternId, parts: &[&str]) -> Vec<(usize, Range<usize>)> {
    let mut out = Vec::new();
    for (b, block) in scan.doc.prose() {
        let mut roles = scan.find(b, role);
        roles.retain(|r| is_the_firms(&block.text, r));
        // Once a paragraph is about them, its later "she", "he", "they" (and "her", "his",
        // "their") are too: "Bethany can book calls. Her number is … She can also …".
        let mut earlier = false;
        for s in scan.sentences(b) {
            let words = block.text.get(s.clone()).unwrap_or("");
            let about = roles.iter().any(|r| r.start >= s.start && r.start < s.end)
                || parts.iter().any(|p| contains_word(words, p))
                || (earlier && subject_pronoun(words));
            if about {
                out.push((b, s.clone()));
            }
            earlier |= about;
        }
    }
    out
}

/// Whether the clause of a sentence about them that holds byte `at` is about them too: when
/// the sentence has several clauses, the one with the match must name them, their role or a
/// pronoun. "Your volunteer coordinator can answer any questions visitors have, but please
/// send questions about the dispute to Sam" is about Sam only in its second clause.
fn clause_about(
    scan: &Scan<'_>,
    role: PatternId,
    parts: &[&str],
    block: usize,
    sentence: &Range<usize>,
    at: usize,
) -> bool {
    let text = scan.block_text(block);
    let clause = clause_at(text, sentence.clone(), at);
    if clause == *sentence {
        return true;
    }
    let names_them = |clause: &Range<usize>| {
        let words = text.get(clause.clone()).unwrap_or("");
        let pronoun = words
            .split(|c: char| !c.is_alphabetic())
            .any(|w| is_pronoun(&w.to_lowercase()));
        pronoun
            || parts.iter().any(|p| contains_word(words, p))
            || scan
                .find(block, role)
                .iter()
                .any(|r| clause.contains(&r.start) && is_the_firms(text, r))
    };
    if names_them(&clause) {
        return true;
    }
    // A clause with no subject of its own continues the one before it: "She knows the file
    // well and will be happy to answer any questions you have about the claim".
    let first = first_word(text.get(clause.clone()).unwrap_or(""));
    let continues = matches!(first.as_str(), "will" | "shall" | "can" | "may" | "also");
    continues
        && clause.start > sentence.start
        && names_them(&clause_at(
            text,
            sentence.clone(),
            clause.start.saturating_sub(2),
        ))
}

/// A pronoun (in lower case) that stands for a person already named: "she", "he", "they",
/// "her", "his", "their".
fn is_pronoun(word: &str) -> bool {
    matches!(word, "she" | "he" | "they" | "her" | "his" | "their")
}

/// The first word of `text`, in lower case.
fn first_word(text: &str) -> String {
    text.split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase()
}

/// Whether the sentence's subject is "she", "he", "they" (or "her", "his", "their"): its first
/// word, or the first after an opening clause ("When I am away, she can also …", "Because
/// she knows the file, she can …").
fn subject_pronoun(sentence: &str) -> bool {
    if is_pronoun(&first_word(sentence)) {
        return true;
    }
    let opens_a_clause = matches!(
        first_word(sentence).as_str(),
        "when"
            | "whenever"
            | "while"
            | "if"
            | "once"
            | "after"
            | "before"
            | "during"
            | "until"
            | "because"
            | "since"
            | "as"
            | "although"
            | "though"
    );
    opens_a_clause
        && sentence
            .split_once(',')
            .is_some_and(|(clause, rest)| clause.len() <= 60 && is_pronoun(&first_word(rest)))
}

/// True when the role word at `at` is another organisation's ("Opal Shield or its staff", "its
/// own staff") or the client's ("your teaching assistants"), not the firm's. "Your assistant"
/// and "your legal assistant" are the firm's assistant for the client, and "their staff" may be
/// ours ("our partners and their staff").
fn belongs_to_another(text: &str, at: usize) -> bool {
    let mut before = text.get(..at).unwrap_or("").split_whitespace().rev();
    let (Some(w1), w2) = (before.next(), before.next()) else {
        return false;
    };
    if w1.eq_ignore_ascii_case("its") {
        return true;
    }
    let describing = !w1.is_empty() && w1.chars().all(|c| c.is_lowercase() || c == '-');
    let ours = matches!(
        w1,
        "legal"
            | "law"
            | "case"
            | "file"
            | "matter"
            | "dedicated"
            | "personal"
            | "designated"
            | "assigned"
            | "main"
            | "primary"
            | "principal"
            | "lead"
            | "senior"
            | "junior"
    );
    describing
        && w2.is_some_and(|o| {
            o.eq_ignore_ascii_case("its") || (o.eq_ignore_ascii_case("your") && !ours)
        })
}

/// The word before byte `at` of `text`.
fn word_before(text: &str, at: usize) -> Option<&str> {
    text.get(..at).unwrap_or("").split_whitespace().next_back()
}

/// True when the role word at `role` is the firm's staff: not another organisation's ("its
/// staff") and not a public office ("the California Secretary of State", "clerk of session").
fn is_the_firms(text: &str, role: &Range<usize>) -> bool {
    let office = text
        .get(role.end..)
        .is_some_and(|rest| rest.starts_with(" of "));
    !belongs_to_another(text, role.start) && !office
}

/// A role in a table cell ("| Marisol Ortega | Paralegal | $185 |"): the person is the name
/// in another cell of the same row.
fn name_in_row(
    scan: &Scan<'_>,
    b: usize,
    name: PatternId,
) -> Option<(usize, Range<usize>, String)> {
    let row_of = |i: usize| match scan.doc.blocks.get(i).map(|c| c.kind) {
        Some(BlockKind::TableCell { row, .. }) => Some(row),
        _ => None,
    };
    let row = row_of(b)?;
    scan.context(b)
        .iter()
        .filter(|(i, _)| row_of(*i) == Some(row))
        .find_map(|&(i, _)| {
            let text = &scan.doc.blocks.get(i)?.text;
            scan.find(i, name)
                .into_iter()
                .find(|n| !text.get(n.clone()).is_some_and(is_organisation))
                .map(|n| (i, n.clone(), text.get(n).unwrap_or("").to_string()))
        })
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
                | "Secretary"
                | "State"
        )
    })
}

/// The text of every prose block, of every table row (its cells joined), and of every
/// signature line with the line after it ("Marcus Lee, Law Clerk" then "Direct: 416-555-0139"
/// as two Word paragraphs).
fn paragraphs_and_rows(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut row: Option<(u32, String)> = None;
    let mut signature_line: Option<&str> = None;
    for (_, block) in doc.prose() {
        out.push(block.text.clone());
        let in_table = matches!(block.kind, BlockKind::TableCell { .. });
        if let (Some(line), false) = (signature_line, in_table) {
            out.push(format!("{line} {}", block.text));
        }
        let trimmed = block.text.trim();
        signature_line = (!in_table
            && trimmed.split_whitespace().count() <= 6
            && !trimmed.ends_with(['.', ':', '?', '!']))
        .then_some(trimmed);
        match (block.kind, row.as_mut()) {
            (BlockKind::TableCell { row: r, .. }, Some((current, text))) if *current == r => {
                text.push_str(" | ");
                text.push_str(&block.text);
            }
            (BlockKind::TableCell { row: r, .. }, _) => {
                if let Some((_, text)) = row.replace((r, block.text.clone())) {
                    out.push(text);
                }
            }
            _ => {
                if let Some((_, text)) = row.take() {
                    out.push(text);
                }
            }
        }
    }
    if let Some((_, text)) = row {
        out.push(text);
    }
    out
}

/// True when `text` has a phone number or an email address.
/// The lower-cased domain of the email address at `span`.
fn email_domain(text: &str, span: &Range<usize>) -> Option<String> {
    let address = text.get(span.clone())?;
    let (_, domain) = address.rsplit_once('@')?;
    Some(domain.to_ascii_lowercase())
}

/// The domains of the well-formed email addresses anywhere in the letter.
fn email_domains(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, block) in doc.prose() {
        for e in find_emails(&block.text).into_iter().filter(|e| e.valid) {
            if let Some(d) = email_domain(&block.text, &e.span) {
                if !out.contains(&d) {
                    out.push(d);
                }
            }
        }
    }
    out
}

/// Whether `longer` is `shorter` with more labels after it and `shorter` does not end in a
/// top-level domain: "firm.example.org" extends "firm.example", so an address at
/// "firm.example" beside the firm's others at "firm.example.org" has lost its top-level
/// domain; "example.com" beside "example.com.au" is another domain.
fn extends(longer: &str, shorter: &str) -> bool {
    let last = shorter.rsplit('.').next().unwrap_or("");
    let top_level = last.len() == 2
        || matches!(
            last,
            "com"
                | "org"
                | "net"
                | "edu"
                | "gov"
                | "mil"
                | "int"
                | "info"
                | "biz"
                | "law"
                | "legal"
                | "io"
                | "app"
                | "dev"
        );
    !top_level
        && longer
            .strip_prefix(shorter)
            .is_some_and(|rest| rest.starts_with('.') && rest.len() > 1)
}

fn has_contact(text: &str) -> bool {
    !find_emails(text).is_empty() || !find_phones(text).is_empty()
}

/// True when the word before `at` is "the": people's names do not take an article.
fn after_the(text: &str, at: usize) -> bool {
    word_before(text, at).is_some_and(|w| w.eq_ignore_ascii_case("the"))
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

impl Contact {
    fn check_about(
        &self,
        text: &RuleText,
        scan: &Scan<'_>,
        (role, name): (PatternId, PatternId),
        out: &mut Vec<Finding>,
    ) {
        let people = self.people(scan, role, name);
        // The words of their names, as a sentence may mention them ("Sam", "Petrakis").
        let parts: Vec<&str> = people
            .iter()
            .flat_map(|(_, _, who)| name_parts(who))
            .collect();
        let about = about_sentences(scan, role, &parts);
        let in_about = |b: usize, at: usize| {
            about
                .iter()
                .any(|(ab, s)| *ab == b && s.start <= at && at < s.end)
        };
        match self.expect {
            Expect::Required => {
                let Some((b, r, who)) = people.first() else {
                    return;
                };
                let said = self.patterns.iter().any(|&c| {
                    scan.clause(c)
                        .iter()
                        .any(|h| in_about(h.block, h.span.start))
                });
                if !said {
                    let mut f = Finding::new(*b, r.clone(), text.message(&[("trigger", who)]));
                    f.label = self.label.clone();
                    out.push(f);
                }
            }
            Expect::Forbidden => {
                let mut claimed = Claimed::default();
                for &c in &self.patterns {
                    for hit in scan.clause(c) {
                        if !in_about(hit.block, hit.span.start)
                            || !clause_about(
                                scan,
                                role,
                                &parts,
                                hit.block,
                                &hit.unit,
                                hit.span.start,
                            )
                        {
                            continue;
                        }
                        let excused = self
                            .unless
                            .iter()
                            .any(|&p| !scan.find(hit.block, p).is_empty());
                        if excused || !claimed.claim(hit.block, &hit.span) {
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
                out.sort_by_key(|f| (f.block, f.range.start));
            }
        }
    }
}

impl Check for Contact {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        if let (ContactCheck::About, Some(role), Some(name)) = (self.check, self.role, self.name) {
            self.check_about(text, scan, (role, name), out);
            return;
        }
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
            // A paragraph, or a table row ("| Carla Ortiz | Paralegal | 212-555-0139 |").
            let units = paragraphs_and_rows(scan.doc);
            let reachable = people.iter().any(|(_, _, who)| {
                let parts = name_parts(who);
                units
                    .iter()
                    .any(|u| parts.iter().any(|p| contains_word(u, p)) && has_contact(u))
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
        let domains = email_domains(scan.doc);
        for (b, block) in scan.doc.prose() {
            let mut bad: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
            for e in find_emails(&block.text) {
                let truncated = email_domain(&block.text, &e.span)
                    .is_some_and(|d| domains.iter().any(|other| extends(other, &d)));
                if !e.valid || truncated {
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

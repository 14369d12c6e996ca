//! `drafting.cross-reference`: references to sections, clauses, paragraphs and schedules that
//! the letter does not have, and Word's broken-field messages ("Error! Reference source not
//! found.").
//!
//! Section numbers are only checked when the letter numbers its headings or paragraphs by
//! hand (at least two numbers): a letter with unnumbered headings gives no way to tell what
//! "section 7" means. References to legislation and other documents ("section 64(3) of the
//! Legal Profession Act", "Rule 1902", "s. 6148", "Part 137", "clause 3 of our Standard
//! Terms") are never checked.

use std::collections::{BTreeSet, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::numbering::{hand_label, HandLabel};
use super::{prose, slice, Finding};
use crate::document::{BlockKind, Document};

static WORD_ERROR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"Error! (?:Reference source not found|Bookmark not defined|No text of specified style in document|Hyperlink reference not valid|Not a valid bookmark(?: self-reference)?|No table of contents entries found|Unknown switch argument|Main Document Only)\.?",
    )
    .unwrap_or_else(|_| unreachable!("static regex"))
});

/// "clause 12 of the Agreement", where the letter defined "Agreement" as another document.
fn of_another_document(text: &str, end: usize, targets: &Targets) -> bool {
    let after = text.get(end..).unwrap_or("");
    let Some(rest) = after.strip_prefix(" of the ") else {
        return false;
    };
    let name: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .take(4)
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    (1..=name.len()).any(|n| targets.other_documents.contains(&name[..n].join(" ")))
}

/// "The Supply Agreement also has a notice of dispute clause (clause 14.2)": a clause of
/// another document, named in brackets after the words that describe it.
fn glosses_another_documents_clause(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let Some(lead) = before.strip_suffix('(') else {
        return false;
    };
    let lead = lead.trim_end();
    let describes_a_clause = lead
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "clause" | "clauses" | "provision" | "provisions" | "term" | "terms" | "condition"
            )
        });
    describes_a_clause && part_of_a_named_document(text, start)
}

/// "Section 12-34-05-W3": a Western Canadian legal land description (section, township,
/// range, meridian), or any code of three or more hyphen-joined numbers, is no reference.
fn is_land_description(text: &str, nums: Range<usize>) -> bool {
    let written = text.get(nums.clone()).unwrap_or("");
    let chained =
        written.split('-').filter(|p| !p.trim().is_empty()).count() >= 3 && !written.contains(' ');
    let rest = text.get(nums.end..).unwrap_or("");
    let continues = rest.starts_with('-') && rest[1..].starts_with(|c: char| c.is_alphanumeric());
    // "Section 14, Township 22, Range 18, West of the Second Meridian"
    let township = rest
        .trim_start_matches([',', ' '])
        .get(..8)
        .is_some_and(|w| w.eq_ignore_ascii_case("township"));
    chained || continues || township
}

/// How a letter names itself as an agreement.
static SELF_AGREEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bthis\s+(?:\w+\s+)?agreement\b|\(\s*(?:this|the)\s+[\x22“]agreement[\x22”]\s*\)",
    )
    .unwrap_or_else(|_| unreachable!("static regex"))
});

/// An enactment named right before the reference: "Code of Civil Procedure section 335.1",
/// "the Companies Act 2006 (section 172)", "the Partnership Act 1890, including section 44",
/// "the Australian Consumer Law (for example section 54".
static ENACTMENT_JUST_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\bAct|\bCode|\bLaw|\bRules|\bRegulations?|\bStatutes?|\bOrdinance)(?:\s+of(?:\s+(?:the|and|[A-Z][\w\x27’-]*)){1,6})?(?:\s+\d{4})?,?\s*\(?\s*(?:including|especially|in particular|particularly|namely|for example|for instance|e\.g\.,?|see|such as)?\s*$")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

static ENACTMENT_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?i:section|s\.|rule|regulation|article)\s+\d+\w*(?:\([^)]*\))*\s+of\s+the\s+(?:[A-Z][\w\x27’-]*\s+){0,6}(?:Act|Law|Code|Rules|Regulations?|Directive|Charter|Constitution|Convention|Treaty)\b")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// "Section 17.2 of the Franchise Agreement": a part of another named document, cited in the
/// paragraph; the name is captured to tell it from the letter itself.
static OTHER_DOCUMENT_CITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:\b(?:sections?|clauses?|paragraphs?|articles?)\s+\d+(?:\.\d+)*(?:\([a-z0-9]{1,4}\))*\s+of\s+(?:the|its|their|your)\s+)(?P<name>[A-Z][\w\x27’-]*(?:\s+[A-Z][\w\x27’-]*){0,4})")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// Whether the paragraph before a reference has cited a part of another named document
/// ("Section 17.2 of the Franchise Agreement gives 30 days to cure. Section 18.1 then requires
/// 60 days' notice"): a later bare reference with a sub-number is that document's too.
fn other_document_cited(before: &str, targets: &Targets) -> bool {
    OTHER_DOCUMENT_CITED.captures_iter(before).any(|c| {
        c.name("name")
            .is_some_and(|name| !names_the_letter(name.as_str(), targets))
    })
}

/// A smaller part named straight after a reference ("Annex 2, condition 7 of the licence",
/// "Schedule 3, paragraph 4 of the Act"): what follows it says whose parts they are.
static CHAINED_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:conditions?|paragraphs?|paras?\.?|clauses?|sections?|items?|parts?|rules?|articles?|terms?|regulations?)\s+\d+[\w.()]*\s+")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// Another document named in the paragraph ("Some points in the Supply Agreement matter here",
/// "Clause 14 of the draft"); the name is captured to tell it from the letter itself.
static OTHER_DOCUMENT_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Yy]our)\s+(?P<name>(?:[A-Z][\w\x27’-]*\s+){1,3}(?:Agreement|Contract|Lease|Licen[cs]e|Policy|Deed|Constitution|By-?laws|Plan|Terms|Conditions))\b|\b(?:of|in|under)\s+(?:the|its|their|your)\s+(?P<draft>draft|contract|lease|policy|licen[cs]e)\b")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// Whether a document's name is the letter's own ("the Retainer Agreement", "the Costs
/// Agreement", "the Engagement Letter", or "the Agreement" in a letter that calls itself one).
fn names_the_letter(name: &str, targets: &Targets) -> bool {
    let last = name.split_whitespace().next_back().unwrap_or("");
    name.split_whitespace().any(|w| {
        matches!(
            w,
            "Letter" | "Engagement" | "Retainer" | "Costs" | "Fee" | "Fees" | "Client" | "Care"
        )
    }) || (last == "Agreement" && targets.calls_itself_agreement && !name.contains(' '))
}

/// Whether a reference opens a sentence of a paragraph about another document it has named
/// ("Some timing points from the Supply Agreement matter here. Clause 14.2 gives … Clause 18
/// requires …"): such a reference is that document's part. One inside a sentence ("See
/// section 5 for our fees") still points into the letter.
fn other_document_discussed(before: &str, targets: &Targets) -> bool {
    let opens_sentence = before
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ';' | ':'));
    opens_sentence
        && OTHER_DOCUMENT_NAMED.captures_iter(before).any(|c| {
            c.name("draft").is_some()
                || c.name("name")
                    .is_some_and(|n| !names_the_letter(n.as_str(), targets))
        })
}

/// Someone's own document, in lower case: "your written partnership agreement", "its lease",
/// "the landlord's contract".
static OWNED_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:your|its|their|his|her|the\s+[\w-]+(?:'s|’s))\s+(?P<words>(?:[\w-]+\s+){0,3}?)(?:agreement|contract|lease|deed|policy|constitution|by-?laws)\b")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// Whether the sentence holding a reference has already named someone's own document ("Your
/// written partnership agreement of March 2021 allows either partner to end it on 60 days'
/// notice under clause 18"): the reference is to that document, unless the words name the
/// letter itself ("your retainer agreement", "your costs agreement").
fn document_owned_earlier_in_sentence(before: &str) -> bool {
    let sentence = before.rsplit(['.', '!', '?', ';']).next().unwrap_or(before);
    OWNED_DOCUMENT.captures_iter(sentence).any(|c| {
        c.name("words").is_some_and(|w| {
            !w.as_str().split_whitespace().any(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "retainer"
                        | "engagement"
                        | "costs"
                        | "fee"
                        | "fees"
                        | "client"
                        | "services"
                        | "legal"
                )
            })
        })
    })
}

const NUMBER: &str = r"\d+(?:\.\d+)*(?:\([a-z0-9]{1,4}\))*";

static SECTION_REF: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?i:\b(?P<kw>sections?|clauses?|paragraphs?|paras?\.|articles?|questions?))\s+(?P<nums>{NUMBER}(?:\s*(?:,|and|or|to|through|-|–)\s*{NUMBER})*)"
    );
    Regex::new(&re).unwrap_or_else(|_| unreachable!("static regex"))
});

static ONE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<dec>\d+(?:\.\d+)*)(?P<sub>(?:\([a-z0-9]{1,4}\))*)")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

static INLINE_LETTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s;:,])\(([a-z]|[ivx]{1,4})\)\s")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// "Schedule A", "Appendix 2", "Exhibit IV". Two or more letters that are not a roman numeral
/// name another instrument's part ("paragraph EX.1 of Appendix FM" of the Immigration Rules).
static SCHEDULE_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i:\b(?P<kw>schedules?|appendix|appendices|exhibits?|annex(?:ure)?s?|attachments?))\s+["“]?(?P<id>[A-Z]|[IVX]{2,4}|\d{1,3})\b["”]?"#,
    )
    .unwrap_or_else(|_| unreachable!("static regex"))
});

/// What the letter contains that a reference may point to.
#[derive(Debug, Default)]
struct Targets {
    /// Every hand-typed number: [4], [4, 2].
    numbers: HashSet<Vec<u32>>,
    /// Lettered labels under a number: ([3], "b").
    lettered: HashSet<(Vec<u32>, String)>,
    /// Schedules, appendices…: ("schedule", "A").
    schedules: BTreeSet<(String, String)>,
    /// Numbers that have hand-numbered children: [4] when 4.1 exists.
    parents: HashSet<Vec<u32>>,
    /// Numbers that have lettered children: [3] when 3(a) exists.
    lettered_parents: HashSet<Vec<u32>>,
    /// Numbered headings that are questions ("3. What will it cost?"): a Q&A letter, whose
    /// "question 12" is a cross-reference.
    numbered_questions: usize,
    /// Defined terms that name another document ("a draft settlement agreement (the
    /// "Agreement")"): "clause 12 of the Agreement" is that document's clause.
    other_documents: HashSet<String>,
    /// The letter calls itself an agreement ("this agreement"), so "section 4 of the
    /// agreement" may be its own section; otherwise "the agreement" is another document.
    calls_itself_agreement: bool,
}

impl Targets {
    fn collect(doc: &Document) -> Targets {
        let mut t = Targets {
            calls_itself_agreement: prose(doc).any(|(_, b)| SELF_AGREEMENT.is_match(&b.text)),
            ..Targets::default()
        };
        for d in super::terms::definitions(doc) {
            let Some(block) = doc.blocks.get(d.block) else {
                continue;
            };
            let lead = block.text.get(..d.range.start).unwrap_or("").to_lowercase();
            let sentence = lead.rsplit(['.', ';']).next().unwrap_or("");
            let is_this_letter = [
                "this letter",
                "this agreement",
                "these terms",
                "this engagement",
            ]
            .iter()
            .any(|w| sentence.contains(w));
            if !is_this_letter {
                t.other_documents.insert(d.term.clone());
            }
        }
        let mut parent: Vec<u32> = Vec::new();
        for (index, block) in prose(doc) {
            let numbered_kind = matches!(
                block.kind,
                BlockKind::Heading { .. } | BlockKind::Paragraph | BlockKind::ListItem { .. }
            );
            if numbered_kind {
                let label = hand_label(&block.text, block.kind)
                    .or_else(|| heading_list_item(doc, index).map(|n| HandLabel::Number(vec![n])));
                match label {
                    Some(HandLabel::Number(parts)) => {
                        if block.kind.is_heading() && block.text.trim_end().ends_with('?') {
                            t.numbered_questions += 1;
                        }
                        parent.clone_from(&parts);
                        t.numbers.insert(parts);
                    }
                    Some(HandLabel::Letters(letters)) if !parent.is_empty() => {
                        t.lettered.insert((parent.clone(), letters));
                    }
                    _ => {}
                }
                // Inline enumerations count too: "(a) monthly; (b) on completion".
                if !parent.is_empty() {
                    for caps in INLINE_LETTER.captures_iter(&block.text) {
                        if let Some(letters) = caps.get(1) {
                            t.lettered
                                .insert((parent.clone(), letters.as_str().to_string()));
                        }
                    }
                }
            }
            let short = block.text.split_whitespace().count() <= 12;
            for caps in SCHEDULE_REF.captures_iter(&block.text) {
                let (Some(all), Some(kw), Some(id)) =
                    (caps.get(0), caps.name("kw"), caps.name("id"))
                else {
                    continue;
                };
                let opens_block = block.text.trim_start().starts_with(all.as_str());
                if block.kind.is_heading() || (short && opens_block) {
                    t.schedules
                        .insert((kind_of(kw.as_str()), id.as_str().to_string()));
                }
            }
        }
        t.parents = t
            .numbers
            .iter()
            .filter_map(|n| n.split_last().map(|(_, parent)| parent.to_vec()))
            .filter(|p| !p.is_empty())
            .collect();
        t.lettered_parents = t.lettered.iter().map(|(p, _)| p.clone()).collect();
        t
    }

    /// Top-level numbers typed as such ("3.", "Section 3"): sub-numbers alone ("3.1") do not
    /// tell how many top-level parts there are (the headings may be numbered by Word).
    fn tops(&self) -> BTreeSet<u32> {
        self.numbers
            .iter()
            .filter(|n| n.len() == 1)
            .filter_map(|n| n.first().copied())
            .collect()
    }
}

/// "Schedules" → "schedule", "Annexure" → "annex".
/// A Markdown list item that serves as a numbered heading ("1. Who is representing you"
/// followed by paragraphs): its list number names a part of the letter.
fn heading_list_item(doc: &Document, index: usize) -> Option<u32> {
    let block = doc.blocks.get(index)?;
    let number = block.list_number?;
    let text = block.text.trim();
    let short = text.split_whitespace().count() <= 10;
    let unpunctuated = !text.ends_with(['.', ';', ':', ',']);
    let followed_by_prose = doc
        .blocks
        .get(index + 1)
        .is_some_and(|next| next.kind == BlockKind::Paragraph);
    (matches!(block.kind, BlockKind::ListItem { level: 0 })
        && short
        && unpunctuated
        && followed_by_prose)
        .then_some(number)
}

fn kind_of(keyword: &str) -> String {
    let k = keyword.to_ascii_lowercase();
    let k = if k.starts_with("append") {
        "appendix"
    } else if k.starts_with("annex") {
        "annex"
    } else if k.starts_with("schedule") {
        "schedule"
    } else if k.starts_with("exhibit") {
        "exhibit"
    } else {
        "attachment"
    };
    k.to_string()
}

/// `drafting.cross-reference`: see the module documentation.
pub fn cross_references(doc: &Document) -> Vec<Finding> {
    let targets = Targets::collect(doc);
    let tops = targets.tops();
    let check_sections = targets.numbers.len() >= 2;
    // References already read as another document's ("under clause 18" of a partnership
    // agreement): the same words later in the letter mean the same part.
    let mut external: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (index, block) in prose(doc) {
        let text = &block.text;
        for m in WORD_ERROR.find_iter(text) {
            out.push(Finding::new(
                index,
                m.range(),
                format!(
                    "Word could not resolve a cross-reference or field here (\"{}\"); update or relink the field before sending",
                    m.as_str()
                ),
            ));
        }
        if block.kind.is_heading() {
            continue; // "Section 3 - Fees" is a heading, not a reference
        }
        if check_sections {
            section_refs(index, text, &targets, &tops, &mut external, &mut out);
        }
        schedule_refs(index, text, &targets, &mut out);
    }
    out.sort_by_key(|f| (f.block, f.range.start));
    out
}

fn section_refs(
    index: usize,
    text: &str,
    targets: &Targets,
    tops: &BTreeSet<u32>,
    external: &mut HashSet<String>,
    out: &mut Vec<Finding>,
) {
    for caps in SECTION_REF.captures_iter(text) {
        let (Some(all), Some(kw), Some(nums)) = (caps.get(0), caps.name("kw"), caps.name("nums"))
        else {
            continue;
        };
        let key = format!(
            "{} {}",
            kw.as_str().to_ascii_lowercase().trim_end_matches('s'),
            nums.as_str()
        );
        if is_external(text, kw.start(), nums.end(), targets)
            || of_another_document(text, nums.end(), targets)
            || glosses_another_documents_clause(text, all.start())
        {
            external.insert(key);
            continue;
        }
        if is_land_description(text, nums.range()) || external.contains(&key) {
            continue;
        }
        // "Question 3 of the form" is no reference unless the letter's parts are questions.
        let is_question = kw.as_str().to_ascii_lowercase().starts_with("question");
        if is_question && targets.numbered_questions < 2 {
            continue;
        }
        let _ = all;
        for one in ONE_NUMBER.captures_iter(nums.as_str()) {
            let (Some(whole), Some(dec)) = (one.get(0), one.name("dec")) else {
                continue;
            };
            let parsed: Option<Vec<u32>> =
                dec.as_str().split('.').map(|p| p.parse().ok()).collect();
            let Some(parts) = parsed else { continue };
            let subs: Vec<String> = one
                .name("sub")
                .map(|s| {
                    s.as_str()
                        .split(['(', ')'])
                        .filter(|p| !p.is_empty())
                        .map(str::to_ascii_lowercase)
                        .collect()
                })
                .unwrap_or_default();
            let Some(problem) = missing(&parts, &subs, targets, tops) else {
                continue;
            };
            // The first number carries the keyword ("section 7"); later ones stand alone.
            let start = if whole.start() == 0 {
                kw.start()
            } else {
                nums.start() + whole.start()
            };
            let range = start..nums.start() + whole.end();
            let quoted = slice(text, range.clone());
            out.push(Finding::new(
                index,
                range.clone(),
                format!("\"{quoted}\" refers to {problem}"),
            ));
        }
    }
}

/// Why a numbered reference has no target, or `None` when it has one (or cannot be checked).
fn missing(
    parts: &[u32],
    subs: &[String],
    targets: &Targets,
    tops: &BTreeSet<u32>,
) -> Option<String> {
    let top = *parts.first()?;
    // Four-digit numbers are statutes ("section 6148"), never a letter's own parts.
    if parts.iter().any(|&p| p > 999) || parts.is_empty() {
        return None;
    }
    let range_text = || match (tops.first(), tops.last()) {
        (Some(a), Some(b)) if a != b => format!("numbered {a} to {b}"),
        (Some(a), _) => format!("numbered {a}"),
        _ => "unnumbered".to_string(),
    };
    // "section 54" in a letter of twelve parts is a statute's: a wrong reference to the
    // letter's own parts is off by a renumbering, not by dozens.
    let highest = tops.last().copied().unwrap_or(0);
    if tops.len() >= 2 && top > highest.saturating_mul(2).max(highest + 10) {
        return None;
    }
    if tops.len() >= 2 && !tops.contains(&top) {
        return Some(format!(
            "a part this letter does not have (its hand-numbered parts are {})",
            range_text()
        ));
    }
    if parts.len() > 1 {
        let parent = parts.get(..parts.len() - 1)?;
        let siblings_numbered = targets.parents.contains(parent);
        if siblings_numbered && !targets.numbers.contains(parts) {
            return Some(format!(
                "a part this letter does not have (no {} under {})",
                join(parts),
                join(parent)
            ));
        }
        if !siblings_numbered {
            return None;
        }
    }
    if let Some(sub) = subs.first() {
        let lettered_here = targets.lettered_parents.contains(parts);
        if lettered_here && !targets.lettered.contains(&(parts.to_vec(), sub.clone())) {
            return Some(format!(
                "a part this letter does not have (there is no ({sub}) in {})",
                join(parts)
            ));
        }
    }
    None
}

fn join(parts: &[u32]) -> String {
    parts
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// Whether a reference names another instrument: followed by "of/under/to/in" and anything
/// but "this …", or preceded by "Rule", "Code", "Act", "Regulation", "Part"…
fn is_external(text: &str, start: usize, end: usize, targets: &Targets) -> bool {
    let after = text.get(end..).unwrap_or("");
    // "section 459E", "s. 6147A": a lettered section number is a statute's, not the letter's.
    if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return true;
    }
    let after = after.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    // "clause 12 (force majeure) of the Hire Agreement": read past a short gloss.
    let after = after
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .filter(|(gloss, _)| gloss.len() <= 40)
        .map_or(after, |(_, r)| r.trim_start());
    // "an Article 78 proceeding", "a section 21 notice": the number names a kind of
    // proceeding or document under some enactment.
    let names_a_procedure = after.split_whitespace().next().is_some_and(|w| {
        matches!(
            w.trim_end_matches(['.', ',', ';', ':', ')'])
                .to_ascii_lowercase()
                .trim_end_matches('s'),
            "proceeding"
                | "petition"
                | "notice"
                | "motion"
                | "filing"
                | "hearing"
                | "order"
                | "appeal"
                | "declaration"
        )
    });
    if names_a_procedure {
        return true;
    }
    // "section 10(2) and section 5(2)(b) of the Trade Marks Act 1994": the enactment named
    // after the next reference is this one's too.
    let coordinated = after
        .strip_prefix("and ")
        .or_else(|| after.strip_prefix("or "))
        .map(str::trim_start);
    if coordinated.is_some_and(|rest| ENACTMENT_NAMED.find(rest).is_some_and(|m| m.start() == 0)) {
        return true;
    }
    // "Annex 2, condition 7 of the licence": the part named next is of the same document.
    let after = CHAINED_PART
        .find(after)
        .map(|m| after.get(m.end()..).unwrap_or(""))
        .filter(|rest| rest.starts_with("of ") || rest.starts_with("under "))
        .unwrap_or(after);
    let mut words = after.split_whitespace();
    if let Some(first) = words.next() {
        // "regulation 31 of, and Schedule 6 to, the Regulations"
        let first = first.trim_end_matches(',').to_ascii_lowercase();
        if matches!(
            first.as_str(),
            "of" | "under" | "to" | "in" | "from" | "and" | "or"
        ) {
            let next = words.next().unwrap_or("").to_ascii_lowercase();
            let internal = matches!(next.as_str(), "this" | "these" | "the")
                && (next != "the"
                    || words.next().is_some_and(|w| {
                        match w.to_ascii_lowercase().trim_end_matches(['.', ',', ';']) {
                            "letter" | "engagement" | "schedule" => true,
                            "agreement" => targets.calls_itself_agreement,
                            _ => false,
                        }
                    }));
            let continues_list = matches!(first.as_str(), "and" | "or")
                && next.starts_with(|c: char| c.is_ascii_digit());
            if !internal && !continues_list && first != "and" && first != "or" {
                return true;
            }
        }
    }
    let before = text.get(..start).unwrap_or("");
    // "the Partnership Act 1890, including section 44": an enactment just named.
    let recent: String = before
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if ENACTMENT_JUST_BEFORE.is_match(&recent) {
        return true;
    }
    // "section 174 of the Legal Profession Uniform Law. ... under section 181": a bare number
    // later in a paragraph that has just cited an enactment is that enactment's; but "See
    // section 13 for how we handle offers" points into the letter.
    let see_here = before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.trim_start_matches('(').eq_ignore_ascii_case("see"));
    if !see_here && ENACTMENT_NAMED.is_match(before) {
        return true;
    }
    let sub_numbered = text.get(start..end).is_some_and(|r| r.contains(['.', '(']));
    if !see_here
        && (sub_numbered && other_document_cited(before, targets)
            || other_document_discussed(before, targets)
            || document_owned_earlier_in_sentence(before))
    {
        return true;
    }
    let previous_word = before.split_whitespace().next_back().unwrap_or("");
    // "Its clause 14.3 requires notices within 10 days", "the Seller's clause 9": a part of
    // another party's document.
    let owner = previous_word.to_ascii_lowercase();
    let owned = matches!(owner.as_str(), "its" | "their" | "his" | "her")
        || ((owner.ends_with("'s") || owner.ends_with("’s"))
            && !matches!(
                owner.trim_end_matches("'s").trim_end_matches("’s"),
                "letter" | "agreement" | "engagement" | "retainer"
            ));
    if owned {
        return true;
    }
    // "RPAPL section 755", "CPLR section 5501": an enactment's initials.
    let initials = previous_word.trim_end_matches([',', '.']);
    if initials.len() >= 3 && initials.chars().all(|c| c.is_ascii_uppercase()) {
        return true;
    }
    let previous = previous_word
        .trim_end_matches([',', '.', '\'', '’', 's'])
        .to_ascii_lowercase();
    matches!(
        previous.as_str(),
        "rule"
            | "code"
            | "act"
            | "regulation"
            | "part"
            | "bylaw"
            | "by-law"
            | "statute"
            | "law"
            | "cfr"
            | "usc"
            | "nycrr"
            | "treaty"
            | "convention"
            | "directive"
            | "ordinance"
            | "charter"
    )
}

fn schedule_refs(index: usize, text: &str, targets: &Targets, out: &mut Vec<Finding>) {
    for caps in SCHEDULE_REF.captures_iter(text) {
        let (Some(all), Some(kw), Some(id)) = (caps.get(0), caps.name("kw"), caps.name("id"))
        else {
            continue;
        };
        let kind = kind_of(kw.as_str());
        if targets
            .schedules
            .contains(&(kind.clone(), id.as_str().to_string()))
        {
            continue;
        }
        let before = text.get(..all.start()).unwrap_or("");
        if is_external(text, all.start(), all.end(), targets)
            || sent_separately(text, all.range())
            || of_another_document(text, all.end(), targets)
            || part_of_a_named_document(text, all.start())
            // "Clause 14 of the Trust's draft lets it claw back the grant. ... Schedule 3
            // limits grazing": the paragraph is about another document's parts.
            || other_document_cited(before, targets)
            || other_document_discussed(before, targets)
        {
            continue;
        }
        let others: Vec<String> = targets
            .schedules
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, i)| format!("{} {i}", capitalise(&kind)))
            .collect();
        let has = if others.is_empty() {
            format!("the letter contains no {kind}")
        } else {
            format!("the letter contains only {}", others.join(", "))
        };
        out.push(Finding::new(
            index,
            all.range(),
            format!(
                "\"{}\" is referred to but {has}; attach it or correct the reference",
                all.as_str()
            ),
        ));
    }
}

/// Another document named in a sentence ("the current licence", "The Supply Agreement", "the
/// Seller's draft"):
/// "the conditions in Annex 2" and "a notice of dispute clause (clause 14.2)" are its parts.
static NAMED_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:the|its|their|your|his|her|current|existing|draft|proposed|new)\s+(?:[\w'’-]+\s+){0,2}?(?:licen[cs]e|lease|contract|agreement|policy|deed|permit|order|constitution|by-?laws|planning permission|consent|terms|declaration|drafts?)\b",
    )
    .unwrap_or_else(|_| unreachable!("static regex"))
});

fn part_of_a_named_document(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let sentence = before.rsplit(['.', '!', '?', ';']).next().unwrap_or(before);
    NAMED_DOCUMENT.is_match(sentence)
}

/// "enclosed separately", "under separate cover", "previously provided": the reference is to
/// a document that is not part of the letter.
fn sent_separately(text: &str, range: Range<usize>) -> bool {
    let from = floor_boundary(text, range.start.saturating_sub(80));
    let to = ceil_boundary(text, (range.end + 80).min(text.len()));
    let window = slice(text, from..to).to_ascii_lowercase();
    [
        "enclos",
        "separate",
        "previously",
        "already provided",
        "already sent",
    ]
    .iter()
    .any(|w| window.contains(w))
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    /// Every pattern literal of this module compiles (each `unreachable!` above truly is).
    #[test]
    fn static_regexes_compile() {
        LazyLock::force(&WORD_ERROR);
        LazyLock::force(&SELF_AGREEMENT);
        LazyLock::force(&ENACTMENT_JUST_BEFORE);
        LazyLock::force(&ENACTMENT_NAMED);
        LazyLock::force(&OTHER_DOCUMENT_CITED);
        LazyLock::force(&CHAINED_PART);
        LazyLock::force(&OTHER_DOCUMENT_NAMED);
        LazyLock::force(&SECTION_REF);
        LazyLock::force(&ONE_NUMBER);
        LazyLock::force(&INLINE_LETTER);
        LazyLock::force(&SCHEDULE_REF);
        LazyLock::force(&NAMED_DOCUMENT);
        LazyLock::force(&OWNED_DOCUMENT);
    }

    /// `expected` lists the flagged words as `block:words`.
    fn check(blocks: &[(BlockKind, &str)], expected: &[&str]) {
        let doc = letter(blocks);
        let found = cross_references(&doc);
        assert_well_formed(&doc, &found);
        assert_eq!(spans(&doc, &found), expected, "{found:#?}");
    }

    const NUMBERED: [(BlockKind, &str); 6] = [
        (H2, "1. Scope"),
        (H2, "2. Fees"),
        (P, "2.1 Hourly Rates apply."),
        (P, "2.2 Deposit terms."),
        (H2, "3. Billing"),
        (P, "(a) monthly; (b) on completion."),
    ];

    fn with(extra: &[(BlockKind, &'static str)]) -> Vec<(BlockKind, &'static str)> {
        let mut v = NUMBERED.to_vec();
        v.extend_from_slice(extra);
        v
    }

    #[test]
    fn markdown_numbered_headings_are_parts() {
        let mut blocks = vec![
            (LI, "Who is representing you"),
            (P, "Ana Ruiz is your lawyer."),
            (LI, "Our fee"),
            (
                P,
                "Our fee is one third. The procedure is also explained in Section 11.",
            ),
        ];
        blocks.extend([
            (LI, "Ending our relationship"),
            (P, "You may end it at any time."),
        ]);
        let mut doc = letter(&blocks);
        for (index, number) in [(0, 1), (2, 2), (4, 3)] {
            doc.blocks[index].list_number = Some(number);
        }
        let found = cross_references(&doc);
        assert_eq!(spans(&doc, &found), ["3:Section 11"]);
        // A numbered list of steps is no set of parts.
        let mut doc = letter(&[
            (P, "Next steps:"),
            (LI, "Sign the letter."),
            (LI, "Send the retainer."),
            (P, "See Section 11 of the Act."),
        ]);
        doc.blocks[1].list_number = Some(1);
        doc.blocks[2].list_number = Some(2);
        assert!(cross_references(&doc).is_empty());
    }

    #[test]
    fn missing_targets_are_flagged() {
        check(
            &with(&[(P, "As set out in Section 5 above, we bill monthly.")]),
            &["6:Section 5"],
        );
        check(
            &with(&[(P, "See clause 2.4 for the deposit.")]),
            &["6:clause 2.4"],
        );
        check(
            &with(&[(P, "See paragraph 3(c) for timing.")]),
            &["6:paragraph 3(c)"],
        );
        check(&with(&[(P, "See sections 2 and 7.")]), &["6:7"]);
        // The letter's own agreement named first is no other document.
        check(
            &with(&[(
                P,
                "Please sign the Retainer Agreement. Section 9 explains how to end it.",
            )]),
            &["6:Section 9"],
        );
        check(
            &with(&[(P, "Our terms are in Annex 2, condition 7 of this letter.")]),
            &["6:Annex 2"],
        );
        check(
            &with(&[(P, "Our rates are in Schedule B.")]),
            &["6:Schedule B"],
        );
        // Another document cited earlier in the paragraph does not cover a reference that
        // points into the letter: only sub-numbered ones continue the citation, and never
        // after "see".
        check(
            &with(&[(
                P,
                "Section 17.2 of the Franchise Agreement gives 30 days to cure. See section 2.4 for our fees, and section 5.",
            )]),
            &["6:section 2.4", "6:section 5"],
        );
        check(
            &[
                (P, "Our terms are in Appendix 2."),
                (H1, "Appendix 1 - Terms"),
            ],
            &["0:Appendix 2"],
        );
        check(
            &[(
                P,
                "As explained in Error! Reference source not found., we bill monthly.",
            )],
            &["0:Error! Reference source not found."],
        );
        check(
            &[(H1, "Fees Error! Bookmark not defined.")],
            &["0:Error! Bookmark not defined."],
        );
    }

    #[test]
    fn question_numbers_are_references_only_in_a_question_and_answer_letter() {
        let qa = [
            (H2, "1. What will you do for me?"),
            (H2, "2. What will it cost?"),
            (
                P,
                "As question 2 explains, and question 12 adds, we bill monthly.",
            ),
        ];
        check(&qa, &["2:question 12"]);
        check(&with(&[(P, "Answer question 12 of the intake form.")]), &[]);
        check(
            &with(&[(
                P,
                "Courts have considered section 4 of the Occupiers' Liability Act. See section 7 for how we handle offers.",
            )]),
            &["6:section 7"],
        );
        check(
            &with(&[(
                P,
                "We will review the current licence, its plan and the conditions in Annex 2.",
            )]),
            &[],
        );
        check(
            &with(&[(
                P,
                "The Supply Agreement also has a 30-day notice of dispute clause (clause 14.2).",
            )]),
            &[],
        );
        check(
            &with(&[(P, "Our fees are described in the fee clause (clause 7).")]),
            &["6:clause 7"],
        );
        check(
            &with(&[(P, "You may rely on paragraph EX.1 of Appendix FM instead.")]),
            &[],
        );
        check(
            &with(&[(P, "Our rates are in Exhibit IV.")]),
            &["6:Exhibit IV"],
        );
    }

    #[test]
    fn numbers_far_beyond_the_letters_parts_are_a_statutes() {
        // Three parts: "section 20" is too far to be a misnumbered part of this letter.
        check(
            &with(&[(
                P,
                "The reports under section 20 and section 81.30 are not included; see section 4.",
            )]),
            &["6:section 4"],
        );
    }

    #[test]
    fn existing_and_external_targets_are_not_flagged() {
        // A schedule of a draft named in the same sentence.
        check(
            &with(&[(
                P,
                "For example, section 14.2 of the Seller's draft limits the warranty to 12 months, and Schedule B leaves the commissioning tests blank.",
            )]),
            &[],
        );
        // A paragraph about another named document: references that open its sentences are
        // that document's; so is a part named after another part of a named document.
        check(
            &with(&[(
                P,
                "Some timing points from the Supply Agreement matter here. Clause 18 requires 90 days' notice of termination.",
            )]),
            &[],
        );
        check(
            &with(&[(
                P,
                "Some terms in the Distribution Agreement need work. Clause 14 of the draft asks for a recall plan. Schedule B gives the Distributor 60 days to pay.",
            )]),
            &[],
        );
        check(
            &with(&[(
                P,
                "Annex 2, condition 7 of the licence requires incidents to be written up.",
            )]),
            &[],
        );
        // A glossed clause of another document.
        check(
            &with(&[(
                P,
                "The Venue relies on clause 12 (force majeure) of the Hire Agreement.",
            )]),
            &[],
        );
        // Another party's clause.
        check(
            &with(&[(
                P,
                "Some points in the Co-op's draft need hard bargaining. Its clause 14.3 requires notices within 10 days, and the Seller's clause 9 adds interest.",
            )]),
            &[],
        );
        // A paragraph that cites another document's section goes on citing it.
        check(
            &with(&[(
                P,
                "Section 17.2 of the Franchise Agreement gives Golden Crumb 30 days to cure a default. Section 18.1 then requires 60 days' notice of termination.",
            )]),
            &[],
        );
        check(
            &with(&[(
                P,
                "The consumer guarantees in the Australian Consumer Law (for example section 54, acceptable quality) will not apply.",
            )]),
            &[],
        );
        check(
            &with(&[(
                P,
                "Whether the search breached section 8 of the Canadian Charter of Rights and Freedoms and whether evidence should be excluded under section 24(2).",
            )]),
            &[],
        );
        check(
            &with(&[(
                P,
                "We will advise on the north half of Section 12-34-05-W3 and section 9-12-30, and on the Partnership Act 1890, including section 44.",
            )]),
            &[],
        );
        check(
            &with(&[
                (
                    P,
                    "Their solicitors sent you a draft settlement agreement (the \"Agreement\").",
                ),
                (P, "They offer, in clause 12 of the Agreement, to pay £750."),
                (P, "The rates are in Schedule A of the Agreement."),
                (P, "Please sign this agreement and return it."),
            ]),
            &[],
        );
        check(
            &with(&[(
                P,
                "This is our disclosure under section 174 of the Legal Profession Uniform Law (NSW). Once signed it is an agreement under section 181.",
            )]),
            &[],
        );
        // Someone else's agreement named earlier in the sentence, in lower case.
        check(
            &with(&[(
                P,
                "Your written partnership agreement allows either partner to end it on 60 days' notice under clause 8. See clause 9 for our fees.",
            )]),
            &["6:clause 9"],
        );
        // The same words later in the letter mean the same part.
        check(
            &with(&[
                (
                    P,
                    "Your partnership agreement lets either partner end it under clause 8.",
                ),
                (
                    P,
                    "Under clause 8, the Partnership would then end. See clause 9.",
                ),
            ]),
            &["7:clause 9"],
        );
        // An EU regulation's articles: "Article 12" after "Article 11 of the P2B Regulation".
        check(
            &with(&[(
                P,
                "We will use the complaint system under Article 11 of the P2B Regulation and, if it would help, the mediation that Article 12 requires.",
            )]),
            &[],
        );
        check(
            &with(&[(
                P,
                "See section 2, clause 2.2 and paragraph 3(b); see also Section 1 above.",
            )]),
            &[],
        );
        check(
            &with(&[(
                P,
                "Any party may apply under section 64(3) of the Legal Profession Act, 1990.",
            )]),
            &[],
        );
        // Two sections of one statute, named once after the second.
        check(
            &with(&[(
                P,
                "We advise you on your rights under section 10(2) and section 5(2)(b) of the Trade Marks Act 1994.",
            )]),
            &[],
        );
        // The letter's own sections, then a statute's: the first is still the letter's.
        check(
            &with(&[(P, "See section 7 and then section 5(2)(b) of this letter.")]),
            &["6:section 7", "6:section 5(2)(b)"],
        );
        check(
            &with(&[(
                P,
                "See s. 6148 of the Business and Professions Code and Rule 1902.",
            )]),
            &[],
        );
        check(
            &with(&[(
                P,
                "Your rights under section 174(2) of the Legal Profession Uniform Law apply.",
            )]),
            &[],
        );
        check(
            &with(&[(
                P,
                "We will serve a demand under section 459E of the Corporations Act.",
            )]),
            &[],
        );
        check(
            &with(&[(
                P,
                "Arbitration under Part 137 of the Rules of the Chief Administrator.",
            )]),
            &[],
        );
        check(&with(&[(P, "Code section 95 and Rule section 12 do not apply; nor does clause 9 of our Standard Terms.")]), &[]);
        check(
            &with(&[(
                P,
                "The claim was filed under Code of Civil Procedure sections 830 to 852 (see also Code of Civil Procedure section 335.1).",
            )]),
            &[],
        );
        check(
            &with(&[(
                P,
                "Water drains onto Section 14, Township 22, Range 18, West of the Second Meridian.",
            )]),
            &[],
        );
        check(
            &with(&[(P, "Under RPAPL section 755, a court may stay the case.")]),
            &[],
        );
        check(
            &with(&[(
                P,
                "Excluded: an Article 78 proceeding, a section 21 notice and the Section 8 and Section 9 maintenance filings.",
            )]),
            &["6:Section 8", "6:Section 9"],
        );
        // "the agreement" is another document unless the letter calls itself one.
        check(
            &with(&[(P, "Under Schedule A of the agreement, statements bind you.")]),
            &[],
        );
        // A schedule in a paragraph about another document's clauses is that document's.
        check(
            &with(&[(
                P,
                "Clause 14 of the Trust's draft lets it claw back the grant. Schedule 3 limits grazing.",
            )]),
            &[],
        );
        check(
            &with(&[(P, "Clause 2 sets our fees. Schedule 3 limits grazing.")]),
            &["6:Schedule 3"],
        );
        check(
            &with(&[
                (P, "Under Schedule A of the agreement, statements bind you."),
                (P, "Please sign this agreement."),
            ]),
            &["6:Schedule A"],
        );
        check(
            &with(&[(P, "The Procedure section 9 and section 9 of the letter.")]),
            &["6:section 9", "6:section 9"],
        );
        check(
            &with(&[(
                P,
                "Clause 2.7 of the Retainer Agreement with your previous lawyer is void.",
            )]),
            &[],
        );
        check(
            &with(&[(P, "Schedule 1 to the Solicitors Act sets the scale.")]),
            &[],
        );
        check(
            &with(&[(
                P,
                "The procedure is in regulation 31 of, and Schedule 6 to, the Regulations.",
            )]),
            &[],
        );
        check(
            &with(&[(P, "See clause 2.9 of this letter.")]),
            &["6:clause 2.9"],
        );
        // Unnumbered headings: "section 7" cannot be checked.
        check(
            &[(H2, "Scope"), (H2, "Fees"), (P, "See section 7 below.")],
            &[],
        );
        check(
            &[(
                P,
                "Our standard terms, enclosed separately as Schedule A, apply.",
            )],
            &[],
        );
        check(
            &[
                (P, "Please read Schedule A."),
                (H1, "Schedule A – Standard Terms"),
            ],
            &[],
        );
        check(
            &[
                (P, "Please read Schedule A."),
                (P, "SCHEDULE A"),
                (P, "Terms follow."),
            ],
            &[],
        );
        check(
            &with(&[(
                P,
                "Costs are set out in section 3, paragraph 2.1 and clause 3(a).",
            )]),
            &[],
        );
        check(&[(P, "The error was not found in any section.")], &[]);
        // Word numbers the headings; only the sub-clauses are typed: "section 6" is unknown.
        check(
            &[
                (H1, "Scope"),
                (P, "1.1 Advice"),
                (P, "1.2 Drafting"),
                (P, "See section 6 and clause 1.2."),
            ],
            &[],
        );
        check(
            &[
                (H1, "Scope"),
                (P, "1.1 Advice"),
                (P, "1.2 Drafting"),
                (P, "See clause 1.5."),
            ],
            &["3:clause 1.5"],
        );
        check(
            &[
                (LI, "1. Sign"),
                (LI, "2. Pay"),
                (P, "Do step 2 in paragraph 2 now."),
            ],
            &[],
        );
    }
}

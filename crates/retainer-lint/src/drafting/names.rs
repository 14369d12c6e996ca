//! `drafting.party-name`: the client, the firm or a person named inconsistently.
//!
//! Organisations are recognised by their corporate suffix ("Acme Corp.", "Chen Law LLP", or a
//! law firm's "Lawyers", "Legal", "Solicitors", "Attorneys") and
//! grouped by the words of the name; within a group, a later form that differs from the first
//! in its suffix ("Acme Corporation Ltd." then "Acme Corp") or its capitals ("ACME
//! Corporation") is flagged, except an all-capitals form (signature blocks). A party (an
//! organisation defined with a parenthetical or named in the letterhead, address block or
//! page furniture) whose name reappears with one word misspelt ("Acne Corp.") is flagged too.
//!
//! People are recognised by an honorific ("Mr. John Smith") or as two or three capitalised
//! name-like words ("Maria Chen"). Two forms with the same surname and given names one or
//! two letters apart ("John Smith" / "Jon Smith"), or the same given name and surnames one
//! or two letters apart ("John Smith" / "John Smyth") or cut from a double-barrelled surname
//! ("Helena Marsh-Whitaker" / "Helena Whitaker"), are flagged, unless they are plausibly
//! two people: they appear in the same paragraph, their honorifics differ in gender, the
//! names differ like Paul/Paula or Mark/Mary, or both forms are used repeatedly.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::terms::institution_head;
use super::{edit_distance, prose, slice, Finding};
use crate::document::{BlockKind, Document};

/// A word of a block with its byte range.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Words (letters, digits, apostrophes, inner hyphens) and `&` signs of a text.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let word_char = c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(token(text, s, i));
                start = None;
            }
            _ => {}
        }
        if c == '&' {
            out.push(token(text, i, i + 1));
        }
    }
    if let Some(s) = start {
        out.push(token(text, s, text.len()));
    }
    out.retain(|t| !t.text.is_empty());
    out
}

fn token(text: &str, start: usize, end: usize) -> Token<'_> {
    // Trailing apostrophes and hyphens are punctuation, not part of the word.
    let raw = slice(text, start..end);
    let trimmed = raw
        .trim_end_matches(['\'', '’', '-'])
        .trim_start_matches(['\'', '’', '-']);
    let lead = raw.len() - raw.trim_start_matches(['\'', '’', '-']).len();
    Token {
        start: start + lead,
        end: start + lead + trimmed.len(),
        text: trimmed,
    }
}

/// The text between two tokens.
fn gap<'a>(text: &'a str, a: &Token<'_>, b: &Token<'_>) -> &'a str {
    slice(text, a.end..b.start)
}

/// A word without a possessive ending.
fn bare(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// The canonical corporate suffix a word stands for.
fn suffix_of(word: &str) -> Option<&'static str> {
    let w = bare(word);
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    if !capital {
        return None;
    }
    Some(match w.to_ascii_lowercase().as_str() {
        "inc" | "incorporated" => "inc",
        "corp" | "corporation" => "corp",
        "ltd" | "limited" => "ltd",
        "llp" => "llp",
        "llc" => "llc",
        "co" | "company" => "co",
        "plc" => "plc",
        "lp" => "lp",
        "pc" => "pc",
        "ulc" => "ulc",
        "gmbh" => "gmbh",
        "pty" => "pty",
        // New York's professional LLCs, California's professional corporations, English
        // charitable incorporated organisations and community interest companies.
        "pllc" => "pllc",
        "lllp" => "lllp",
        "apc" => "apc",
        "cio" => "cio",
        "cic" => "cic",
        // A law firm's trading name: "Harbour & Wattle Lawyers", "Chen Legal".
        "lawyers" | "legal" | "solicitors" | "attorneys" => "firm",
        // "the 1420 Grand Concourse Tenants' Association", "Washington Heights Chess Society"
        "association" | "society" | "club" => "assoc",
        _ => return None,
    })
}

/// Words that begin a phrase rather than a name: "Re: Acme Corp.", "Dear Acme Corp.".
const ORG_STOP: &[&str] = &[
    // A signature block's title line: "Daniel Ferreira / Senior Associate / Harbourside Lawyers".
    "Associate",
    "Partner",
    "Principal",
    "Director",
    "Solicitor",
    "Counsel",
    "Paralegal",
    "Clerk",
    "Lawyer",
    "Attorney",
    "Manager",
    "If",
    "When",
    "Where",
    "While",
    "Should",
    "Unless",
    "Although",
    "As",
    "Because",
    "After",
    "Before",
    "Once",
    "Since",
    "Please",
    "Both",
    "Neither",
    "Either",
    "Only",
    "Also",
    "But",
    "So",
    "Then",
    "Thus",
    "Here",
    "There",
    "It",
    "We",
    "You",
    "They",
    "Its",
    "Their",
    "All",
    "Any",
    "Each",
    "Every",
    "Whether",
    "Until",
    "Upon",
    "Under",
    "Over",
    "Via",
    "Contact",
    "Call",
    "Email",
    "Thank",
    "Thanks",
    "Pay",
    "Invoice",
    "Notify",
    "Ask",
    "Tell",
    "Let",
    "Note",
    "Whereas",
    "Hereby",
    "That",
    "This",
    "These",
    "Those",
    "Or",
    "Nor",
    "Yet",
    "The",
    "THE",
    "Re",
    "RE",
    "Dear",
    "To",
    "For",
    "Between",
    "By",
    "From",
    "Attention",
    "Attn",
    "With",
    "At",
    "Of",
    "In",
    "On",
    "And",
    "Client",
    "Our",
    "Your",
    "Acknowledged",
    "Agreed",
    "Signed",
    "Per",
    "Behalf",
    "Behalf",
    "Cc",
    "CC",
    "Subject",
    "Name",
    "Company",
    "Firm",
];

/// One mention of an organisation.
#[derive(Debug, Clone)]
struct OrgMention {
    block: usize,
    range: Range<usize>,
    /// The name words, lower-cased: the group key.
    key: Vec<String>,
    /// The written form with dots, commas and possessives removed, for comparison.
    form: String,
    /// The canonical last suffix ("corp" for "Corporation").
    suffix: &'static str,
    /// Every canonical suffix of the chain ("co", "ltd" for "Co. Ltd.").
    chain: Vec<&'static str>,
}

fn org_mentions(index: usize, text: &str, out: &mut Vec<OrgMention>) {
    let toks = tokens(text);
    let mut i = 0;
    while i < toks.len() {
        let Some(tok) = toks.get(i) else { break };
        if suffix_of(tok.text).is_none()
            || (bare(tok.text).eq_ignore_ascii_case("co")
                && !text.get(tok.end..).is_some_and(|r| r.starts_with('.')))
        {
            i += 1;
            continue;
        }
        // The suffix chain: "Corporation Ltd.", ", Inc.".
        let mut last = i;
        while let (Some(a), Some(b)) = (toks.get(last), toks.get(last + 1)) {
            let g = gap(text, a, b).trim();
            // "Ashworth Pryce LLP Solicitors" (a letterhead's two lines) is the firm "Ashworth
            // Pryce LLP" and what it does, not a longer name.
            if suffix_of(b.text).is_some_and(|s| s != "firm")
                && (g.is_empty() || g == "." || g == "," || g == ".,")
                && suffix_of(a.text).is_some()
                && !bare(a.text).contains(['\'', '’'])
            {
                last += 1;
            } else {
                break;
            }
        }
        // "Co" or "Company" right before another suffix belongs to the chain: "Kestrel Coffee
        // Co Pty Ltd". `name_end` is where the name words stop.
        let mut name_end = i;
        while name_end > 0
            && toks
                .get(name_end - 1)
                .is_some_and(|t| suffix_of(t.text) == Some("co"))
            && toks
                .get(name_end - 1)
                .zip(toks.get(name_end))
                .is_some_and(|(a, b)| gap(text, a, b).trim().is_empty())
        {
            name_end -= 1;
        }
        // The name words before the suffix.
        let mut first = name_end;
        while first > 0 && name_end - first < 5 {
            let (Some(prev), Some(cur)) = (toks.get(first - 1), toks.get(first)) else {
                break;
            };
            let g = gap(text, prev, cur);
            // "Tenants' Association": a plural possessive's apostrophe joins the words too.
            let joined =
                matches!(g.trim(), "" | "'" | "’") || (first == name_end && g.trim() == ",");
            let upper = |t: &Token<'_>| t.text.chars().next().is_some_and(char::is_uppercase);
            // "Ember and Clay Studios": "and" between two capitalised words, like "&".
            let capital = upper(prev)
                || prev.text == "&"
                || (prev.text == "and" && first >= 2 && toks.get(first - 2).is_some_and(upper));
            if !joined
                || !capital
                || ORG_STOP.contains(&prev.text)
                || suffix_of(prev.text).is_some()
            {
                break;
            }
            first -= 1;
        }
        while toks
            .get(first)
            .is_some_and(|t| t.text == "&" || t.text == "and")
            && first < name_end
        {
            first += 1;
        }
        if first == name_end {
            i = last + 1;
            continue;
        }
        let (Some(start_tok), Some(end_tok)) = (toks.get(first), toks.get(last)) else {
            break;
        };
        let mut end = end_tok.end;
        let abbreviation = matches!(
            bare(end_tok.text).to_ascii_lowercase().as_str(),
            "inc" | "corp" | "ltd" | "co" | "pty"
        );
        if abbreviation && text.get(end..).is_some_and(|r| r.starts_with('.')) {
            end += 1;
        }
        let key: Vec<String> = toks
            .get(first..name_end)
            .unwrap_or(&[])
            .iter()
            .map(|t| bare(t.text).to_lowercase())
            .collect();
        let form = normalise(slice(text, start_tok.start..end));
        let suffix = suffix_of(end_tok.text).unwrap_or("");
        let chain = toks
            .get(name_end..=last)
            .unwrap_or(&[])
            .iter()
            .filter_map(|t| suffix_of(t.text))
            .collect();
        out.push(OrgMention {
            block: index,
            range: start_tok.start..end,
            key,
            form,
            suffix,
            chain,
        });
        i = last + 1;
    }
}

/// A written name with dots, commas and possessives removed and spaces collapsed.
fn normalise(s: &str) -> String {
    s.split_whitespace()
        .map(|w| bare(w.trim_matches(|c: char| c == '.' || c == ',')).replace('.', ""))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn has_lowercase(s: &str) -> bool {
    s.chars().any(char::is_lowercase)
}

/// Whether two forms of the same name agree: equal, or equal in capitals when either is
/// written in capitals throughout (signature blocks, letterheads).
fn same_form(a: &str, b: &str) -> bool {
    let (a, b) = (body_form(a), body_form(b));
    a == b || ((!has_lowercase(a) || !has_lowercase(b)) && a.to_uppercase() == b.to_uppercase())
}

/// A society's, club's or association's name without the incorporation after it: "Corrigan
/// Creek Heritage Elevator Society Inc." is often just "... Elevator Society". `form` is
/// normalised (single spaces).
fn body_form(form: &str) -> &str {
    let mut head = form;
    let mut dropped = false;
    while let Some((rest, last)) = head.rsplit_once(' ') {
        match suffix_of(last) {
            Some(s) if s != "assoc" && s != "firm" => {
                head = rest;
                dropped = true;
            }
            _ => break,
        }
    }
    let body = head
        .rsplit(' ')
        .next()
        .is_some_and(|w| suffix_of(w) == Some("assoc"));
    if dropped && body {
        head
    } else {
        form
    }
}

/// `drafting.party-name`: see the module documentation.
pub fn party_names(doc: &Document) -> Vec<Finding> {
    let mut out = organisations(doc);
    out.extend(people(doc));
    out.sort_by_key(|f| (f.block, f.range.start));
    out
}

/// Names are collected in reading order ([`Document::prose_in_reading_order`]): the first
/// mention, the form the others are checked against, is the same in Markdown and in DOCX.
fn organisations(doc: &Document) -> Vec<Finding> {
    let mut mentions = Vec::new();
    for (index, block) in doc.prose_in_reading_order() {
        org_mentions(index, &block.text, &mut mentions);
    }
    let mut first_of: HashMap<&[String], &OrgMention> = HashMap::new();
    let mut counts: HashMap<&[String], usize> = HashMap::new();
    let mut reported: HashSet<(&[String], &str)> = HashSet::new();
    let mut out = Vec::new();
    for m in &mentions {
        *counts.entry(m.key.as_slice()).or_default() += 1;
        let Some(first) = first_of.get(m.key.as_slice()) else {
            first_of.insert(m.key.as_slice(), m);
            continue;
        };
        if same_form(&first.form, &m.form) || !reported.insert((m.key.as_slice(), m.form.as_str()))
        {
            continue;
        }
        let written = words_at(doc, m.block, &m.range);
        let canonical = words_at(doc, first.block, &first.range);
        // A full stop right after the variant ends the sentence; do not double it.
        let stop_follows = doc
            .blocks
            .get(m.block)
            .and_then(|b| b.text.get(m.range.end..))
            .is_some_and(|r| r.starts_with('.'));
        let suggestion = if stop_follows {
            canonical.trim_end_matches('.')
        } else {
            canonical
        };
        out.push(
            Finding::new(
                m.block,
                m.range.clone(),
                format!("\"{written}\" names the same party differently from \"{canonical}\" used earlier; use one form throughout"),
            )
            .with_related(first.block, first.range.clone(), format!("first named \"{canonical}\" here"))
            .with_suggestion(suggestion),
        );
    }
    out.extend(misspelt_parties(doc, &mentions, &first_of, &counts));
    out.extend(drifted_parties(doc, &mentions, &first_of, &counts));
    out.extend(bare_drifted_parties(doc, &mentions));
    out.extend(joined_parties(doc, &mentions));
    out.extend(unjoined_parties(doc, &mentions));
    out.extend(accepting_names(doc, &mentions));
    out
}

/// A run of capitalised words that may be a name without a corporate suffix ("Tallowood
/// Shearing Services").
static NAME_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z][\w'’&-]*(?:\s+(?:(?:&|and)\s+)?[A-Z][\w'’&-]*){1,5}")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// Whether `short` is `long` or its words with some left out ("Dawson Greenhouses" for
/// "Dawson Family Greenhouses").
fn is_short_form(short: &[String], long: &[String]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
}

fn accepting_names(doc: &Document, mentions: &[OrgMention]) -> Vec<Finding> {
    let bare_parties = defined_bare_names(doc);
    let defined: Vec<&OrgMention> = mentions
        .iter()
        .filter(|m| defined_here(doc, m))
        .chain(&bare_parties)
        .collect();
    let mut out = Vec::new();
    for (index, block) in prose(doc) {
        let text = block.text.as_str();
        let found = NAME_RUN
            .find_iter(text)
            .find(|run| in_client_position(text, run.range()));
        let Some(name) = found else { continue };
        let words: Vec<&str> = name.as_str().split_whitespace().collect();
        // A name with a suffix is an organisation mention, checked with the others.
        if words
            .iter()
            .any(|w| suffix_of(w.trim_end_matches('.')).is_some())
            || words.len() < 2
        {
            continue;
        }
        let key: Vec<String> = words.iter().map(|w| bare(w).to_lowercase()).collect();
        // A name the letter uses elsewhere for a company or defines itself is that one.
        if mentions.iter().chain(&bare_parties).any(|m| m.key == key) {
            continue;
        }
        let party = defined.iter().find(|p| {
            p.key.first() == key.first()
                && p.key.first().is_some_and(|w| w.chars().count() >= 4)
                && !is_short_form(&key, &p.key)
        });
        let Some(party) = party else { continue };
        let party_text = words_at(doc, party.block, &party.range);
        out.push(left_over(
            index,
            name.range(),
            name.as_str(),
            party,
            party_text,
        ));
        // One report: the acceptance and the signatory line usually repeat it.
        break;
    }
    out
}

/// Names of two or more capitalised words without a suffix defined with a parenthetical in the
/// letter's opening paragraphs ("Hartwell Green Morris (the \"Side\")"): a party as much as a
/// company with a suffix, for [`accepting_names`]. Leading words that cannot start a name
/// ("The", "Dear") are dropped.
fn defined_bare_names(doc: &Document) -> Vec<OrgMention> {
    let mut out = Vec::new();
    for (index, block) in prose(doc).take(10) {
        let text = block.text.as_str();
        for run in NAME_RUN.find_iter(text) {
            let (mut start, mut name) = (run.start(), run.as_str());
            while let Some((first, rest)) = name.split_once(char::is_whitespace) {
                if !NOT_NAMES.contains(first) {
                    break;
                }
                let rest = rest.trim_start();
                start += name.len() - rest.len();
                name = rest;
            }
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() < 2
                || words
                    .iter()
                    .any(|w| suffix_of(w.trim_end_matches('.')).is_some())
            {
                continue;
            }
            let m = OrgMention {
                block: index,
                range: start..run.end(),
                key: words.iter().map(|w| bare(w).to_lowercase()).collect(),
                form: normalise(name),
                suffix: "",
                chain: Vec::new(),
            };
            if defined_here(doc, &m) {
                out.push(m);
            }
        }
    }
    out
}

/// A defined party's name words written joined by "&" or "and" and without the suffix ("I
/// instruct Ashdown & Pryce" where the firm is "Ashdown Pryce LLP"): a form the suffix-based
/// mentions never see.
fn joined_parties(doc: &Document, mentions: &[OrgMention]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: HashSet<&[String]> = HashSet::new();
    for party in mentions.iter().filter(|m| defined_here(doc, m)) {
        let plain = party.key.iter().all(|w| w != "&" && w != "and");
        if party.key.len() < 2 || !plain || !seen.insert(party.key.as_slice()) {
            continue;
        }
        let Some(party_text) = doc
            .blocks
            .get(party.block)
            .map(|b| slice(&b.text, party.range.clone()))
        else {
            continue;
        };
        for (index, block) in prose(doc) {
            let toks = tokens(&block.text);
            for start in 0..toks.len() {
                let Some(end) = joined_at(&toks, start, &party.key) else {
                    continue;
                };
                let (Some(first), Some(last)) = (toks.get(start), toks.get(end)) else {
                    continue;
                };
                // "Ashdown & Pryce LLP" is a suffixed mention, compared elsewhere.
                if toks
                    .get(end + 1)
                    .is_some_and(|t| suffix_of(t.text).is_some())
                {
                    continue;
                }
                out.push(party_written_otherwise(
                    (index, &block.text, first.start..last.end),
                    party,
                    party_text,
                    "defined as",
                ));
            }
        }
    }
    out
}

/// The other way round: a party whose name joins its words ("Halloran & Vu LLP", in the
/// letterhead or the opening) written without the "&" ("Halloran Vu Law will return your
/// file").
fn unjoined_parties(doc: &Document, mentions: &[OrgMention]) -> Vec<Finding> {
    let is_party = party_test(doc);
    let mut out = Vec::new();
    let mut seen: HashSet<&[String]> = HashSet::new();
    for party in mentions.iter().filter(|m| is_party(m)) {
        // Only "&" joins: "and" is as often a descriptor's ("Barristers and Solicitors").
        let words: Vec<&String> = party.key.iter().filter(|w| *w != "&").collect();
        let joined = words.len() < party.key.len();
        if words.len() < 2 || !joined || !seen.insert(party.key.as_slice()) {
            continue;
        }
        let party_text = words_at(doc, party.block, &party.range);
        for (index, block) in prose(doc) {
            let toks = tokens(&block.text);
            for (start, window) in toks.windows(words.len()).enumerate() {
                let spelled = window.iter().zip(&words).all(|(t, w)| {
                    t.text.chars().next().is_some_and(char::is_uppercase)
                        && bare(t.text).to_lowercase() == **w
                        && t.text.chars().any(char::is_lowercase)
                });
                let adjacent = window
                    .windows(2)
                    .all(|pair| gap(&block.text, &pair[0], &pair[1]) == " ");
                // "Teresa Halloran" then "Vu" in another name is no firm name: the run must
                // stand alone, not continue a longer name.
                let (Some(first), Some(last)) = (window.first(), window.last()) else {
                    continue;
                };
                let continues = start
                    .checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .is_some_and(|t| {
                        t.text.chars().next().is_some_and(char::is_uppercase)
                            && gap(&block.text, t, first) == " "
                    });
                if !spelled || !adjacent || continues {
                    continue;
                }
                let next = toks
                    .get(start + words.len())
                    .filter(|t| gap(&block.text, last, t) == " ");
                // "Brannigan Okafor LLP" is a suffixed mention, compared elsewhere.
                if next.is_some_and(|t| suffix_of(t.text).is_some()) {
                    continue;
                }
                // The firm word after it belongs to the variant: "Halloran Vu Law".
                let end = next
                    .filter(|t| bare(t.text) == "Law")
                    .map_or(last.end, |t| t.end);
                out.push(party_written_otherwise(
                    (index, &block.text, first.start..end),
                    party,
                    party_text,
                    "named",
                ));
            }
        }
    }
    out
}

/// The finding for a party's name written in another form at `range` of block `index`
/// (whose text is `text`); `how` says how the party was introduced ("defined as", "named").
fn party_written_otherwise(
    (index, text, range): (usize, &str, Range<usize>),
    party: &OrgMention,
    party_text: &str,
    how: &str,
) -> Finding {
    let written = slice(text, range.clone());
    Finding::new(
        index,
        range,
        format!("\"{written}\" does not match the name of the party {how} \"{party_text}\"; use one form throughout"),
    )
    .with_related(
        party.block,
        party.range.clone(),
        format!("\"{party_text}\" {} here", how.trim_end_matches(" as")),
    )
    .with_suggestion(party_text.to_string())
}

/// Where a run of tokens starting at `start` spells `key`'s words (capitalised) with "&" or
/// "and" between at least two of them; the index of its last token.
fn joined_at(toks: &[Token<'_>], start: usize, key: &[String]) -> Option<usize> {
    let mut at = start;
    let mut joined = false;
    for (n, word) in key.iter().enumerate() {
        if n > 0
            && toks
                .get(at)
                .is_some_and(|t| t.text == "&" || t.text == "and")
        {
            joined = true;
            at += 1;
        }
        let t = toks.get(at)?;
        let capitalised = t.text.chars().next().is_some_and(char::is_uppercase);
        if !capitalised || bare(t.text).to_lowercase() != *word {
            return None;
        }
        at += 1;
    }
    joined.then_some(at - 1)
}

/// Groups of a party (defined, or in the letter's opening or page furniture) whose name
/// reappears with one word misspelt.
fn misspelt_parties(
    doc: &Document,
    mentions: &[OrgMention],
    first_of: &HashMap<&[String], &OrgMention>,
    counts: &HashMap<&[String], usize>,
) -> Vec<Finding> {
    let is_party = party_test(doc);
    let parties: HashSet<&[String]> = mentions
        .iter()
        .filter(|m| is_party(m))
        .map(|m| m.key.as_slice())
        .collect();
    // Groups that differ in one word share a masked key: ["acme", "*", "corp"].
    let mut buckets: HashMap<Vec<&str>, Vec<&OrgMention>> = HashMap::new();
    let mut order: Vec<&OrgMention> = first_of.values().copied().collect();
    order.sort_by_key(|m| (m.block, m.range.start));
    let mut out = Vec::new();
    let mut flagged: HashSet<&[String]> = HashSet::new();
    for m in order {
        for pos in 0..m.key.len() {
            let masked: Vec<&str> = m
                .key
                .iter()
                .enumerate()
                .map(|(i, w)| if i == pos { "*" } else { w.as_str() })
                .chain(std::iter::once(m.suffix))
                .collect();
            let bucket = buckets.entry(masked).or_default();
            for earlier in bucket.iter().take(50) {
                let (Some(a), Some(b)) = (earlier.key.get(pos), m.key.get(pos)) else {
                    continue;
                };
                let party = parties.contains(earlier.key.as_slice());
                let rarer = counts.get(m.key.as_slice()).copied().unwrap_or(0)
                    <= counts.get(earlier.key.as_slice()).copied().unwrap_or(0);
                if party
                    && rarer
                    && misspelling(a, b, Strictness::Loose)
                    && flagged.insert(m.key.as_slice())
                {
                    let written = words_at(doc, m.block, &m.range);
                    let canonical = words_at(doc, earlier.block, &earlier.range);
                    out.push(
                        Finding::new(
                            m.block,
                            m.range.clone(),
                            format!("\"{written}\" looks like a misspelling of \"{canonical}\"; check the party's name"),
                        )
                        .with_related(earlier.block, earlier.range.clone(), format!("named \"{canonical}\" here")),
                    );
                }
            }
            bucket.push(m);
        }
    }
    out
}

/// Which organisation mentions name a party of the letter: defined with a parenthetical,
/// or named in the letterhead, the page furniture or the letter's first paragraphs.
fn party_test(doc: &Document) -> impl Fn(&OrgMention) -> bool + '_ {
    let opening: HashSet<usize> = prose(doc).take(10).map(|(i, _)| i).collect();
    move |m: &OrgMention| {
        let furniture = doc.blocks.get(m.block).is_some_and(|b| {
            matches!(
                b.kind,
                BlockKind::Title | BlockKind::Header | BlockKind::Footer
            )
        });
        furniture || defined_here(doc, m) || opening.contains(&m.block)
    }
}

/// Whether an organisation mention is followed by a parenthetical definition: `Acme Corp.
/// (the "Client")`.
fn defined_here(doc: &Document, m: &OrgMention) -> bool {
    doc.blocks.get(m.block).is_some_and(|b| {
        let after = b.text.get(m.range.end..).unwrap_or("");
        let after = after.trim_start_matches([',', ' ']);
        let head: String = after.chars().take(40).collect();
        after.starts_with('(') && head.contains(['"', '“', '‘'])
    })
}

/// What only the client of the engagement does: "X may end this engagement", "AGREED TO BY X".
static CLIENT_ACTS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,]*(?:(?:may|will|shall|must|hereby|also|can)\s+)*(?:(?:end|terminate)\s+(?:this|the|our)\s+(?:engagement|retainer|agreement|representation)|(?:retain|retains|retained|engage|engages|engaged)\s+(?:us|our firm|the firm|me)|agree[sd]?\s+to\s+(?:pay\s+our|these terms|the terms of this|retain|engage|instruct)|(?:has|have)\s+read\s+(?:this|the)\s+(?:letter|agreement)|(?:has|have)\s+read\s+and\s+(?:accepts?|agrees?\s+to)\s+(?:this|these|the)\s+(?:terms|letter|agreement|retainer)|accepts?\s+(?:this|these|the)\s+(?:costs\s+|fee\s+|engagement\s+|retainer\s+)?(?:agreement|terms|letter))\b")
        .unwrap_or_else(|_| unreachable!("static regex"))
});
static CLIENT_ACTS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:agreed(?:\s+to)?|accepted|acknowledged(?:\s+and\s+agreed)?)\s+(?:to\s+)?by\s*(?:the\s+)?[:\s]*$|\bon\s+behalf\s+of\s+(?:the\s+)?$|\bsign(?:ed)?\s+for\s+(?:the\s+)?$")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// Whether the mention stands where only the client can: the subject of "may end this
/// engagement", or the signatory of the acceptance.
fn acts_as_client(doc: &Document, m: &OrgMention) -> bool {
    doc.blocks
        .get(m.block)
        .is_some_and(|b| in_client_position(&b.text, m.range.clone()))
        || signs_acceptance(doc, m)
}

/// The line that asks the client to sign: "I have read and agree to the terms of this
/// letter.", "AGREED AND ACCEPTED:".
static ACCEPTANCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:read|agree[sd]?|accept(?:s|ed)?|acknowledge[sd]?)\b.{0,80}\b(?:terms|letter|agreement|engagement|retainer)\b[^.]{0,40}\.?|\b(?:agreed|accepted|acknowledged)(?:\s+(?:and|&)\s+(?:agreed|accepted|acknowledged))?(?:\s+to)?(?:\s+by)?(?:\s+(?:the\s+)?client)?\s*:?)$")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// Whether the mention opens the line under the client's acceptance: the signatory.
fn signs_acceptance(doc: &Document, m: &OrgMention) -> bool {
    let Some(block) = doc.blocks.get(m.block) else {
        return false;
    };
    if !block
        .text
        .get(..m.range.start)
        .is_some_and(|before| before.trim().is_empty())
    {
        return false;
    }
    doc.blocks
        .get(..m.block)
        .and_then(|earlier| earlier.iter().rev().find(|b| !b.text.trim().is_empty()))
        .is_some_and(|prev| ACCEPTANCE_LINE.is_match(prev.text.trim()))
}

/// Whether the words at `range` of `text` stand where only the client can.
fn in_client_position(text: &str, range: Range<usize>) -> bool {
    let after = text.get(range.end..).unwrap_or("");
    let before = text.get(..range.start).unwrap_or("");
    let before = before
        .get(before.len().saturating_sub(40)..)
        .unwrap_or(before);
    CLIENT_ACTS_AFTER.is_match(after) || CLIENT_ACTS_BEFORE.is_match(before)
}

/// Words that say a second company is a relative of the party, not a slip for it.
const RELATIONS: &[&str] = &[
    "subsidiar",
    "affiliate",
    "parent",
    "related",
    "sister",
    "associated",
    "holding",
    "predecessor",
    "successor",
    "formerly",
    "previously",
    "group compan",
    "wholly",
];

/// A party (see [`party_test`]) whose name comes back once or twice with a word swapped, added or
/// dropped ("Hartley Logistics Limited" then "Hartley Freight Limited"; "Sunridge Hospitality
/// Group, Inc." then "Sunridge Hospitality Inc."): a name left over from another letter, or a
/// short form of the party's legal name.
fn drifted_parties(
    doc: &Document,
    mentions: &[OrgMention],
    first_of: &HashMap<&[String], &OrgMention>,
    counts: &HashMap<&[String], usize>,
) -> Vec<Finding> {
    // Defined parties first: their form is the one to suggest.
    let is_party = party_test(doc);
    let mut parties: Vec<&OrgMention> = Vec::new();
    for pass in [true, false] {
        for m in mentions {
            let fits = if pass {
                defined_here(doc, m)
            } else {
                is_party(m)
            };
            if parties.len() < 20 && fits && !parties.iter().any(|p| p.key == m.key) {
                parties.push(m);
            }
        }
    }
    let mut groups: Vec<&OrgMention> = first_of.values().copied().collect();
    groups.sort_by_key(|m| (m.block, m.range.start));
    let mut out = Vec::new();
    for other in groups {
        // A name the letter defines is never the drifted form.
        if counts.get(other.key.as_slice()).copied().unwrap_or(0) > 2 || defined_here(doc, other) {
            continue;
        }
        // "Lakeshore Paddling Co." for "Lakeshore Paddle Co. Ltd.": one suffix of the chain
        // in common is enough.
        // Whatever its suffix, the name the client signs under is the client's.
        let signs = signs_acceptance(doc, other);
        let comparable = |p: &&&OrgMention| {
            p.key != other.key
                && (signs
                    || p.suffix == other.suffix
                    || p.chain.contains(&other.suffix)
                    || other.chain.contains(&p.suffix))
        };
        let drifted = parties.iter().filter(comparable).find(|p| {
            p.key.first() == other.key.first()
                && p.key.first().is_some_and(|w| w.chars().count() >= 4)
                && one_word_apart(&p.key, &other.key)
                // Of two party forms neither of which is defined, the later one drifted.
                && (defined_here(doc, p)
                    || !is_party(other)
                    || (p.block, p.range.start) < (other.block, other.range.start))
        });
        // Another name in the client's place ("The 1450 Walton Avenue Tenants' Association
        // may end this engagement" after defining the 1420 Grand Concourse one); a misspelt
        // form is the misspelling check's.
        let in_its_place = || {
            // Whatever its suffix: only the client stands there.
            parties.iter().filter(|p| p.key != other.key).find(|p| {
                defined_here(doc, p)
                    && other.key.len() >= 2
                    && !misspelt_form(&p.key, &other.key)
                    && acts_as_client(doc, other)
            })
        };
        let Some(party) = drifted.or_else(in_its_place) else {
            continue;
        };
        let Some(block) = doc.blocks.get(other.block) else {
            continue;
        };
        let lower = block.text.to_lowercase();
        let party_text = words_at(doc, party.block, &party.range);
        if RELATIONS.iter().any(|w| lower.contains(w)) || block.text.contains(party_text) {
            continue;
        }
        let written = slice(&block.text, other.range.clone());
        out.push(left_over(
            other.block,
            other.range.clone(),
            written,
            party,
            party_text,
        ));
    }
    out
}

/// A party's name (see [`party_test`]) of three or more words written without its suffix and
/// with one word other than the first changed (see [`one_word_drifted`]) ("Valley Oaks Hulling" for "Valley Oak Hulling,
/// LLC"; "Prickly Hollow Hedgehog Rescue" for "Prickly Hollow Hedgehog Hospital CIO"): a form
/// the suffix-based mentions never see. The words must stand alone (not inside a longer
/// capitalised name, not followed by a suffix: that is another company), in a paragraph that
/// neither names the party nor speaks of a related company, and that form must be rare.
fn bare_drifted_parties(doc: &Document, mentions: &[OrgMention]) -> Vec<Finding> {
    let is_party = party_test(doc);
    // A party defined without a suffix ("the Catskill Highlanders Pipe Band (the \"Band\")")
    // drifts the same way ("the Catskill Highland Pipe Band"); a public body so defined ("the
    // State Water Resources Control Board") has namesakes ("the Regional Water Quality Control
    // Board") that are other bodies.
    let mut bare_parties = defined_bare_names(doc);
    bare_parties.retain(|m| {
        words_at(doc, m.block, &m.range)
            .split_whitespace()
            .next_back()
            .is_some_and(|last| !institution_head(last))
    });
    let mut parties: Vec<&OrgMention> = Vec::new();
    for m in mentions.iter().filter(|m| is_party(m)).chain(&bare_parties) {
        let plain = m.key.iter().all(|w| w != "&" && w != "and");
        if parties.len() < 20
            && m.key.len() >= 3
            && plain
            && !parties.iter().any(|p| p.key == m.key)
        {
            parties.push(m);
        }
    }
    let known: HashSet<&[String]> = mentions.iter().map(|m| m.key.as_slice()).collect();
    let upper = |t: &Token<'_>| t.text.chars().next().is_some_and(char::is_uppercase);
    let mut hits: Vec<(usize, Range<usize>, &OrgMention, Vec<String>)> = Vec::new();
    for (index, block) in prose(doc) {
        let text = block.text.as_str();
        let lower = text.to_lowercase();
        if parties.is_empty() || RELATIONS.iter().any(|w| lower.contains(w)) {
            continue;
        }
        let toks = tokens(text);
        for party in &parties {
            if text.contains(words_at(doc, party.block, &party.range)) {
                continue;
            }
            let n = party.key.len();
            for (start, window) in toks.windows(n).enumerate() {
                let (Some(first), Some(last)) = (window.first(), window.last()) else {
                    continue;
                };
                if !bare(first.text).eq_ignore_ascii_case(&party.key[0]) {
                    continue;
                }
                let key: Vec<String> = window.iter().map(|t| bare(t.text).to_lowercase()).collect();
                // "Puffin Isle's Defence" is something of the party's, not a name.
                let possessive = window
                    .split_last()
                    .is_some_and(|(_, rest)| rest.iter().any(|t| bare(t.text) != t.text));
                let written_as_name = !possessive
                    && window.iter().all(|t| upper(t) && has_lowercase(t.text))
                    && window.windows(2).all(|p| gap(text, &p[0], &p[1]) == " ");
                if !written_as_name
                    || known.contains(key.as_slice())
                    || !one_word_drifted(&party.key, &key)
                {
                    continue;
                }
                let before = start
                    .checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .filter(|t| gap(text, t, first) == " ");
                let after = toks.get(start + n);
                let longer_name = before
                    .is_some_and(|t| upper(t) && !NOT_NAMES.contains(bare(t.text)))
                    || after.is_some_and(|t| {
                        let g = gap(text, last, t);
                        (g == " " && upper(t))
                            || (matches!(g, " " | ", ") && suffix_of(t.text).is_some())
                    });
                if !longer_name {
                    hits.push((index, first.start..last.end, party, key));
                }
            }
        }
    }
    let mut uses: HashMap<&[String], usize> = HashMap::new();
    for (.., key) in &hits {
        *uses.entry(key.as_slice()).or_default() += 1;
    }
    hits.iter()
        .filter(|(.., key)| uses.get(key.as_slice()).is_some_and(|&n| n <= 2))
        .map(|(block, range, party, _)| {
            let written = words_at(doc, *block, range);
            let party_text = words_at(doc, party.block, &party.range);
            left_over(*block, range.clone(), written, party, party_text)
        })
        .collect()
}

/// Two names of the same words but one, not the first, which is misspelt, in the other
/// number ("Oaks" for "Oak") or another name word altogether ("Rescue" for "Hospital").
fn one_word_drifted(party: &[String], other: &[String]) -> bool {
    if party.len() != other.len() || party.first() != other.first() {
        return false;
    }
    let mut differing = party.iter().zip(other).filter(|(a, b)| a != b);
    let (Some((a, b)), None) = (differing.next(), differing.next()) else {
        return false;
    };
    let number = a.strip_suffix('s') == Some(b.as_str()) || b.strip_suffix('s') == Some(a.as_str());
    let capitalised = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
    };
    // Another word altogether only when three or more words agree: two words are often a
    // place, and the third what is there ("Point Farewell Lighthouse" beside "Point Farewell
    // Heritage Corporation", "Marsh Lane, Ashford" beside "Marsh Lane Estates Limited").
    let name_word = party.len() >= 4
        && b.chars().count() >= 3
        && capitalised(b).is_some_and(|w| !NOT_NAMES.contains(w.as_str()));
    number || misspelling(a, b, Strictness::Loose) || name_word
}

/// The words of block `block` at `range` ("" if out of range).
fn words_at<'a>(doc: &'a Document, block: usize, range: &Range<usize>) -> &'a str {
    doc.blocks
        .get(block)
        .map_or("", |b| slice(&b.text, range.clone()))
}

/// `written` at `range` of block `block` names another party than the defined `party`.
fn left_over(
    block: usize,
    range: Range<usize>,
    written: &str,
    party: &OrgMention,
    party_text: &str,
) -> Finding {
    Finding::new(
        block,
        range,
        format!("\"{written}\" does not match the name of the party defined as \"{party_text}\"; check the name (is it left over from another letter?)"),
    )
    .with_related(party.block, party.range.clone(), format!("\"{party_text}\" defined here"))
    .with_suggestion(party_text.to_string())
}

/// Two names of the same length whose differing words are all misspellings of each other.
fn misspelt_form(a: &[String], b: &[String]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x == y || misspelling(x, y, Strictness::Loose))
}

/// Two names of words that differ by one word swapped, or one word added or dropped with at
/// least two words left: ["hartley", "logistics"] / ["hartley", "freight"].
fn one_word_apart(a: &[String], b: &[String]) -> bool {
    words_apart(a, b, false)
}

/// [`one_word_apart`], where `slipped_too` says the names already differ in how they join
/// their words, so a misspelt word is part of the drift, not the misspelling check's (which
/// compares names that differ in one place only).
fn words_apart(a: &[String], b: &[String], slipped_too: bool) -> bool {
    // "&" and "and" join names: "Ferreira & Lindqvist" for "Ferreira Lindqvist" is a drift of
    // its own, and "Harcourt Lane & Partners" is "Harcourt Lane" with one word added; "Ember
    // and Clay Studios" for "Ember & Clay Studio" has both a joiner and a word changed.
    let is_joiner = |w: &&String| *w == "&" || *w == "and";
    let words =
        |k: &[String]| -> Vec<String> { k.iter().filter(|w| !is_joiner(w)).cloned().collect() };
    let (a_words, b_words) = (words(a), words(b));
    if a_words == b_words {
        return a != b;
    }
    if a_words.len() != a.len() || b_words.len() != b.len() {
        let joined_differently = a.len() != b.len()
            || a.iter()
                .zip(b)
                .any(|(x, y)| (is_joiner(&x) || is_joiner(&y)) && x != y);
        return words_apart(&a_words, &b_words, joined_differently);
    }
    if a.len() == b.len() {
        let differing = a.iter().zip(b).filter(|(x, y)| x != y).count();
        // One misspelt word is the misspelling check's finding, not this one.
        let misspelt = a
            .iter()
            .zip(b)
            .any(|(x, y)| x != y && misspelling(x, y, Strictness::Loose));
        return differing == 1 && (slipped_too || !misspelt);
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 || short.len() < 2 {
        return false;
    }
    (0..long.len()).any(|skip| {
        long.iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, w)| w)
            .eq(short.iter())
    })
}

/// How cautious to be when two words differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strictness {
    /// Surnames under the same given name, organisation words: any small slip.
    Loose,
    /// Given names under the same surname: relatives share surnames, so Paul/Paula,
    /// Mark/Mary, Dan/Don are different people, not slips.
    Strict,
}

/// Whether `b` reads as a misspelling of `a` (one or two letters apart).
fn misspelling(a: &str, b: &str, strictness: Strictness) -> bool {
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    if la == lb {
        return false;
    }
    let (short, long) = if la.chars().count() <= lb.chars().count() {
        (&la, &lb)
    } else {
        (&lb, &la)
    };
    let min_len = short.chars().count();
    if min_len < 3 {
        return false;
    }
    // A double-barrelled surname cut to one of its parts ("Helena Marsh-Whitaker", then
    // "Helena Whitaker") is the same person named two ways.
    if strictness == Strictness::Loose && long.contains('-') && long.split('-').any(|p| p == short)
    {
        return true;
    }
    // Plurals and possessives are grammar, not spelling.
    if long.strip_suffix('s').is_some_and(|s| s == short.as_str())
        || long.strip_suffix("es").is_some_and(|s| s == short.as_str())
    {
        return false;
    }
    let distance = edit_distance(&la, &lb, 2);
    if distance == 0 || distance > 2 || (distance == 2 && min_len < 6) {
        return false;
    }
    if strictness == Strictness::Loose {
        return min_len >= 4 || distance == 1;
    }
    // Paul/Paula, Louis/Louise, Daniel/Danielle: feminine and masculine forms.
    if let Some(ending) = long.strip_prefix(short.as_str()) {
        if matches!(
            ending,
            "a" | "e" | "ie" | "y" | "ne" | "le" | "na" | "o" | "n" | "ia" | "ette" | "ine"
        ) {
            return false;
        }
    }
    if distance == 1 && la.chars().count() == lb.chars().count() {
        let diff: Vec<(char, char)> = la.chars().zip(lb.chars()).filter(|(x, y)| x != y).collect();
        let last_differs = la.chars().last() != lb.chars().last();
        let vowels = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if last_differs || diff.iter().all(|&(x, y)| vowels(x) && vowels(y)) {
            return false;
        }
    }
    true
}

/// A person's name as written once.
#[derive(Debug, Clone)]
struct PersonMention {
    block: usize,
    range: Range<usize>,
    given: Option<String>,
    surname: String,
    /// 'm' for Mr, 'f' for Mrs/Ms/Miss, None otherwise.
    gender: Option<char>,
}

static NOT_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    "Dear Yours Sincerely Regards Truly Best Kind Thank Thanks Please Re Subject Attention Attn \
     Client Clients Firm Lawyer Lawyers Law Laws Legal Society Court Courts Supreme Superior \
     Provincial Federal District County High Appeal Appeals Tribunal Board Act Code Rule Rules \
     Regulation Regulations Section Sections Schedule Appendix Exhibit Part Clause Paragraph \
     Article Agreement Retainer Engagement Letter Matter Matters Services Service Fees Fee \
     Deposit Trust Account Accounts Statement Rights Ombudsman Solicitors Solicitor Barristers \
     Barrister Notary Notaries Public Professional Profession Conduct Responsibility Business \
     Professions Uniform Ontario Saskatchewan Alberta British Columbia Manitoba Quebec Nova \
     Scotia Canada Canadian America American United States Kingdom England Wales New York \
     California Australia Australian Victoria Queensland Wales South North East West Street St \
     Avenue Ave Road Rd Suite Floor Drive Boulevard Lane Place Square Tower Building Centre \
     Center Box Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March \
     April May June July August September October November December Partner Partners \
     Associate Senior Junior Assistant Paralegal Clerk Manager Director President Chief \
     Officer Executive Secretary General Counsel Esq Hon Honourable Honorable Justice Judge \
     Mr Mrs Ms Dr Miss Mx Prof Inc Corp Ltd LLP LLC Company Corporation Limited Group Holdings \
     Bank Insurance Estate Property Properties Real Family Criminal Civil Corporate Commercial \
     Employment Immigration Litigation Personal Injury Wills Estates Tax Taxes GST HST PST VAT \
     Goods Sales Harmonized Harmonised Value Added Email Phone Telephone Fax Mobile Cell \
     Website Office Hours Time Date Effective Closing Completion Scope Work Terms Term \
     Conditions Standard Contingency Contingent Hourly Rate Rates Fixed Flat Estimate \
     Estimates Costs Cost Disbursements Expenses Billing Invoice Invoices Payment Payments \
     Interest Communication Communications Response Complaints Complaint Disputes Dispute \
     Termination Privacy Confidentiality Conflict Conflicts Identity Verification \
     Acknowledgement Acknowledgment Acceptance Signature Signed Witness Name Title Enclosure \
     Enclosures Encl Cc Bcc Our Your We You The This That These Those An And Or But If When \
     Where Which Who What How Why All Any Each Every No Not Yes In On At By For From To With \
     Of As Upon Under Over Between Within Without After Before During Until Since Also \
     Further Furthermore Finally First Second Third Next Then However Therefore Note Important \
     Private Confidential Privileged Prejudice Head Main Registered Lead Responsible \
     Supervising Supervisor Contact Details Information Summary Overview Introduction \
     Background Purpose Limited Regional Municipal City Town Province State Crown Government \
     Ministry Department Registry Commission Council Agency Authority Association Bar \
     Chartered Certified Accountant Accountants Union Credit Financial Services Street Unit \
     Yours Faithfully Respectfully Sir Madam Madame Team Support Staff Person People Parties \
     Party Other Others Fund Funds Plan Plans Policy Policies Guide Guidelines Practice \
     Practices Notice Notices Form Forms Unit Units Level Levels Room Rooms Great Greater \
     Upper Lower Central Saint Mount Port Fort Lake River Park Hill Hills Bay Beach Island \
     Islands Valley Call Ask Email Contact Write Phone See Tell Send Sign Meet Speak Let Have \
     Get Welcome Hi Hello Congratulations Regarding Dated Date Signature Print Printed Witnessed"
        .split_whitespace()
        .collect()
});

/// A capitalised word that may be part of a person's name.
fn name_like(word: &str) -> bool {
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    first_upper
        && word.chars().count() >= 2
        && has_lowercase(word)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && !NOT_NAMES.contains(word)
}

fn honorific(word: &str) -> Option<Option<char>> {
    Some(match word {
        "Mr" => Some('m'),
        "Mrs" | "Ms" | "Miss" => Some('f'),
        "Mx" | "Dr" | "Prof" => None,
        _ => return None,
    })
}

fn person_mentions(index: usize, text: &str, out: &mut Vec<PersonMention>) {
    let toks = tokens(text);
    let spaced = |a: &Token<'_>, b: &Token<'_>| gap(text, a, b).chars().all(char::is_whitespace);
    let mut i = 0;
    while let Some(tok) = toks.get(i) {
        let title = honorific(tok.text);
        let start = if title.is_some() { i + 1 } else { i };
        // After a title the name follows at once: "Mr. John Smith", "Ms Chen".
        let title_joined = title.is_none()
            || toks.get(start).is_some_and(|next| {
                let g = gap(text, tok, next);
                g.trim().is_empty() || g.trim() == "."
            });
        let mut end = start;
        while title_joined && end - start < 3 {
            let Some(t) = toks.get(end) else { break };
            if !name_like(bare(t.text)) {
                break;
            }
            if end > start {
                let Some(prev) = toks.get(end - 1) else { break };
                // A possessive ends the name; so does any punctuation.
                if bare(prev.text) != prev.text || !spaced(prev, t) {
                    break;
                }
            }
            end += 1;
        }
        let words = end - start;
        let enough = if title.is_some() {
            words >= 1
        } else {
            words >= 2
        };
        // Followed by a corporate suffix: an organisation's name, not a person's.
        let org_follows = end > start
            && toks.get(end).is_some_and(|t| suffix_of(t.text).is_some())
            && toks
                .get(end - 1)
                .zip(toks.get(end))
                .is_some_and(|(a, b)| spaced(a, b) || gap(text, a, b).trim() == ",");
        // "the Smith file", "our Chen Street office": not a name.
        let after_article = title.is_none()
            && i > 0
            && toks.get(i - 1).is_some_and(|p| {
                matches!(
                    p.text,
                    "the" | "a" | "an" | "our" | "your" | "this" | "The" | "This"
                )
            });
        if !enough || org_follows || after_article {
            i = end.max(i + 1);
            continue;
        }
        let names: Vec<&str> = toks
            .get(start..end)
            .unwrap_or(&[])
            .iter()
            .map(|t| bare(t.text))
            .collect();
        let Some(last) = toks.get(end - 1) else { break };
        let surname = names.last().copied().unwrap_or("").to_string();
        let given = (names.len() >= 2).then(|| names.first().copied().unwrap_or("").to_string());
        out.push(PersonMention {
            block: index,
            range: tok.start..last.start + bare(last.text).len(),
            given,
            surname,
            gender: title.flatten(),
        });
        i = end;
    }
}

/// People named with a given name or surname one or two letters off from an earlier form.
fn people(doc: &Document) -> Vec<Finding> {
    let mut mentions = Vec::new();
    for (index, block) in doc.prose_in_reading_order() {
        person_mentions(index, &block.text, &mut mentions);
    }
    // Distinct (given, surname) forms in order of first appearance, with their blocks.
    let mut forms: Vec<(Option<String>, String)> = Vec::new();
    let mut first: HashMap<(Option<String>, String), usize> = HashMap::new();
    let mut blocks: HashMap<(Option<String>, String), HashSet<usize>> = HashMap::new();
    let mut genders: HashMap<(Option<String>, String), HashSet<char>> = HashMap::new();
    for (n, m) in mentions.iter().enumerate() {
        let key = (m.given.clone(), m.surname.clone());
        first.entry(key.clone()).or_insert_with(|| {
            forms.push(key.clone());
            n
        });
        blocks.entry(key.clone()).or_default().insert(m.block);
        if let Some(g) = m.gender {
            genders.entry(key).or_default().insert(g);
        }
    }
    let mut uses: HashMap<(Option<String>, String), usize> = HashMap::new();
    for m in &mentions {
        *uses
            .entry((m.given.clone(), m.surname.clone()))
            .or_default() += 1;
    }
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_given: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut out = Vec::new();
    for (fi, form) in forms.iter().enumerate() {
        let mut candidates: Vec<(usize, Strictness)> = Vec::new();
        if let Some(given) = &form.0 {
            for &other in by_surname
                .get(form.1.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[])
                .iter()
                .rev()
                .take(50)
            {
                candidates.push((other, Strictness::Strict));
            }
            for &other in by_given
                .get(given.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[])
                .iter()
                .rev()
                .take(50)
            {
                candidates.push((other, Strictness::Loose));
            }
        }
        for (other, strictness) in candidates {
            let Some(earlier) = forms.get(other) else {
                continue;
            };
            let (a, b) = match strictness {
                Strictness::Strict => (
                    earlier.0.as_deref().unwrap_or(""),
                    form.0.as_deref().unwrap_or(""),
                ),
                Strictness::Loose => (earlier.1.as_str(), form.1.as_str()),
            };
            if !misspelling(a, b, strictness) {
                continue;
            }
            let shared_block = blocks
                .get(earlier)
                .zip(blocks.get(form))
                .is_some_and(|(x, y)| !x.is_disjoint(y));
            let gender_clash = genders
                .get(earlier)
                .zip(genders.get(form))
                .is_some_and(|(x, y)| x.is_disjoint(y));
            let c_form = uses.get(form).copied().unwrap_or(0);
            let c_earlier = uses.get(earlier).copied().unwrap_or(0);
            let both_repeated = c_form > 1 && c_form * 2 > c_earlier;
            if shared_block || gender_clash || both_repeated {
                continue;
            }
            let (Some(&mi), Some(&ei)) = (first.get(form), first.get(earlier)) else {
                continue;
            };
            let (Some(m), Some(e)) = (mentions.get(mi), mentions.get(ei)) else {
                continue;
            };
            let written = words_at(doc, m.block, &m.range);
            let canonical = words_at(doc, e.block, &e.range);
            out.push(
                Finding::new(
                    m.block,
                    m.range.clone(),
                    format!("\"{written}\" is spelt differently from \"{canonical}\" used earlier; check which spelling is right"),
                )
                .with_related(e.block, e.range.clone(), format!("\"{canonical}\" here"))
                .with_suggestion(canonical.to_string()),
            );
            break;
        }
        by_surname.entry(form.1.as_str()).or_default().push(fi);
        if let Some(given) = &form.0 {
            by_given.entry(given.as_str()).or_default().push(fi);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    /// Every pattern literal of this module compiles (each `unreachable!` above truly is).
    #[test]
    fn static_regexes_compile() {
        LazyLock::force(&NAME_RUN);
        LazyLock::force(&CLIENT_ACTS_AFTER);
        LazyLock::force(&CLIENT_ACTS_BEFORE);
        LazyLock::force(&ACCEPTANCE_LINE);
    }

    /// `expected` lists the flagged words as `block:words`.
    fn check(texts: &[&str], expected: &[&str]) {
        let doc = paragraphs(texts);
        let found = party_names(&doc);
        assert_well_formed(&doc, &found);
        assert_eq!(spans(&doc, &found), expected, "{found:#?}");
    }

    #[test]
    fn organisation_variants_are_flagged() {
        // A society named with and without its incorporation is one form.
        check(
            &[
                "Re: Sale of the elevator to the Corrigan Creek Heritage Elevator Society",
                "We act for the Town on its sale to the Corrigan Creek Heritage Elevator Society Inc. (the \"Society\").",
            ],
            &[],
        );
        // A society that becomes a club.
        check(
            &[
                "We will represent Washington Heights Chess Society, Inc. (the \"Society\").",
                "Please have an authorized officer of the Washington Heights Chess Club sign below.",
            ],
            &["1:Washington Heights Chess Club"],
        );
        check(
            &[
                "Thank you for choosing Harbour & Wattle Lawyers to help you.",
                "Harbour & Wattle Legal may stop acting for you.",
            ],
            &["1:Harbour & Wattle Legal"],
        );
        check(
            &[
                "ASHWORTH PRYCE LLP Solicitors",
                "Ashworth Pryce LLP will act.",
            ],
            &[],
        );
        check(
            &[
                "Acme Corporation Ltd. (the “Client”) retains us.",
                "We will invoice Acme Corp monthly.",
            ],
            &["1:Acme Corp"],
        );
        check(
            &[
                "Acme Corp. (the \"Client\") retains us.",
                "Acme Corporation will pay.",
            ],
            &["1:Acme Corporation"],
        );
        check(
            &[
                "Acme Corporation Ltd. retains us.",
                "ACME Corporation agrees.",
            ],
            &["1:ACME Corporation"],
        );
        check(
            &[
                "Acme Corporation Ltd. retains us.",
                "Acme Corp Inc. agrees.",
            ],
            &["1:Acme Corp Inc."],
        );
        check(
            &[
                "Re: Acme Holdings Inc.",
                "Our client, Acme Holdngs Inc., agrees.",
            ],
            &["1:Acme Holdngs Inc."],
        );
        check(
            &[
                "Acme Corp. (the \"Client\") retains us.",
                "The invoice goes to Acne Corp. today.",
            ],
            &["1:Acne Corp."],
        );
        let doc = paragraphs(&[
            "Acme Corp. (the \"Client\") retains us.",
            "Acme Corporation will pay.",
        ]);
        let f = &party_names(&doc)[0];
        assert_eq!(
            f.related.as_ref().map(|r| (r.0, r.1.clone())),
            Some((0, 0..10))
        );
        assert_eq!(f.suggestion.as_deref(), Some("Acme Corp."));
        assert!(f.message.contains("\"Acme Corporation\""));
    }

    #[test]
    fn consistent_organisations_are_not_flagged() {
        check(
            &[
                "Acme Corp. (the \"Client\") retains us.",
                "Acme Corp.'s board agrees; we act for Acme Corp.",
            ],
            &[],
        );
        check(
            &[
                "Acme Holdings, Inc. retains us.",
                "Acme Holdings Inc. will pay.",
            ],
            &[],
        );
        check(
            &[
                "Acme Corporation Ltd. retains us.",
                "ACME CORPORATION LTD.",
                "Per: ____",
            ],
            &[],
        );
        check(
            &[
                "Chen Law LLP acts for Acme Corp.",
                "Acme Corp. and Chen Law LLP agree.",
            ],
            &[],
        );
        check(
            &[
                "Acme Corp. retains us; Beta Corp. is the other side.",
                "Zeta Ltd. is a witness.",
            ],
            &[],
        );
        check(
            &["The Company will pay. The company agrees. Limited scope services apply."],
            &[],
        );
        check(
            &["Smith & Jones LLP acts.", "Smith & Jones LLP bills."],
            &[],
        );
        check(
            &[
                "Acme Corp. (the \"Client\") retains us.",
                "Acme alone is fine, so is the Client.",
            ],
            &[],
        );
    }

    #[test]
    fn drifted_party_names_are_flagged() {
        check(
            &[
                "Thank you for choosing Harcourt Lane Solicitors LLP (\"Harcourt Lane\").",
                "For and on behalf of Harcourt Lane & Partners LLP",
            ],
            &["1:Harcourt Lane & Partners LLP"],
        );
        check(
            &[
                "We act for Hartley Logistics Limited (hereinafter the \"Company\").",
                "Charges remain payable by Hartley Freight Limited.",
            ],
            &["1:Hartley Freight Limited"],
        );
        check(
            &[
                "Our agreement with Sunridge Hospitality Group, Inc. (the \"Client\") follows.",
                "If Sunridge Hospitality Inc. disagrees, call us.",
            ],
            &["1:Sunridge Hospitality Inc."],
        );
        // Under the client's acceptance, a word and the suffix changed: the signatory is the
        // client, whatever the suffix.
        check(
            &[
                "This letter confirms that Lynx Lake Outfitters Inc. (\"Lynx Lake\") has retained us.",
                "I have read and agree to the terms of this letter.",
                "Lynx Lake Outfitting Ltd.",
            ],
            &["2:Lynx Lake Outfitting Ltd."],
        );
        // The same words with another suffix elsewhere are another company.
        check(
            &[
                "This letter confirms that Lynx Lake Outfitters Inc. (\"Lynx Lake\") has retained us.",
                "Lynx Lake Outfitting Ltd. sells the canoes.",
            ],
            &[],
        );
        // The firm's words joined by "&" and without the suffix.
        check(
            &[
                "This letter confirms that Ashdown Pryce LLP (\"we\" or \"us\") will act for you.",
                "I instruct Ashdown & Pryce on these terms.",
            ],
            &["1:Ashdown & Pryce"],
        );
        // The other way round: the firm joined by "&" in the letterhead, its words run
        // together later with another firm word.
        check(
            &[
                "Thank you for asking Halloran & Vu LLP to represent you.",
                "Teresa Halloran will lead. Halloran Vu Law will return your file to you.",
            ],
            &["1:Halloran Vu Law"],
        );
        // A person's name that contains the words is not the firm.
        check(
            &[
                "Thank you for asking Halloran & Vu LLP to represent you.",
                "Ask Teresa Halloran Vu about it, or Halloran & Vu LLP's office.",
            ],
            &[],
        );
        // One suffix of a chain kept, a word changed.
        check(
            &[
                "This letter confirms that Lakeshore Paddle Co. Ltd. (\"Lakeshore Paddle\") has retained our firm.",
                "We must verify the identity of Lakeshore Paddling Co. and of the person who instructs us.",
            ],
            &["1:Lakeshore Paddling Co."],
        );
        // The same with no suffix at all.
        check(
            &[
                "Thank you for asking us to act for Tallowood Shearing Pty Ltd (\"Tallowood\").",
                "Tallowood Shearing accepts this costs agreement.",
                "Signed for Tallowood Pty.",
                "Tallowood Shearing Services accepts this costs agreement.",
                "Signed by Craig Munro, Director, who is authorised to sign for Tallowood Shearing Services.",
            ],
            &["3:Tallowood Shearing Services"],
        );
        // Another company's name where the client accepts the letter.
        check(
            &[
                "Thank you for asking us to act for Kestrel Valley Dairy Co-operative Inc. (\"Kestrel Valley\").",
                "Kestrel Valley Dairy Ltd. has read this letter and agrees to retain Brantwood Lyle LLP on these terms.",
            ],
            &["1:Kestrel Valley Dairy Ltd."],
        );
        // A joiner and a word changed at once: no single-place misspelling.
        check(
            &[
                "Thank you for instructing us. We will act for Ember & Clay Studio Ltd.",
                "Signed for and on behalf of Ember and Clay Studios Limited:",
            ],
            &["1:Ember and Clay Studios Limited"],
        );
        // A party without a suffix, defined in the opening, signs under a longer name.
        check(
            &[
                "Thank you for asking us to help Hartwell Green Morris (the \"Side\") become a CIO.",
                "I have read this letter and agree to its terms.",
                "Signed for and on behalf of Hartwell Green Morris Men",
            ],
            &["2:Hartwell Green Morris Men"],
        );
        check(
            &[
                "Thank you for asking us to help Hartwell Green Morris (the \"Side\") become a CIO.",
                "I have read this letter and agree to its terms.",
                "Signed for and on behalf of Hartwell Green Morris",
            ],
            &[],
        );
        // The acceptance names a company the letter names (without its suffix), or a party
        // it defines, not a slip for a place or a short form defined for something else.
        check(
            &[
                "We will represent Strike Line Lanes, Inc. (\"Strike Line\").",
                "You retained us to defend the claim against Strike Line (the \"Action\").",
                "I have read this letter and agree to its terms.",
                "Signed for and on behalf of Strike Line Lanes",
            ],
            &[],
        );
        check(
            &[
                "We act for the trustees of Netherby Green Village Hall (the \"Charity\").",
                "The Charity occupies the hall at The Green, Netherby Green (the \"Hall\").",
                "We accept these terms on behalf of Netherby Green Village Hall.",
            ],
            &[],
        );
        check(
            &[
                "We act for Hartwell Green Morris (the \"Side\").",
                "Signed for and on behalf of Hartwell Green",
            ],
            &[],
        );
        // Another name where only the client can stand: left over from another letter.
        check(
            &[
                "Our client is the 1420 Grand Concourse Tenants' Association (the \"Association\").",
                "The 1450 Walton Avenue Tenants' Association may end this engagement at any time.",
            ],
            &["1:Walton Avenue Tenants' Association"],
        );
        check(
            &[
                "You have asked us to act for Maple Hollow Organics Inc. (\"Maple Hollow\").",
                "Maple Hollow Organic Farms Inc. has read and accepts the terms of this retainer.",
            ],
            &["1:Maple Hollow Organic Farms Inc."],
        );
        // A party defined without a suffix drifts like one with it; a public body does not.
        check(
            &[
                "We will help the Catskill Highlanders Pipe Band (the \"Band\") recover its fees.",
                "Please note that the check is from the Catskill Highland Pipe Band.",
            ],
            &["1:Catskill Highland Pipe Band"],
        );
        check(
            &[
                "It complained to the State Water Resources Control Board (the \"State Board\").",
                "The Regional Water Quality Control Board may also act.",
            ],
            &[],
        );
        check(
            &[
                "Our client is Hudson Leaf Collective LLC (the \"Company\").",
                "Brightwater Holdings LLC is the landlord and may end the lease.",
            ],
            &[],
        );
    }

    #[test]
    fn suffix_less_drift_is_flagged() {
        // One word in the other number, no suffix.
        check(
            &[
                "We will represent Valley Oak Hulling, LLC (\"Valley Oak\") in the dispute.",
                "Valley Oak runs a huller.",
                "Please keep the records of Valley Oaks Hulling safe.",
            ],
            &["2:Valley Oaks Hulling"],
        );
        // One word swapped; the client is named in the opening with a suffix the letter
        // recognises (a charitable incorporated organisation).
        check(
            &[
                "Our client is Prickly Hollow Hedgehog Hospital CIO, a registered charity.",
                "All trustees of Prickly Hollow Hedgehog Rescue must keep their emails.",
            ],
            &["1:Prickly Hollow Hedgehog Rescue"],
        );
        // A misspelt word.
        check(
            &[
                "We act for Northern Lights Aurora Tours Ltd. (the \"Company\").",
                "Northern Lights Aurora Toors will send us the policy.",
            ],
            &["1:Northern Lights Aurora Toors"],
        );
    }

    #[test]
    fn suffix_less_names_that_are_not_drift() {
        // A short form, the words inside a longer name, another company with its own
        // suffix, an address, a related company, a name used often, a two-word name.
        check(
            &[
                "We will represent Valley Oak Hulling, LLC (\"Valley Oak\") in the dispute.",
                "Valley Oak Hulling staff will gather the records.",
                "The Valley Oak Water Users Group meets monthly.",
                "Valley Oak Farming, Inc. is a neighbour.",
                "Send it to Valley Oak Road.",
                "Valley Oak Holdings, the parent, owns the land.",
                "The Great Valley Oak Hulling fair is in May.",
            ],
            &[],
        );
        check(
            &[
                "We act for Prickly Hollow Hedgehog Hospital CIO (the \"Charity\").",
                "Prickly Hollow Hedgehog Rescue took the animals. Prickly Hollow Hedgehog Rescue is a separate charity.",
                "We will write to Prickly Hollow Hedgehog Rescue.",
            ],
            &[],
        );
        check(
            &[
                "We act for Acme Widgets Ltd. (the \"Company\").",
                "Acme Gadgets makes the parts.",
            ],
            &[],
        );
        // Two words in common are often a place, the third what is there; a possessive is
        // something of the party's.
        check(
            &[
                "We act for Point Farewell Heritage Corporation (the \"Corporation\").",
                "The Point Farewell Lighthouse needs repairs. Send it to Marsh Lane Ashford.",
                "Point Farewell's Lighthouse Trust helps.",
            ],
            &[],
        );
        check(
            &[
                "We act for Puffin Isle Cruises Ltd (the \"Company\").",
                "We will draft Puffin Isle's Defence.",
            ],
            &[],
        );
    }

    #[test]
    fn the_page_header_is_read_first() {
        // A DOCX letterhead is a page header, which the reader puts after the body. The firm
        // named there is the firm signing "For and on behalf of", not a slip for the client.
        let body = [
            "Ms Camille Arnaud, Director, Maison Verte Parfums Ltd",
            "Dear Ms Arnaud,",
            "We will act for Maison Verte Parfums Ltd (\"Maison Verte\") in the supply dispute.",
            "Rohan Mehta, For and on behalf of Ashcombe Reeve LLP",
            "Agreed for and on behalf of Maison Verte Parfums Ltd",
        ];
        let mut blocks: Vec<(BlockKind, &str)> = body.iter().map(|t| (P, *t)).collect();
        blocks.push((BlockKind::Header, "Ashcombe Reeve LLP"));
        let doc = letter(&blocks);
        let found = party_names(&doc);
        assert_well_formed(&doc, &found);
        assert_eq!(spans(&doc, &found), Vec::<String>::new(), "{found:#?}");
        // Without the header the firm's name stands alone in the signatory's place.
        let doc = letter(&blocks[..5]);
        assert_eq!(spans(&doc, &party_names(&doc)), ["3:Ashcombe Reeve LLP"]);
    }

    #[test]
    fn related_companies_are_not_drift() {
        check(
            &[
                "We act for Hartley Logistics Limited (the \"Company\").",
                "Its subsidiary, Hartley Freight Limited, is not our client.",
            ],
            &[],
        );
        check(
            &[
                "We act for Hartley Logistics Limited (the \"Company\").",
                "Hartley Logistics Limited and Hartley Freight Limited share premises.",
            ],
            &[],
        );
        check(
            &[
                "We act for Acme Holdings Inc. (the \"Client\").",
                "Acme Holdings Inc. pays; Beta Holdings Inc. does not.",
            ],
            &[],
        );
    }

    #[test]
    fn person_variants_are_flagged() {
        check(
            &[
                "Mr. John Smith will instruct us.",
                "We will report to Mr. Jon Smith.",
            ],
            &["1:Mr. Jon Smith"],
        );
        check(
            &[
                "Dear Katherine Wilson,",
                "Your file is open.",
                "Catherine Wilson will sign.",
            ],
            &["2:Catherine Wilson"],
        );
        check(
            &["Maria Chen is your lawyer.", "Contact Maria Chan by email."],
            &["1:Maria Chan"],
        );
        check(
            &["John Smith retains us.", "Our client John Smyth agrees."],
            &["1:John Smyth"],
        );
        check(
            &["Ms. Priya Singh assists.", "Ms. Priya Sing will call."],
            &["1:Ms. Priya Sing"],
        );
        check(
            &["Stephen Harper retains us.", "Steven Harper signs."],
            &["1:Steven Harper"],
        );
        check(
            &[
                "Dear Ms. Helena Marsh-Whitaker,",
                "Helena Whitaker, Executor",
            ],
            &["1:Helena Whitaker"],
        );
    }

    #[test]
    fn distinct_people_are_not_flagged() {
        check(
            &[
                "Maria Chen is your lawyer; her assistant Priya Singh can help.",
                "Maria Chen will call.",
            ],
            &[],
        );
        check(
            &[
                "Mark Smith and Mary Smith are separating.",
                "Mark Smith retains us.",
            ],
            &[],
        );
        check(
            &[
                "Paul Martin retains us.",
                "His daughter Paula Martin is a witness.",
            ],
            &[],
        );
        check(
            &[
                "Mr. John Smith is the husband.",
                "Mrs. Joan Smith is the wife.",
            ],
            &[],
        );
        check(
            &["Daniel Roy retains us.", "Danielle Roy is his sister."],
            &[],
        );
        check(&["Dan Lee retains us.", "Don Lee is his brother."], &[]);
        check(
            &[
                "John Smith and Joan Smith met.",
                "John Smith signs; Joan Smith signs too.",
                "Joan Smith pays.",
            ],
            &[],
        );
        check(
            &["Maria Rossi retains us.", "Mario Rossi is her brother."],
            &[],
        );
        check(
            &[
                "The Retainer Agreement and the Retainer Agreements.",
                "Legal Services and Legal Service.",
            ],
            &[],
        );
        check(
            &[
                "Dear Maria,",
                "Yours truly,",
                "Maria Chen",
                "Partner, Chen Law LLP",
            ],
            &[],
        );
        check(
            &[
                "Hourly Rates apply under Ontario Law.",
                "Hourly Rate increases need notice.",
            ],
            &[],
        );
        check(
            &[
                "John Smith retains us.",
                "John Smith's file is open; Mr. Smith agrees.",
            ],
            &[],
        );
    }
}

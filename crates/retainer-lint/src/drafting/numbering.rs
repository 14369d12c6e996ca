//! `drafting.numbering`: hand-typed numbering of headings or paragraphs that skips or repeats
//! ("1, 2, 4"; "(a), (b), (d)"; "1.1, 1.2, 1.4"; "i., ii., iv.").
//!
//! Labels open a block ("4.", "(b)", "1.2", "iv)", "Section 3 -"). Sequences nest like lists:
//! each label style (decimal at a given parent, lower letters, roman…, with its punctuation)
//! is a sequence; meeting an outer sequence again closes the inner ones, so "(a), (b)" under
//! "1." and again under "2." both start afresh. Headings number across the letter; body
//! sequences start afresh after each heading. A sequence may start anywhere (a list can
//! continue from another page), and a label of 1, (a) or (i) always restarts it.

use std::ops::Range;

use super::{prose, Finding};
use crate::document::{BlockKind, Document};

/// How a label counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Decimal,
    LowerAlpha,
    UpperAlpha,
    LowerRoman,
    UpperRoman,
}

/// How a label is punctuated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wrap {
    /// `(a)`
    Parens,
    /// `a)`
    Right,
    /// `a.`, `1.`, `1.2.`
    Dot,
    /// `1.2 Scope`, `3 Fees` (no closing punctuation)
    Bare,
    /// `Section 3`, `Clause 4`
    Keyword,
}

/// A label that opens a block.
#[derive(Debug, Clone)]
struct Label {
    style: Style,
    wrap: Wrap,
    /// Decimal parts ("1.2" → [1, 2]); for letters and roman numerals the single value.
    parts: Vec<u32>,
    /// Byte range of the label in the block's text.
    range: Range<usize>,
    /// A single i, v, x (or I, V, X): a letter or a roman numeral, decided by context.
    ambiguous: bool,
    /// The number of a Markdown ordered-list item, shown by the renderer but not in the text;
    /// `range` then covers the item's first words.
    marker: bool,
}

/// The identity of a sequence: style, punctuation, and (for decimals) the parent numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SequenceKey {
    style: Style,
    wrap: Wrap,
    parent: Vec<u32>,
    /// The list nesting level of list items (None for paragraphs and headings): "1." items
    /// of a nested list are their own sequence.
    list_level: Option<u8>,
}

#[derive(Debug, Clone)]
struct Sequence {
    key: SequenceKey,
    last: u32,
}

/// `drafting.numbering`: a hand-typed label that skips or repeats the one expected.
pub fn numbering(doc: &Document) -> Vec<Finding> {
    let mut headings: Vec<Sequence> = Vec::new();
    let mut body: Vec<Sequence> = Vec::new();
    let mut out = Vec::new();
    for (index, block) in prose(doc) {
        let in_heading = match block.kind {
            BlockKind::Heading { .. } => true,
            BlockKind::Paragraph | BlockKind::ListItem { .. } => false,
            // The title, tables, page furniture and notes number themselves, or not at all.
            _ => continue,
        };
        if in_heading {
            body.clear();
        }
        let Some(mut label) = parse_label(&block.text, block.kind).or_else(|| marker_label(block))
        else {
            continue;
        };
        let stack = if in_heading { &mut headings } else { &mut body };
        if label.ambiguous && !resolve_ambiguous(&mut label, stack) {
            continue;
        }
        let (style, parts) = (label.style, label.parts.clone());
        let Some((&value, parent)) = parts.split_last() else {
            continue;
        };
        let key = SequenceKey {
            style,
            wrap: label.wrap,
            parent: if style == Style::Decimal {
                parent.to_vec()
            } else {
                Vec::new()
            },
            list_level: match block.kind {
                BlockKind::ListItem { level } => Some(level),
                _ => None,
            },
        };
        match stack.iter().position(|s| s.key == key) {
            Some(pos) => {
                stack.truncate(pos + 1);
                let Some(seq) = stack.last_mut() else {
                    continue;
                };
                let expected = seq.last.saturating_add(1);
                if value == expected || value == 1 {
                    seq.last = inline_continuation(&block.text, &label, value);
                } else if value == seq.last {
                    out.push(finding(index, &block.text, &label, expected, "repeats"));
                } else if value > expected {
                    out.push(finding(index, &block.text, &label, expected, "skips"));
                    seq.last = value;
                } else {
                    // Counting down is a new list, not a slip of the keyboard.
                    seq.last = value;
                }
            }
            None => {
                // A sub-number whose parent is known must start at 1: "2." then "2.2".
                let parent_known = style == Style::Decimal
                    && !parent.is_empty()
                    && value > 1
                    && [&headings, &body].iter().any(|s| {
                        s.iter().any(|q| {
                            q.key.style == Style::Decimal
                                && q.key.parent.len() + 1 == parent.len()
                                && q.key.parent.as_slice()
                                    == parent.get(..parent.len() - 1).unwrap_or(&[])
                                && parent.last() == Some(&q.last)
                        })
                    });
                if parent_known {
                    out.push(finding(index, &block.text, &label, 1, "skips"));
                }
                let stack = if in_heading { &mut headings } else { &mut body };
                let last = inline_continuation(&block.text, &label, value);
                stack.push(Sequence { key, last });
            }
        }
    }
    out
}

/// "(a) monthly; (b) on completion": labels of the same style later in the block continue
/// the sequence. Returns the last value reached.
fn inline_continuation(text: &str, label: &Label, mut last: u32) -> u32 {
    if label.wrap != Wrap::Parens || label.style == Style::Decimal {
        return last;
    }
    let rest = text.get(label.range.end..).unwrap_or("");
    for (at, _) in rest.match_indices('(') {
        // "section 5(2)(b)": a bracket right after a word or another bracket is a statute's
        // subsection, not this list's next item.
        if rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
        {
            continue;
        }
        let Some(token) = rest[at + 1..].split(')').next() else {
            continue;
        };
        if token.len() > 5 {
            continue;
        }
        let value = match label.style {
            Style::LowerRoman | Style::UpperRoman => roman_value(&token.to_ascii_lowercase()),
            _ => {
                let mut chars = token.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if c.is_ascii_alphabetic() => {
                        Some(u32::from(c.to_ascii_lowercase()) - u32::from('a') + 1)
                    }
                    _ => None,
                }
            }
        };
        if value == Some(last.saturating_add(1)) {
            last = last.saturating_add(1);
        }
    }
    last
}

/// Decides whether a single i/v/x is a letter (after h, u, w) or a roman numeral (after iv,
/// ix, or starting at i). Returns false when nothing tells.
fn resolve_ambiguous(label: &mut Label, stack: &[Sequence]) -> bool {
    let letter = label.parts.first().copied().unwrap_or(0);
    let (alpha, roman) = if label.style == Style::LowerRoman || label.style == Style::LowerAlpha {
        (Style::LowerAlpha, Style::LowerRoman)
    } else {
        (Style::UpperAlpha, Style::UpperRoman)
    };
    let roman_value = match letter {
        9 => 1,   // i
        22 => 5,  // v
        24 => 10, // x
        _ => 0,
    };
    let continues = |style: Style, value: u32| {
        stack.iter().any(|s| {
            s.key.style == style && s.key.wrap == label.wrap && s.last.saturating_add(1) == value
        })
    };
    if continues(alpha, letter) {
        label.style = alpha;
    } else if continues(roman, roman_value) || roman_value == 1 {
        label.style = roman;
        label.parts = vec![roman_value];
    } else {
        return false;
    }
    true
}

fn finding(index: usize, text: &str, label: &Label, expected: u32, what: &str) -> Finding {
    if label.marker {
        let value = label.parts.last().copied().unwrap_or(0);
        let words = text.get(label.range.clone()).unwrap_or("");
        let what = if what == "repeats" {
            "repeats"
        } else {
            "skips to"
        };
        // The number is the list's, not the text's: nothing in the text to replace.
        return Finding::new(
            index,
            label.range.clone(),
            format!(
                "the list numbering {what} {value}. (before \"{words}\"): expected {expected}."
            ),
        );
    }
    let written = text.get(label.range.clone()).unwrap_or("").to_string();
    let mut parts = label.parts.clone();
    if let Some(last) = parts.last_mut() {
        *last = expected;
    }
    let wanted = render(label.style, label.wrap, &parts, &written);
    let message = if what == "repeats" {
        format!("the numbering repeats {written}: expected {wanted}")
    } else {
        format!("the numbering skips to {written}: expected {wanted}")
    };
    Finding::new(index, label.range.clone(), message).with_suggestion(wanted)
}

/// A label written in the same style as `written`, with other parts.
fn render(style: Style, wrap: Wrap, parts: &[u32], written: &str) -> String {
    let value = parts.last().copied().unwrap_or(0);
    let core = match style {
        Style::Decimal => parts
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join("."),
        Style::LowerAlpha => letter_of(value).to_string(),
        Style::UpperAlpha => letter_of(value).to_ascii_uppercase().to_string(),
        Style::LowerRoman => roman(value),
        Style::UpperRoman => roman(value).to_ascii_uppercase(),
    };
    match wrap {
        Wrap::Parens => format!("({core})"),
        Wrap::Right => format!("{core})"),
        Wrap::Dot if written.ends_with('.') => format!("{core}."),
        Wrap::Keyword => {
            let keyword = written.split_whitespace().next().unwrap_or("Section");
            format!("{keyword} {core}")
        }
        Wrap::Dot | Wrap::Bare => core,
    }
}

fn letter_of(value: u32) -> char {
    char::from_u32(u32::from(b'a') + value.saturating_sub(1).min(25)).unwrap_or('a')
}

fn roman(mut value: u32) -> String {
    const TABLE: [(u32, &str); 9] = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (n, s) in TABLE {
        while value >= n {
            out.push_str(s);
            value -= n;
        }
    }
    out
}

/// The value of a lower-case roman numeral made of i, v, x, l, c, written canonically.
fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= i64::from(*v),
            _ => total += i64::from(*v),
        }
    }
    let total = u32::try_from(total).ok()?;
    // Only canonical numerals count: "il" or "iiii" are not numbering.
    (total > 0 && roman(total) == s).then_some(total)
}

/// A hand-typed label as cross-references name it: decimal parts ("4.2" → [4, 2]) or the
/// letters of a letter or roman label ("(b)" → "b", "(iv)" → "iv").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum HandLabel {
    /// "4.", "4.2", "Section 4".
    Number(Vec<u32>),
    /// "(b)", "iv.", lower-cased.
    Letters(String),
}

/// The hand-typed label that opens a block, if any.
pub(super) fn hand_label(text: &str, kind: BlockKind) -> Option<HandLabel> {
    // A list item's "3." is a number a reference can point to, typed or not.
    let kind = match kind {
        BlockKind::ListItem { .. } => BlockKind::Paragraph,
        other => other,
    };
    let label = parse_label(text, kind)?;
    if label.style == Style::Decimal {
        return Some(HandLabel::Number(label.parts));
    }
    let written = text.get(label.range)?;
    let letters: String = written
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    Some(HandLabel::Letters(letters))
}

/// The number a Markdown ordered-list item is rendered with, as a label over the item's first
/// words (at most six, within its first 60 bytes).
fn marker_label(block: &crate::document::Block) -> Option<Label> {
    let number = block.list_number?;
    let text = &block.text;
    let start = text.len() - text.trim_start().len();
    // The end of the sixth word, or of the last one that starts within 60 bytes.
    let mut end = start;
    let mut words = 0;
    for (at, c) in text.char_indices().skip_while(|&(at, _)| at < start) {
        if c.is_whitespace() {
            continue;
        }
        let starts_word = text
            .get(..at)
            .is_some_and(|b| b.ends_with(char::is_whitespace));
        if at > start && starts_word {
            words += 1;
            if words == 6 || at > start + 60 {
                break;
            }
        }
        end = at + c.len_utf8();
    }
    (end > start).then(|| Label {
        style: Style::Decimal,
        wrap: Wrap::Dot,
        parts: vec![number],
        range: start..end,
        ambiguous: false,
        marker: true,
    })
}

/// The label that opens a block, if any.
fn parse_label(text: &str, kind: BlockKind) -> Option<Label> {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let heading = kind.is_heading();
    let list_item = matches!(kind, BlockKind::ListItem { .. });

    // "Section 3 - Fees", "Clause 4: Billing" (headings only).
    if heading {
        let lower = trimmed.get(..8).unwrap_or(trimmed).to_ascii_lowercase();
        for keyword in ["section ", "clause ", "article ", "part "] {
            if lower.starts_with(keyword) {
                let rest = trimmed.get(keyword.len()..).unwrap_or("");
                let (parts, len) = decimal(rest)?;
                let end = lead + keyword.len() + len;
                return Some(Label {
                    style: Style::Decimal,
                    wrap: Wrap::Keyword,
                    parts,
                    range: lead..end,
                    ambiguous: false,
                    marker: false,
                });
            }
        }
    }

    // "(a)", "(iv)", "(2)".
    if let Some(inner) = trimmed.strip_prefix('(') {
        let close = inner.find(')')?;
        let token = inner.get(..close)?;
        let after = inner.get(close + 1..)?;
        if !after.starts_with(char::is_whitespace) && !after.is_empty() {
            return None;
        }
        let mut label = token_label(token, Wrap::Parens)?;
        label.range = lead..lead + close + 2;
        return Some(label);
    }

    // "a)", "1)", "a.", "1.", "1.2", "1.2.", "iv.", "3 Fees".
    let token_len = trimmed
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or(trimmed.len());
    let token = trimmed.get(..token_len)?;
    let after = trimmed.get(token_len..)?;
    if token.is_empty() {
        return None;
    }
    if let Some(core) = after.strip_prefix(')') {
        if !core.starts_with(char::is_whitespace) {
            return None;
        }
        if list_item && token.chars().all(|c| c.is_ascii_digit()) {
            return None; // a Markdown list marker the reader may have kept
        }
        let mut label = token_label(token, Wrap::Right)?;
        label.range = lead..lead + token_len + 1;
        return Some(label);
    }
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let next = after.trim_start().chars().next()?;
    if let Some(core) = token.strip_suffix('.') {
        if list_item && core.chars().all(|c| c.is_ascii_digit()) {
            return None; // a Markdown list marker the reader may have kept
        }
        // "A. Smith will attend": an initial, not a label, outside headings.
        if !heading && core.len() == 1 && core.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        let mut label = token_label(core, Wrap::Dot)?;
        label.range = lead..lead + token_len;
        return Some(label);
    }
    // Bare decimals: "1.2 Scope" anywhere, "3 Fees" in headings only; always before a
    // capital letter, so "1.5 hours" is not a label.
    if !next.is_uppercase() || !token.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !heading && !token.contains('.') {
        return None;
    }
    let (parts, len) = decimal(token)?;
    if len != token.len() || (parts.len() == 1 && token.len() > 2) {
        return None;
    }
    Some(Label {
        style: Style::Decimal,
        wrap: Wrap::Bare,
        parts,
        range: lead..lead + token_len,
        ambiguous: false,
        marker: false,
    })
}

/// Reads "1", "4.2", "12.3.1" (parts of at most three digits) at the start of `s`; returns
/// the parts and the bytes read (without a trailing dot).
fn decimal(s: &str) -> Option<(Vec<u32>, usize)> {
    let bytes = s.as_bytes();
    let mut parts = Vec::new();
    let mut pos = 0;
    let mut end = 0;
    loop {
        let digits = bytes
            .get(pos..)?
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || digits > 3 {
            break;
        }
        parts.push(s.get(pos..pos + digits)?.parse().ok()?);
        pos += digits;
        end = pos;
        let more =
            bytes.get(pos) == Some(&b'.') && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit);
        if !more {
            break;
        }
        pos += 1;
    }
    (!parts.is_empty()).then_some((parts, end))
}

/// A label from the token inside its punctuation: digits, a letter, or a roman numeral.
fn token_label(token: &str, wrap: Wrap) -> Option<Label> {
    let make = |style, parts, ambiguous| {
        Some(Label {
            style,
            wrap,
            parts,
            range: 0..0,
            ambiguous,
            marker: false,
        })
    };
    if token.starts_with(|c: char| c.is_ascii_digit()) {
        let (parts, len) = decimal(token)?;
        return if len == token.len() {
            make(Style::Decimal, parts, false)
        } else {
            None
        };
    }
    let mut chars = token.chars();
    let first = chars.next()?;
    if chars.next().is_none() && first.is_ascii_alphabetic() {
        let value = u32::from(first.to_ascii_lowercase()) - u32::from('a') + 1;
        let ambiguous = matches!(first.to_ascii_lowercase(), 'i' | 'v' | 'x');
        let style = if first.is_ascii_lowercase() {
            Style::LowerAlpha
        } else {
            Style::UpperAlpha
        };
        return make(style, vec![value], ambiguous);
    }
    let lower = token.to_ascii_lowercase();
    let value = roman_value(&lower)?;
    let style = if token.chars().all(|c| c.is_ascii_lowercase()) {
        Style::LowerRoman
    } else if token.chars().all(|c| c.is_ascii_uppercase()) {
        Style::UpperRoman
    } else {
        return None;
    };
    make(style, vec![value], false)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    /// `expected` lists the flagged labels as `block:label>expected`.
    fn check(blocks: &[(BlockKind, &str)], expected: &[&str]) {
        let doc = letter(blocks);
        let found = numbering(&doc);
        assert_well_formed(&doc, &found);
        let got: Vec<String> = spans(&doc, &found)
            .into_iter()
            .zip(&found)
            .map(|(s, f)| format!("{s}>{}", f.suggestion.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(got, expected, "{found:#?}");
    }

    fn body(texts: &[&'static str]) -> Vec<(BlockKind, &'static str)> {
        texts.iter().map(|t| (P, *t)).collect()
    }

    #[test]
    fn skips_and_repeats_are_flagged() {
        check(
            &[(H2, "1. Scope"), (H2, "2. Fees"), (H2, "4. Billing")],
            &["2:4.>3."],
        );
        check(
            &body(&["(a) fees;", "(b) costs;", "(d) taxes."]),
            &["2:(d)>(c)"],
        );
        check(
            &body(&["1.1 Scope of work", "1.2 Exclusions", "1.4 Changes"]),
            &["2:1.4>1.3"],
        );
        check(
            &body(&["i. first", "ii. second", "iv. fourth"]),
            &["2:iv.>iii."],
        );
        check(&body(&["(a) one", "(b) two", "(b) again"]), &["2:(b)>(c)"]);
        check(
            &[
                (H1, "Section 1 - Scope"),
                (H1, "Section 2 - Fees"),
                (H1, "Section 2 - Billing"),
            ],
            &["2:Section 2>Section 3"],
        );
        check(&[(H1, "1 Scope"), (H1, "3 Fees")], &["1:3>2"]);
        check(
            &body(&["1. Scope", "2. Fees", "3. Costs", "5. Billing"]),
            &["3:5.>4."],
        );
        check(&body(&["a) fees", "b) costs", "e) taxes"]), &["2:e)>c)"]);
        check(
            &body(&["(f) six", "(g) seven", "(h) eight", "(j) ten"]),
            &["3:(j)>(i)"],
        );
        check(
            &[(H2, "2. Fees"), (P, "2.2 Hourly Rates apply.")],
            &["1:2.2>2.1"],
        );
        check(
            &body(&["(i) one", "(ii) two", "(ii) two again"]),
            &["2:(ii)>(iii)"],
        );
        check(
            &[(H1, "A. Scope"), (H1, "B. Fees"), (H1, "D. Billing")],
            &["2:D.>C."],
        );
        check(
            &[
                (H1, "I. Introduction"),
                (H1, "II. Fees"),
                (H1, "IV. Billing"),
            ],
            &["2:IV.>III."],
        );
    }

    #[test]
    fn markdown_list_numbers_count_like_labels() {
        // "1. YOUR MATTER" ... "5. COMMUNICATION" as one-item Markdown lists: the numbers are
        // the lists', not the text's.
        let mut doc = letter(&[
            (LI, "YOUR MATTER"),
            (P, "You own the mineral rights."),
            (LI, "OUR FEE"),
            (P, "Our fee is 25% of whatever you recover."),
            (LI, "COMMUNICATION"),
            (LI, "NEXT STEPS"),
        ]);
        for (index, number) in [(0, 1), (2, 2), (4, 4), (5, 5)] {
            doc.blocks[index].list_number = Some(number);
        }
        let found = numbering(&doc);
        assert_well_formed(&doc, &found);
        assert_eq!(spans(&doc, &found), ["4:COMMUNICATION"]);
        assert_eq!(
            found[0].message,
            "the list numbering skips to 4. (before \"COMMUNICATION\"): expected 3."
        );
        assert_eq!(found[0].suggestion, None);
        // Numbered 1, 2, 3: nothing to say.
        doc.blocks[4].list_number = Some(3);
        doc.blocks[5].list_number = Some(4);
        assert!(numbering(&doc).is_empty());
    }

    #[test]
    fn good_numbering_is_not_flagged() {
        check(
            &[(H2, "1. Scope"), (H2, "2. Fees"), (H2, "3. Billing")],
            &[],
        );
        check(
            &[
                (H2, "1. Scope"),
                (P, "1.1 Work"),
                (P, "1.2 Exclusions"),
                (H2, "2. Fees"),
                (P, "2.1 Rates"),
            ],
            &[],
        );
        check(
            &body(&[
                "(a) fees",
                "(i) hourly",
                "(ii) fixed",
                "(b) costs",
                "(i) filing",
                "(c) taxes",
            ]),
            &[],
        );
        check(
            &body(&[
                "1. Scope",
                "(a) advice",
                "(b) drafting",
                "2. Fees",
                "(a) rates",
                "(b) deposit",
            ]),
            &[],
        );
        check(&body(&["(g) g", "(h) h", "(i) i", "(j) j"]), &[]);
        // "5(2)(b)" inside item (a) is a statute's subsection; "(b)" then follows "(a)".
        check(
            &body(&[
                "(a) review. We advise on section 10(2) and section 5(2)(b) of the Act.",
                "(b) opposition.",
                "(c) negotiation.",
            ]),
            &[],
        );
        // Inline items still continue the list.
        check(
            &body(&["(a) monthly; (b) on completion.", "(b) again"]),
            &["1:(b)>(c)"],
        );
        check(&body(&["(iv) four", "(v) five", "(vi) six"]), &[]);
        check(
            &[
                (H1, "Fees"),
                (P, "(a) one"),
                (P, "(b) two"),
                (H1, "Billing"),
                (P, "(a) again"),
                (P, "(b) more"),
            ],
            &[],
        );
        check(
            &[
                (LI, "1. first"),
                (LI, "1. lazy markdown"),
                (LI, "1. numbering"),
            ],
            &[],
        );
        check(
            &body(&[
                "1.5 hours were spent.",
                "3.5 hours more.",
                "A. Smith will attend.",
                "C. Jones too.",
            ]),
            &[],
        );
        check(
            &body(&[
                "Mr. Smith",
                "Dr. Jones",
                "e.g. this",
                "i.e. that",
                "(see below)",
                "2026. A year.",
            ]),
            &[],
        );
        check(&[(H1, "2024 Fee Schedule"), (H1, "2026 Update")], &[]);
        check(
            &body(&["(a) one", "Some words in between.", "(b) two", "(c) three"]),
            &[],
        );
        check(
            &body(&["3. Three", "4. Four", "1. A new list", "2. continues"]),
            &[],
        );
        check(
            &[
                (H1, "Part A"),
                (H2, "1. Scope"),
                (H2, "2. Fees"),
                (H1, "Part B"),
                (H2, "1. Terms"),
            ],
            &[],
        );
        check(
            &[
                (BlockKind::TableCell { row: 0, col: 0 }, "1."),
                (BlockKind::TableCell { row: 1, col: 0 }, "3."),
            ],
            &[],
        );
        check(&body(&["(x) ten", "(y) eleven?", "(z) last"]), &[]);
        check(&body(&["(a) fees; (b) costs;", "(c) taxes."]), &[]);
        check(
            &[
                (H1, "I. Introduction"),
                (H1, "II. Fees"),
                (H1, "III. Billing"),
                (H1, "IV. Ending"),
            ],
            &[],
        );
        check(
            &[
                (H1, "A. Scope"),
                (H1, "B. Fees"),
                (H2, "1. Rates"),
                (H2, "2. Deposit"),
                (H1, "C. Billing"),
            ],
            &[],
        );
        check(&body(&["(i) fees; (ii) costs;", "(iii) taxes."]), &[]);
        let nested = BlockKind::ListItem { level: 1 };
        check(
            &[
                (LI, "(a) one"),
                (nested, "(a) sub"),
                (nested, "(b) sub"),
                (LI, "(b) two"),
            ],
            &[],
        );
    }

    #[test]
    fn roman_numerals_and_labels_parse() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value("mix"), None);
        assert_eq!(decimal("4.2 x"), Some((vec![4, 2], 3)));
        assert_eq!(decimal("4. x"), Some((vec![4], 1)));
        assert_eq!(decimal("2026.1"), None);
        assert_eq!(
            render(Style::LowerRoman, Wrap::Parens, &[3], "(iv)"),
            "(iii)"
        );
    }
}

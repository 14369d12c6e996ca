//! Drafting proofreading checks: pure functions over a read letter.
//!
//! Each check reads the prose blocks of a [`Document`] (never comments) and returns
//! [`Finding`]s: a block, a byte range of that block's plain text, and a message a lawyer can
//! act on. The rule engine turns findings into diagnostics (the `defined-terms`,
//! `cross-reference`, `numbering`, `balance`, `dates` and `names` kinds).
//!
//! The checks are deliberately conservative: a false alarm on a well-drafted letter costs as
//! much trust as a missed defect, so each one only speaks when the text leaves no doubt.

use std::ops::Range;

use crate::document::{Block, Document};

mod balance;
mod dates;
mod names;
mod numbering;
mod terms;
mod xref;

pub use balance::balance;
pub use dates::{dates, weekday, Weekday};
pub use names::party_names;
pub use numbering::numbering;
pub use terms::{definitions, duplicate_definitions, undefined_terms, unused_definitions};
pub use terms::{Definition, DefinitionForm};
pub use xref::cross_references;

/// One problem found by a drafting check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Index in [`Document::blocks`].
    pub block: usize,
    /// Byte range in that block's plain text; never empty, always on char boundaries.
    pub range: Range<usize>,
    /// Plain English a lawyer can act on, quoting the words.
    pub message: String,
    /// A secondary place (block, byte range, label), e.g. where a term was first defined.
    pub related: Option<(usize, Range<usize>, String)>,
    /// A replacement for the words at `range`, when there is an obvious one.
    pub suggestion: Option<String>,
}

impl Finding {
    fn new(block: usize, range: Range<usize>, message: String) -> Self {
        Finding {
            block,
            range,
            message,
            related: None,
            suggestion: None,
        }
    }

    fn with_related(mut self, block: usize, range: Range<usize>, label: impl Into<String>) -> Self {
        self.related = Some((block, range, label.into()));
        self
    }

    fn with_suggestion(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }
}

/// The prose blocks of a letter (comments skipped), with their indices.
fn prose(doc: &Document) -> impl Iterator<Item = (usize, &Block)> {
    doc.prose()
}

/// The text at `range`, or "" when the range is not valid for `text`.
fn slice(text: &str, range: Range<usize>) -> &str {
    text.get(range).unwrap_or("")
}

/// Quote at most `max` characters of `s` (an ellipsis marks a cut), for messages.
fn excerpt(s: &str, max: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", s[..cut].trim_end()),
        None => s.to_string(),
    }
}

/// True when the byte offset `at` starts a sentence: only spaces and opening punctuation stand
/// between it and the block start or a full stop, question or exclamation mark, or colon.
fn starts_sentence(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    for c in before.chars().rev() {
        match c {
            c if c.is_whitespace() => continue,
            '(' | '[' | '"' | '“' | '‘' | '\'' | '*' | '_' | '-' | '–' | '—' | '•' => {
                continue
            }
            '.' | '?' | '!' | ':' | ';' => return true,
            _ => return false,
        }
    }
    true
}

/// Levenshtein distance between two short words, giving up (returning `limit + 1`) once the
/// distance must exceed `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(limit + 1)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Builds documents for the checks' tests without depending on any reader.

    use std::sync::Arc;

    use crate::document::{Block, BlockKind, Document, Format, OffsetMap};

    pub(crate) const P: BlockKind = BlockKind::Paragraph;
    pub(crate) const H1: BlockKind = BlockKind::Heading { level: 1 };
    pub(crate) const H2: BlockKind = BlockKind::Heading { level: 2 };
    pub(crate) const LI: BlockKind = BlockKind::ListItem { level: 0 };
    pub(crate) const C: BlockKind = BlockKind::Comment;

    /// A document whose blocks are the given kinds and plain texts, one per line of the view.
    pub(crate) fn letter(blocks: &[(BlockKind, &str)]) -> Document {
        let mut view = String::new();
        let mut out = Vec::new();
        for (kind, text) in blocks {
            let mut map = OffsetMap::new();
            map.push_copy(0, view.len(), text.len());
            view.push_str(text);
            view.push('\n');
            out.push(Block::new(*kind, (*text).to_string(), map));
        }
        Document::new(Format::Text, Arc::from(view), out)
    }

    /// A letter of body paragraphs only.
    pub(crate) fn paragraphs(texts: &[&str]) -> Document {
        let blocks: Vec<(BlockKind, &str)> = texts.iter().map(|t| (P, *t)).collect();
        letter(&blocks)
    }

    /// The quoted words of each finding, as `block:words`, for compact assertions.
    pub(crate) fn spans(doc: &Document, findings: &[super::Finding]) -> Vec<String> {
        findings
            .iter()
            .map(|f| {
                let text = &doc.blocks[f.block].text;
                format!("{}:{}", f.block, &text[f.range.clone()])
            })
            .collect()
    }

    /// Every finding points at real, non-empty words of a prose block.
    pub(crate) fn assert_well_formed(doc: &Document, findings: &[super::Finding]) {
        for f in findings {
            let block = &doc.blocks[f.block];
            assert!(block.kind.is_prose(), "finding in a comment: {f:?}");
            assert!(!f.range.is_empty(), "empty range: {f:?}");
            assert!(
                block.text.get(f.range.clone()).is_some(),
                "bad range: {f:?}"
            );
            assert!(!f.message.is_empty());
            if let Some((b, r, _)) = &f.related {
                assert!(
                    doc.blocks[*b].text.get(r.clone()).is_some(),
                    "bad related: {f:?}"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn helpers() {
        assert_eq!(edit_distance("John", "Jon", 2), 1);
        assert_eq!(edit_distance("Smith", "Smyth", 2), 1);
        assert_eq!(edit_distance("Maria", "Priya", 2), 3);
        assert_eq!(edit_distance("", "abc", 5), 3);
        assert!(starts_sentence("Hello. The Matter", 7));
        assert!(!starts_sentence("for the Matter", 8));
        assert_eq!(excerpt("abcdef", 3), "abc…");
        assert_eq!(excerpt("été", 5), "été");
    }

    fn all_checks(doc: &Document) -> Vec<Finding> {
        let mut out = Vec::new();
        out.extend(undefined_terms(doc));
        out.extend(unused_definitions(doc));
        out.extend(duplicate_definitions(doc));
        out.extend(cross_references(doc));
        out.extend(numbering(doc));
        out.extend(balance(doc));
        out.extend(dates(doc));
        out.extend(party_names(doc));
        out
    }

    #[test]
    fn large_letter_runs_through_every_check() {
        // 5,000 paragraphs with definitions, references, dates, names and numbering: the checks
        // must stay near-linear (a quadratic pass would take minutes here).
        let mut texts = Vec::new();
        for i in 0..5000 {
            texts.push(match i % 5 {
                0 => format!(
                    "{}. Heading paragraph about Term{i} (the \"Term{i}\") and the Matter.",
                    i / 5 + 1
                ),
                1 => format!(
                    "See section {} and Schedule A; the Term{} applies.",
                    i % 40,
                    i - 1
                ),
                2 => "Our meeting on Thursday, 26 November 2026 with Acme Corp. (the \"Client\")"
                    .to_string(),
                3 => format!(
                    "(a) the Client will pay (b) within {} days; Mr. John Smith{i} agrees.",
                    i % 30
                ),
                _ => {
                    "Acme Corporation and Mr. Jon Smith signed on 31 April 2026 [draft".to_string()
                }
            });
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let doc = paragraphs(&refs);
        let findings = all_checks(&doc);
        assert_well_formed(&doc, &findings);
        assert!(findings.len() > 1000);
    }

    fn block_kind() -> impl Strategy<Value = crate::document::BlockKind> {
        prop_oneof![Just(P), Just(H1), Just(H2), Just(LI), Just(C)]
    }

    fn block_text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            // Text made of the pieces the checks key on, to reach deep into their branches.
            proptest::collection::vec(
                prop_oneof![
                    Just("(".to_string()),
                    Just(")".to_string()),
                    Just("“".to_string()),
                    Just("”".to_string()),
                    Just("\"".to_string()),
                    Just("[".to_string()),
                    Just("é".to_string()),
                    Just(" the Matter ".to_string()),
                    Just("(the \"Client\")".to_string()),
                    Just(" see section 4.2(b) ".to_string()),
                    Just("Schedule A".to_string()),
                    Just("1. ".to_string()),
                    Just("(c) ".to_string()),
                    Just("iv. ".to_string()),
                    Just("Monday, 31 April 2026".to_string()),
                    Just("February 29, 2027".to_string()),
                    Just("2026-13-01".to_string()),
                    Just("Acme Corp.".to_string()),
                    Just("Mr. Jon Smith".to_string()),
                    Just("Mr. John Smith".to_string()),
                    Just(" ".to_string()),
                    Just(".".to_string()),
                    "[A-Za-z0-9 ]{0,6}",
                    "\\PC{0,3}",
                ],
                0..12
            )
            .prop_map(|parts| parts.concat()),
        ]
    }

    proptest! {
        #[test]
        fn checks_are_total_on_any_text(blocks in proptest::collection::vec((block_kind(), block_text()), 0..8)) {
            let refs: Vec<(crate::document::BlockKind, &str)> =
                blocks.iter().map(|(k, t)| (*k, t.as_str())).collect();
            let doc = letter(&refs);
            let findings = all_checks(&doc);
            assert_well_formed(&doc, &findings);
        }
    }
}

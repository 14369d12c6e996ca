//! Suppression directives written inside letters.
//!
//! Markdown (HTML comments, which arrive as comment blocks anchored at the next prose block):
//! `retainer-lint-disable ID[, ID]` … `retainer-lint-enable ID`,
//! `retainer-lint-disable-next-line ID`, `retainer-lint-disable-file ID`. DOCX: a Word
//! comment whose text begins `retainer-lint-disable ID` silences the rule on the commented
//! range, or in the whole letter when it is anchored on the title. IDs may be prefixes
//! (`fees` silences every `fees.*` rule); no ID means every rule. A directive that silences
//! nothing is itself reported (`suppression.unused`), as ruff does.

use std::ops::Range;

use crate::document::{BlockKind, Document, Format, Position};

/// The id of the finding about a directive that silenced nothing.
pub const UNUSED: &str = "suppression.unused";

const PREFIX: &str = "retainer-lint-";

/// True when a comment's text is a suppression directive.
pub fn is_directive(text: &str) -> bool {
    text.trim_start().starts_with("retainer-lint-disable")
        || text.trim_start().starts_with("retainer-lint-enable")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    Disable,
    Enable,
    NextLine,
    File,
}

/// One directive and where it applies.
#[derive(Debug, Clone)]
pub struct Directive {
    /// The comment block it is written in.
    pub block: usize,
    /// Rule ids or prefixes; empty means every rule.
    pub ids: Vec<String>,
    /// Where findings are silenced: from..to positions; `None` end means to the end.
    region: (Position, Option<Position>),
    /// Set when it silenced at least one finding.
    pub used: bool,
}

fn parse(text: &str) -> Option<(Verb, Vec<String>)> {
    let t = text.trim();
    let rest = t.strip_prefix(PREFIX)?;
    let (verb, rest) = if let Some(r) = rest.strip_prefix("disable-next-line") {
        (Verb::NextLine, r)
    } else if let Some(r) = rest.strip_prefix("disable-file") {
        (Verb::File, r)
    } else if let Some(r) = rest.strip_prefix("disable") {
        (Verb::Disable, r)
    } else if let Some(r) = rest.strip_prefix("enable") {
        (Verb::Enable, r)
    } else {
        return None;
    };
    if !(rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || c == ':')) {
        return None;
    }
    // Text after "--" is a reason, as in eslint.
    let ids_part = rest.split("--").next().unwrap_or("");
    let ids = ids_part
        .split(|c: char| c == ',' || c.is_whitespace() || c == ':')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Some((verb, ids))
}

/// True when `id` (a rule id) is covered by `pattern` (an id or a dotted prefix).
pub fn covers(pattern: &str, id: &str) -> bool {
    id == pattern || (id.starts_with(pattern) && id.as_bytes().get(pattern.len()) == Some(&b'.'))
}

/// The directives of a document.
pub fn directives(doc: &Document) -> Vec<Directive> {
    let mut out: Vec<Directive> = Vec::new();
    let start = Position {
        block: 0,
        offset: 0,
    };
    for (i, block) in doc.blocks.iter().enumerate() {
        if block.kind != BlockKind::Comment {
            continue;
        }
        let Some((verb, ids)) = parse(&block.text) else {
            continue;
        };
        let anchor = block.comment.as_ref().and_then(|c| c.anchor.clone());
        let at = anchor.as_ref().map_or(
            Position {
                block: i,
                offset: 0,
            },
            |a| a.start,
        );
        let region = match (doc.format, verb) {
            (_, Verb::File) => (start, None),
            (Format::Docx, Verb::Disable) => match &anchor {
                Some(a)
                    if doc
                        .blocks
                        .get(a.start.block)
                        .is_some_and(|b| b.kind == BlockKind::Title) =>
                {
                    (start, None)
                }
                // A comment on a single point still covers the words starting there.
                Some(a) if a.end <= a.start => (
                    a.start,
                    Some(Position {
                        block: a.start.block + 1,
                        offset: 0,
                    }),
                ),
                Some(a) => (a.start, Some(a.end)),
                None => (start, None),
            },
            (_, Verb::Disable) => (at, None),
            (_, Verb::NextLine) => (
                Position {
                    block: at.block,
                    offset: 0,
                },
                Some(Position {
                    block: at.block + 1,
                    offset: 0,
                }),
            ),
            (_, Verb::Enable) => {
                // Close the open `disable` regions this names.
                for d in out.iter_mut().rev() {
                    if d.region.1.is_none() && d.region.0 != start && enable_closes(&ids, &d.ids) {
                        d.region.1 = Some(Position {
                            block: at.block,
                            offset: 0,
                        });
                    }
                }
                continue;
            }
        };
        out.push(Directive {
            block: i,
            ids,
            region,
            used: false,
        });
    }
    out
}

fn enable_closes(enable: &[String], disable: &[String]) -> bool {
    enable.is_empty()
        || disable.is_empty()
        || disable
            .iter()
            .any(|d| enable.iter().any(|e| covers(e, d) || covers(d, e)))
}

impl Directive {
    /// True when this directive silences rule `id` at `pos`; marks it used.
    pub fn silences(&mut self, id: &str, pos: Position) -> bool {
        if id == UNUSED {
            return false;
        }
        let id_ok = self.ids.is_empty() || self.ids.iter().any(|p| covers(p, id));
        let (from, to) = self.region;
        let in_region = pos >= from && to.is_none_or(|t| pos < t);
        if id_ok && in_region {
            self.used = true;
            return true;
        }
        false
    }

    /// Where to report the directive itself: the comment block's whole text.
    pub fn range(&self, doc: &Document) -> Range<usize> {
        0..doc.blocks.get(self.block).map_or(0, |b| b.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_directives_with_prefixes_and_reasons() {
        assert_eq!(
            parse(" retainer-lint-disable fees.tax, response.vague -- agreed with client "),
            Some((
                Verb::Disable,
                vec!["fees.tax".to_string(), "response.vague".to_string()]
            ))
        );
        assert_eq!(
            parse("retainer-lint-disable-next-line fees").map(|p| p.0),
            Some(Verb::NextLine)
        );
        assert_eq!(
            parse("retainer-lint-disable-file").map(|p| p.1.len()),
            Some(0)
        );
        assert_eq!(parse("retainer-lint-disabled x"), None);
        assert!(covers("fees", "fees.tax"));
        assert!(!covers("fee", "fees.tax"));
        assert!(covers("fees.tax", "fees.tax"));
    }
}

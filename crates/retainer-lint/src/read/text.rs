//! The plain-text reader: paragraphs are separated by blank lines; the lines of a paragraph
//! join with spaces (each mapped to its line ending); a short line alone in its paragraph that
//! is in capitals or ends with ':' is a heading; lines starting with a bullet or a number are
//! list items.

use std::ops::Range;
use std::sync::Arc;

use crate::document::{Block, BlockKind, Document, Format};
use crate::error::InputError;
use crate::read::markdown::{too_large_text, too_many_blocks};
use crate::read::plain::{decode, PlainText};
use crate::read::Limits;

/// Longest line (in characters) taken as a heading: a one-line paragraph in capitals that is
/// longer than this is a shouted clause (a disclaimer), not a heading.
const MAX_HEADING_CHARS: usize = 100;
/// At most this many words in a heading that ends with a colon ("How we will keep you informed:").
const MAX_COLON_HEADING_WORDS: usize = 7;

/// A list item's line shorter than this (in characters) was not wrapped: the next
/// flush-left line does not continue it.
const SHORT_LINE_CHARS: usize = 60;

/// Read a plain-text letter.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document, InputError> {
    let view = decode(bytes);
    if view.len() > limits.max_text_bytes {
        return Err(too_large_text(view.len(), limits));
    }
    let blocks = blocks(&view, limits)?;
    Ok(Document::new(Format::Text, Arc::from(view), blocks))
}

/// One line of the view: its content (without the line ending) and its line ending.
#[derive(Debug, Clone)]
struct Line {
    content: Range<usize>,
    eol: Range<usize>,
}

fn lines(view: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = view.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            if b == b'\n' || b == b'\r' {
                break;
            }
            i += 1;
        }
        let eol_len = match (bytes.get(i), bytes.get(i + 1)) {
            (Some(b'\r'), Some(b'\n')) => 2,
            (Some(_), _) => 1,
            (None, _) => 0,
        };
        at = i + eol_len;
        Some(Line {
            content: start..i,
            eol: i..i + eol_len,
        })
    })
}

struct TextReader<'a> {
    view: &'a str,
    limits: &'a Limits,
    blocks: Vec<Block>,
    /// Indentation of the enclosing list levels, outermost first.
    indents: Vec<usize>,
    current: Option<(BlockKind, PlainText)>,
}

fn blocks(view: &str, limits: &Limits) -> Result<Vec<Block>, InputError> {
    let mut reader = TextReader {
        view,
        limits,
        blocks: Vec::new(),
        indents: Vec::new(),
        current: None,
    };
    let mut paragraph: Vec<Line> = Vec::new();
    for line in lines(view) {
        if view
            .get(line.content.clone())
            .unwrap_or("")
            .trim()
            .is_empty()
        {
            reader.paragraph(&paragraph)?;
            paragraph.clear();
        } else {
            paragraph.push(line);
        }
    }
    reader.paragraph(&paragraph)?;
    Ok(reader.blocks)
}

impl<'a> TextReader<'a> {
    fn paragraph(&mut self, lines: &[Line]) -> Result<(), InputError> {
        if let [line] = lines {
            let (_, text, at) = self.trimmed(line);
            if is_heading(text) {
                let mut plain = PlainText::new();
                plain.copy(text, at);
                self.indents.clear();
                return self.push(plain.into_block(BlockKind::Heading { level: 1 }));
            }
        }
        let mut previous_eol: Option<Range<usize>> = None;
        let mut previous_chars = 0;
        for line in lines {
            let (indent, text, at) = self.trimmed(line);
            // A flush-left capitalised line after a short list item is a new paragraph, not
            // the item wrapped: "- Kira Lindqvist, associate: $425 per hour" then "Other
            // timekeepers are billed at …". A wrapped item's line runs near the full width.
            let after_short_item = matches!(self.current, Some((BlockKind::ListItem { .. }, _)))
                && indent == 0
                && previous_chars < SHORT_LINE_CHARS
                && text.starts_with(|c: char| c.is_uppercase());
            previous_chars = text.chars().count();
            if after_short_item {
                self.close()?;
            }
            if let Some(marker) = list_marker(text) {
                self.close()?;
                let level = self.level(indent);
                // A bullet is markup; a typed label ("(e)", "4.") is the drafter's numbering,
                // which `drafting.numbering` checks, so it stays in the text.
                let skip = if text.starts_with(['-', '*', '•']) {
                    marker
                } else {
                    0
                };
                let body = text.get(skip..).unwrap_or("");
                let mut plain = PlainText::new();
                plain.copy(body, at + skip);
                self.current = Some((BlockKind::ListItem { level }, plain));
            } else if let Some((_, plain)) = self.current.as_mut() {
                if let Some(eol) = previous_eol.take() {
                    plain.line_break(eol);
                }
                plain.copy(text, at);
            } else {
                if indent == 0 {
                    self.indents.clear();
                }
                let mut plain = PlainText::new();
                plain.copy(text, at);
                self.current = Some((BlockKind::Paragraph, plain));
            }
            previous_eol = Some(line.eol.clone());
        }
        self.close()
    }

    /// A line's indentation width (a tab counts 4), its trimmed text and that text's offset.
    fn trimmed<'v>(&self, line: &Line) -> (usize, &'v str, usize)
    where
        'a: 'v,
    {
        let raw = self.view.get(line.content.clone()).unwrap_or("");
        let body = raw.trim_start();
        let lead = &raw[..raw.len() - body.len()];
        let indent = lead.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
        (indent, body.trim_end(), line.content.start + lead.len())
    }

    /// The nesting level of a list item indented by `indent`: deeper indentation than the
    /// enclosing item opens a level, equal stays, shallower returns to that level.
    fn level(&mut self, indent: usize) -> u8 {
        while self.indents.last().is_some_and(|&w| w > indent) {
            self.indents.pop();
        }
        if self.indents.last() != Some(&indent) {
            self.indents.push(indent);
        }
        u8::try_from(self.indents.len().saturating_sub(1)).unwrap_or(u8::MAX)
    }

    fn close(&mut self) -> Result<(), InputError> {
        if let Some((kind, plain)) = self.current.take() {
            if !plain.is_blank() {
                self.push(plain.into_block(kind))?;
            }
        }
        Ok(())
    }

    fn push(&mut self, block: Block) -> Result<(), InputError> {
        if self.blocks.len() >= self.limits.max_blocks {
            return Err(too_many_blocks(self.limits));
        }
        self.blocks.push(block);
        Ok(())
    }
}

/// A one-line paragraph reads as a heading when it is short and either in capitals (at least
/// two letters, none lower-case: "SCOPE OF ENGAGEMENT", "1. FEES") or a few words ending with
/// ':' ("Our fees:"), unless it is a numbered clause introducing a list ("4.1 Our work does
/// not include:"), a sentence introducing one ("Our fees are based on the time we spend, at
/// these rates:") or a salutation ("Dear Ms. Ferrante:").
fn is_heading(line: &str) -> bool {
    if line.chars().count() > MAX_HEADING_CHARS {
        return false;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = letters >= 2 && !line.chars().any(char::is_lowercase);
    let colon = line.ends_with(':')
        && line.split_whitespace().count() <= MAX_COLON_HEADING_WORDS
        && !line.contains(',')
        && !line.starts_with("Dear ")
        && list_marker(line).is_none()
        && !starts_with_clause_number(line)
        && !leads_into_a_list(line);
    capitals || colon
}

/// A line ending in ':' whose last word cannot end a title: the start of a sentence that the
/// list below completes ("You agree to:", "Our retainer does not include:", "We will:").
fn leads_into_a_list(line: &str) -> bool {
    let last = line
        .trim_end_matches(':')
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        last.as_str(),
        "to" | "that"
            | "will"
            | "must"
            | "shall"
            | "should"
            | "can"
            | "may"
            | "is"
            | "are"
            | "be"
            | "include"
            | "includes"
            | "including"
            | "cover"
            | "covers"
            | "as"
            | "follows"
            | "for"
            | "of"
            | "by"
            | "with"
            | "and"
            | "or"
    )
}

/// Whether `line` opens with a clause number of two or more levels: "4.1 ", "12.3.2 ".
fn starts_with_clause_number(line: &str) -> bool {
    let number: String = line
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let levels = number
        .trim_end_matches('.')
        .split('.')
        .filter(|p| !p.is_empty())
        .count();
    levels >= 2 && line[number.len()..].starts_with(char::is_whitespace)
}

/// The byte length of a list marker and the whitespace after it at the start of `line`:
/// `- `, `* `, `• `, `1. `, `1) `, `(a) `, `(iv) `, `(12) `.
fn list_marker(line: &str) -> Option<usize> {
    let marker = if line.starts_with(['-', '*', '•']) {
        line.chars().next().map_or(0, char::len_utf8)
    } else if let Some(rest) = line.strip_prefix('(') {
        let inner = rest.find(')')?;
        let label = rest.get(..inner)?;
        if label.is_empty() || label.len() > 4 || !label.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return None;
        }
        inner + 2
    } else {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 || !matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
            return None;
        }
        digits + 1
    };
    let rest = line.get(marker..)?;
    let space = rest.len() - rest.trim_start().len();
    // A marker must be followed by whitespace and then words ("-5 degrees" is not an item).
    (space > 0 && !rest.trim().is_empty()).then_some(marker + space)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers() {
        assert_eq!(list_marker("- fees"), Some(2));
        assert_eq!(list_marker("• fees"), Some(4));
        assert_eq!(list_marker("12. fees"), Some(4));
        assert_eq!(list_marker("(iv)  fees"), Some(6));
        assert_eq!(list_marker("-5 degrees"), None);
        assert_eq!(list_marker("2024. was"), None);
        assert_eq!(list_marker("(see below) x"), None);
        assert_eq!(list_marker("- "), None);
    }

    #[test]
    fn headings() {
        assert!(is_heading("SCOPE OF ENGAGEMENT"));
        assert!(is_heading("1. FEES"));
        assert!(is_heading("Our fees:"));
        assert!(is_heading("How to reach us:"));
        assert!(!is_heading("Dear Ms. Ferrante:"));
        assert!(!is_heading(
            "Our fees are based on the time we spend, at these hourly rates:"
        ));
        assert!(!is_heading("A"));
        assert!(!is_heading("Scope of engagement"));
        assert!(!is_heading("- the following:"));
        assert!(!is_heading("4.1 Our work does not include:"));
        assert!(!is_heading("You agree to:"));
        assert!(!is_heading("Our retainer does not include:"));
        assert!(!is_heading("We will:"));
        assert!(is_heading("4. WHAT IS NOT INCLUDED"));
        assert!(!is_heading(&"IN NO EVENT SHALL ".repeat(10)));
    }
}

//! Building a block's plain text together with its [`OffsetMap`], shared by the Markdown and
//! plain-text readers; and decoding of text inputs (lossy UTF-8, BOMs, UTF-16).

use std::ops::Range;

use crate::document::{Block, BlockKind, Link, OffsetMap};

/// Decode a text input into the text view: UTF-16 with a byte-order mark is decoded as such,
/// anything else as UTF-8, lossily (invalid bytes become U+FFFD, never an error). A leading
/// BOM is dropped, so the view starts with the first real character.
pub(crate) fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] => unit([*a, *b]),
        // An odd trailing byte cannot be a code unit: show it as a replacement character.
        _ => 0xFFFD,
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// A block's plain text under construction: text, offset map and links, in step.
///
/// Line breaks are *deferred*: [`PlainText::line_break`] records a space that is only written
/// when more content follows, so a block never starts or ends with a break's space and runs of
/// breaks collapse to one space.
#[derive(Debug, Default)]
pub(crate) struct PlainText {
    text: String,
    map: OffsetMap,
    links: Vec<Link>,
    pending_break: Option<Range<usize>>,
}

impl PlainText {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Length of the plain text written so far, counting a pending break's space.
    pub(crate) fn len_with_pending(&self) -> usize {
        self.text.len() + usize::from(self.pending_break.is_some())
    }

    /// Length of the plain text written so far.
    pub(crate) fn len(&self) -> usize {
        self.text.len()
    }

    pub(crate) fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    fn flush_break(&mut self) {
        if let Some(view) = self.pending_break.take() {
            let at = self.text.len();
            self.text.push(' ');
            self.map.push_replaced(at..at + 1, view);
        }
    }

    /// `s` is the view's text at `view_start..view_start + s.len()`, byte for byte.
    pub(crate) fn copy(&mut self, s: &str, view_start: usize) {
        if s.is_empty() {
            return;
        }
        self.flush_break();
        self.map.push_copy(self.text.len(), view_start, s.len());
        self.text.push_str(s);
    }

    /// `s` stands for the view bytes `view` (an entity, a symbol, a field result).
    pub(crate) fn replaced(&mut self, s: &str, view: Range<usize>) {
        if s.is_empty() {
            return;
        }
        self.flush_break();
        let at = self.text.len();
        self.text.push_str(s);
        self.map.push_replaced(at..self.text.len(), view);
    }

    /// A line break (soft or hard) at `view`: one space in plain text, written only if more
    /// content follows.
    pub(crate) fn line_break(&mut self, view: Range<usize>) {
        if !self.text.is_empty() && self.pending_break.is_none() {
            self.pending_break = Some(view);
        }
    }

    /// Copy `view[range]` with each line ending (`\n`, `\r\n`, `\r`) turned into a break and
    /// the whitespace around line endings dropped: for HTML comments and front-matter values.
    pub(crate) fn copy_lines(&mut self, view: &str, range: Range<usize>) {
        let Some(src) = view.get(range.clone()) else {
            return;
        };
        let mut line_start = 0;
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let eol_len = match (bytes.get(i), bytes.get(i + 1)) {
                (Some(b'\r'), Some(b'\n')) => 2,
                (Some(b'\n' | b'\r'), _) => 1,
                _ => 0,
            };
            if eol_len == 0 {
                i += 1;
                continue;
            }
            self.copy_trimmed(src, line_start..i, range.start);
            self.line_break(range.start + i..range.start + i + eol_len);
            i += eol_len;
            line_start = i;
        }
        self.copy_trimmed(src, line_start..src.len(), range.start);
    }

    fn copy_trimmed(&mut self, src: &str, line: Range<usize>, base: usize) {
        let Some(s) = src.get(line.clone()) else {
            return;
        };
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        self.copy(trimmed, base + line.start + lead);
    }

    /// Write `produced`, which a parser derived from `view[range]`, mapping each byte as
    /// precisely as can be told: verbatim text is copied; an entity (`&amp;`) maps as a whole;
    /// otherwise characters are matched in order (a space may stand for any whitespace, e.g.
    /// a line ending inside inline code), and if that fails the whole text maps to the whole
    /// range.
    pub(crate) fn aligned(&mut self, produced: &str, view: &str, range: Range<usize>) {
        if produced.is_empty() {
            return;
        }
        let src = view.get(range.clone()).unwrap_or("");
        if src == produced {
            self.copy(produced, range.start);
            return;
        }
        if src.len() > produced.len() && src.starts_with('&') && src.ends_with(';') {
            self.replaced(produced, range);
            return;
        }
        if let Some(pos) = src.find(produced) {
            self.copy(produced, range.start + pos);
            return;
        }
        // Character walk: both sides advance monotonically, so the map stays ordered.
        let mut plan = Vec::new();
        let mut j = 0;
        for c in produced.chars() {
            let rest = src.get(j..).unwrap_or("");
            let found = rest
                .char_indices()
                .find(|&(_, s)| s == c || (c == ' ' && s.is_whitespace()));
            match found {
                Some((k, s)) => {
                    plan.push((c, range.start + j + k, s));
                    j += k + s.len_utf8();
                }
                None => {
                    self.replaced(produced, range);
                    return;
                }
            }
        }
        let mut buf = [0u8; 4];
        for (c, at, s) in plan {
            let piece: &str = c.encode_utf8(&mut buf);
            if c == s {
                self.copy(piece, at);
            } else {
                self.replaced(piece, at..at + s.len_utf8());
            }
        }
    }

    /// Start a link whose text begins at the next content written; returns that offset.
    pub(crate) fn link_start(&self) -> usize {
        self.len_with_pending()
    }

    /// Record a link whose text began at `start` (from [`PlainText::link_start`]).
    pub(crate) fn link_end(&mut self, start: usize, target: String) {
        let end = self.text.len();
        let start = start.min(end);
        self.links.push(Link {
            text: start..end,
            target,
        });
    }

    /// The finished block; a pending break is dropped.
    pub(crate) fn into_block(self, kind: BlockKind) -> Block {
        let mut block = Block::new(kind, self.text, self.map);
        block.links = self.links;
        block
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_strips_bom_and_replaces_invalid_bytes() {
        assert_eq!(decode(b"\xEF\xBB\xBFDear"), "Dear");
        assert_eq!(decode(b"fee \xFF\xFE due"), "fee \u{FFFD}\u{FFFD} due");
        assert_eq!(decode(b"\xFF\xFED\x00e\x00a\x00r\x00"), "Dear");
        assert_eq!(decode(b"\xFE\xFF\x00O\x00K\x00"), "OK\u{FFFD}");
        // An unpaired surrogate in UTF-16 becomes U+FFFD rather than an error.
        assert_eq!(decode(b"\xFF\xFE\x00\xD8A\x00"), "\u{FFFD}A");
    }

    #[test]
    fn breaks_are_deferred_and_collapse() {
        let view = "a\n\nb\n";
        let mut p = PlainText::new();
        p.line_break(0..0); // before any content: dropped
        p.copy("a", 0);
        p.line_break(1..2);
        p.line_break(2..3);
        p.copy("b", 3);
        p.line_break(4..5); // trailing: dropped
        let block = p.into_block(BlockKind::Paragraph);
        assert_eq!(block.text, "a b");
        assert_eq!(block.map.to_view(1..2), 1..2);
        assert_eq!(&view[block.map.to_view(2..3)], "b");
    }

    #[test]
    fn aligned_maps_entities_whole_and_code_by_character() {
        let view = "x &amp; `a\nb` y";
        let mut p = PlainText::new();
        p.aligned("&", view, 2..7);
        p.aligned("a b", view, 8..13);
        let block = p.into_block(BlockKind::Paragraph);
        assert_eq!(block.text, "&a b");
        assert_eq!(block.map.to_view(0..1), 2..7);
        assert_eq!(&view[block.map.to_view(1..2)], "a");
        assert_eq!(&view[block.map.to_view(2..3)], "\n");
        assert_eq!(&view[block.map.to_view(3..4)], "b");
    }

    #[test]
    fn aligned_falls_back_to_whole_range() {
        let view = "abc";
        let mut p = PlainText::new();
        p.aligned("zz", view, 0..3);
        let block = p.into_block(BlockKind::Paragraph);
        assert_eq!(block.map.to_view(0..1), 0..3);
        assert_eq!(block.map.to_view(1..2), 0..3);
    }

    #[test]
    fn copy_lines_turns_line_endings_into_single_spaces() {
        let view = "<!--  keep\r\n   this  -->";
        let mut p = PlainText::new();
        p.copy_lines(view, 4..21);
        let block = p.into_block(BlockKind::Comment);
        assert_eq!(block.text, "keep this");
        assert_eq!(&view[block.map.to_view(4..5)], "\r\n");
        assert_eq!(&view[block.map.to_view(5..9)], "this");
    }
}

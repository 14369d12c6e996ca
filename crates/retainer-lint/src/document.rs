//! The document model: one [`Document`] per letter, whatever format it arrived in.
//!
//! A document has a *text view* (what the human report shows and what spans point into) and an
//! ordered list of [`Block`]s. Rules never look at the text view directly: they match each
//! block's *plain* text (markup stripped) and map matches back through the block's
//! [`OffsetMap`] to a byte range of the text view.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// The format a letter was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// CommonMark / GitHub-flavoured Markdown.
    Markdown,
    /// Office Open XML word-processing document (`.docx`).
    Docx,
    /// Plain text.
    Text,
}

impl Format {
    /// The stable lower-case name used in JSON output (`"markdown"`, `"docx"`, `"text"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Docx => "docx",
            Format::Text => "text",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a block is in the letter's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The document title (Markdown front-matter `title`, DOCX `Title` style).
    Title,
    /// A heading; `level` is 1-based (`#` = 1, "heading 2" = 2).
    Heading { level: u8 },
    /// A body paragraph (also paragraphs inside block quotes).
    Paragraph,
    /// A numbered or bulleted list item; `level` is 0 for the outermost list.
    ListItem { level: u8 },
    /// A paragraph inside a table cell; `row` and `col` are 0-based within its table.
    TableCell { row: u32, col: u32 },
    /// A paragraph of a page header.
    Header,
    /// A paragraph of a page footer.
    Footer,
    /// A paragraph of a footnote.
    Footnote,
    /// A paragraph of an endnote.
    Endnote,
    /// A paragraph inside a text box (DrawingML or VML).
    TextBox,
    /// A reviewer comment (DOCX) or an HTML comment (Markdown). Not body text: rules that read
    /// prose skip these; suppression directives and the comments hygiene rule read them.
    Comment,
}

impl BlockKind {
    /// A short stable name, used by `retainer-lint dump` and in tests.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem { .. } => "list-item",
            BlockKind::TableCell { .. } => "table-cell",
            BlockKind::Header => "header",
            BlockKind::Footer => "footer",
            BlockKind::Footnote => "footnote",
            BlockKind::Endnote => "endnote",
            BlockKind::TextBox => "text-box",
            BlockKind::Comment => "comment",
        }
    }

    /// True for headings and the title: the blocks that open a section.
    pub fn is_heading(self) -> bool {
        matches!(self, BlockKind::Title | BlockKind::Heading { .. })
    }

    /// True for blocks that are part of the letter's prose (everything but comments).
    pub fn is_prose(self) -> bool {
        !matches!(self, BlockKind::Comment)
    }
}

impl fmt::Display for BlockKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlockKind::Heading { level } => write!(f, "heading{level}"),
            BlockKind::ListItem { level } => write!(f, "list-item{level}"),
            BlockKind::TableCell { row, col } => write!(f, "table-cell[{row},{col}]"),
            other => f.write_str(other.name()),
        }
    }
}

/// Index of a section in [`Document::sections`].
pub type SectionId = usize;

/// A section: a heading (or title) and everything up to the next heading of any level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Index in [`Document::blocks`] of the heading that opens the section.
    pub heading: usize,
    /// Heading level (0 for the title).
    pub level: u8,
    /// The heading's plain text.
    pub title: String,
}

/// Maps every byte of a block's plain text to a byte range of the document's text view.
///
/// Stored as segments: where plain text copies the view byte for byte (`plain_len ==
/// view_len`) the mapping is linear; where it does not (a soft line break that became a space,
/// an entity that became one character, a field whose result stands for many XML bytes), every
/// plain byte of the segment maps to the whole view range of the segment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    plain: u32,
    plain_len: u32,
    view: u32,
    view_len: u32,
}

impl OffsetMap {
    /// An empty map; build it with [`OffsetMap::push_copy`] and [`OffsetMap::push_replaced`]
    /// in plain-text order.
    pub fn new() -> Self {
        Self::default()
    }

    /// The plain text at `plain_start..plain_start+len` is a verbatim copy of the view at
    /// `view_start..view_start+len`.
    pub fn push_copy(&mut self, plain_start: usize, view_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.segments.last_mut() {
            // Merge with the previous verbatim segment when both sides are contiguous.
            if last.plain_len == last.view_len
                && (last.plain + last.plain_len) as usize == plain_start
                && (last.view + last.view_len) as usize == view_start
            {
                last.plain_len += len as u32;
                last.view_len += len as u32;
                return;
            }
        }
        self.segments.push(Segment {
            plain: plain_start as u32,
            plain_len: len as u32,
            view: view_start as u32,
            view_len: len as u32,
        });
    }

    /// The plain text at `plain` stands for the view bytes at `view` (of any length, possibly
    /// zero for text the view does not show).
    pub fn push_replaced(&mut self, plain: Range<usize>, view: Range<usize>) {
        if plain.is_empty() {
            return;
        }
        self.segments.push(Segment {
            plain: plain.start as u32,
            plain_len: plain.len() as u32,
            view: view.start as u32,
            view_len: view.len() as u32,
        });
    }

    /// The view range of one plain byte, or `None` when the offset is past the plain text.
    pub fn byte(&self, plain: usize) -> Option<Range<usize>> {
        let idx = self
            .segments
            .partition_point(|s| (s.plain + s.plain_len) as usize <= plain);
        let seg = self.segments.get(idx)?;
        if (seg.plain as usize) > plain {
            return None;
        }
        if seg.plain_len == seg.view_len {
            let at = seg.view as usize + (plain - seg.plain as usize);
            Some(at..at + 1)
        } else {
            Some(seg.view as usize..(seg.view + seg.view_len) as usize)
        }
    }

    /// The view range covered by a plain-text range. An empty range maps to an empty range at
    /// the view position of its start.
    pub fn to_view(&self, plain: Range<usize>) -> Range<usize> {
        if plain.is_empty() {
            let at = self
                .byte(plain.start)
                .map(|r| r.start)
                .or_else(|| {
                    plain
                        .start
                        .checked_sub(1)
                        .and_then(|p| self.byte(p))
                        .map(|r| r.end)
                })
                .unwrap_or(0);
            return at..at;
        }
        let start = self.byte(plain.start).map(|r| r.start);
        let end = self.byte(plain.end - 1).map(|r| r.end);
        match (start, end) {
            (Some(s), Some(e)) if s <= e => s..e,
            (Some(s), _) => s..s,
            _ => 0..0,
        }
    }

    /// The whole view range this block's text comes from.
    pub fn view_extent(&self) -> Range<usize> {
        match (self.segments.first(), self.segments.last()) {
            (Some(f), Some(l)) => f.view as usize..(l.view + l.view_len) as usize,
            _ => 0..0,
        }
    }
}

/// A hyperlink inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link's text as a byte range of the block's plain text.
    pub text: Range<usize>,
    /// The target URL (`mailto:…`, `tel:…`, `https://…`).
    pub target: String,
}

/// Where a DOCX block came from, precise enough to write a Word comment around given words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxOrigin {
    /// The package part, e.g. `word/document.xml`, `word/header2.xml`.
    pub part: Arc<str>,
    /// 1-based paragraph number in the text view (equal to its line number).
    pub paragraph: u32,
    /// Every `w:t` (or `w:delText`-free equivalent) run of the block, in order.
    pub runs: Vec<RunSpan>,
}

/// One run of text: its bytes in the block's plain text and in the part's XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunSpan {
    /// Byte range in the block's plain text.
    pub text: Range<usize>,
    /// Byte range of the `w:t` element's *content* in the part's XML.
    pub xml: Range<usize>,
}

/// A point in the document: a block and a byte offset in its plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Index in [`Document::blocks`].
    pub block: usize,
    /// Byte offset in that block's plain text.
    pub offset: usize,
}

/// What a comment block is attached to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentInfo {
    /// The comment's id (`w:id` in DOCX; the ordinal for Markdown HTML comments).
    pub id: String,
    /// The author, where the format records one.
    pub author: Option<String>,
    /// The commented range (DOCX `commentRangeStart`..`commentRangeEnd`); for a Markdown HTML
    /// comment, the position where it stands. `None` when the anchor could not be found.
    pub anchor: Option<Range<Position>>,
}

/// A tracked change (DOCX revision) left in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedChange {
    /// Insertion, deletion, or a formatting/other revision.
    pub kind: ChangeKind,
    /// Where it is: for an insertion the inserted text; for a deletion an empty range where
    /// the deleted text stood.
    pub at: Range<Position>,
    /// The revision author, when recorded.
    pub author: Option<String>,
}

/// The kind of a tracked change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// `w:ins` (text reads as accepted: included).
    Insertion,
    /// `w:del` (text reads as accepted: left out).
    Deletion,
    /// A move, formatting or property change.
    Other,
}

/// One block of the letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The section (nearest heading above, or the heading itself for a heading block).
    pub section: Option<SectionId>,
    /// The plain text rules match: markup stripped, soft breaks as spaces, no link URLs.
    pub text: String,
    /// Maps each byte of `text` to the text view.
    pub map: OffsetMap,
    /// Hyperlinks in the block.
    pub links: Vec<Link>,
    /// DOCX provenance; `None` for other formats.
    pub docx: Option<DocxOrigin>,
    /// Set for [`BlockKind::Comment`] blocks.
    pub comment: Option<CommentInfo>,
    /// For an item of a Markdown ordered list, the number a renderer shows before it
    /// (counted from the list's start); not part of `text`. `None` elsewhere.
    pub list_number: Option<u32>,
}

impl Block {
    /// A block with no links, no DOCX origin and no comment info.
    pub fn new(kind: BlockKind, text: String, map: OffsetMap) -> Self {
        Block {
            kind,
            section: None,
            text,
            map,
            links: Vec::new(),
            docx: None,
            comment: None,
            list_number: None,
        }
    }

    /// The text-view range of a plain-text range of this block.
    pub fn view_span(&self, plain: Range<usize>) -> Range<usize> {
        self.map.to_view(plain)
    }
}

/// A letter, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The format it was read from.
    pub format: Format,
    /// The text view: the source itself for Markdown and text; for DOCX the extracted text,
    /// one paragraph per line.
    pub text: Arc<str>,
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
    /// Sections in order; [`Block::section`] indexes into this.
    pub sections: Vec<Section>,
    /// Front-matter (Markdown) or core properties (DOCX) as key/value pairs.
    pub metadata: Vec<(String, String)>,
    /// Tracked changes left in a DOCX (empty for other formats).
    pub tracked_changes: Vec<TrackedChange>,
}

impl Document {
    /// Assemble a document and compute sections from the blocks' kinds: every title or heading
    /// opens a section; each block belongs to the latest one opened at or before it. Comment
    /// blocks keep the section of the position they are anchored at when known.
    pub fn new(format: Format, text: Arc<str>, mut blocks: Vec<Block>) -> Self {
        let mut sections = Vec::new();
        let mut current = None;
        for (i, block) in blocks.iter_mut().enumerate() {
            if block.kind.is_heading() {
                let level = match block.kind {
                    BlockKind::Heading { level } => level,
                    _ => 0,
                };
                sections.push(Section {
                    heading: i,
                    level,
                    title: block.text.trim().to_string(),
                });
                current = Some(sections.len() - 1);
            }
            let in_body = matches!(
                block.kind,
                BlockKind::Title
                    | BlockKind::Heading { .. }
                    | BlockKind::Paragraph
                    | BlockKind::ListItem { .. }
                    | BlockKind::TableCell { .. }
                    | BlockKind::TextBox
            );
            block.section = if in_body { current } else { None };
        }
        // Comments and notes take the section of the block they are anchored at.
        for i in 0..blocks.len() {
            let anchored = blocks[i]
                .comment
                .as_ref()
                .and_then(|c| c.anchor.as_ref())
                .map(|a| a.start.block);
            if let Some(b) = anchored {
                blocks[i].section = blocks.get(b).and_then(|b| b.section);
            }
        }
        Document {
            format,
            text,
            blocks,
            sections,
            metadata: Vec::new(),
            tracked_changes: Vec::new(),
        }
    }

    /// The section title of a block, if it is in one.
    pub fn section_title(&self, block: usize) -> Option<&str> {
        let id = self.blocks.get(block)?.section?;
        Some(self.sections.get(id)?.title.as_str())
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset of the text view.
    /// Offsets inside a character or past the end are clamped.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(&self.text, offset)
    }

    /// Blocks that are prose (not comments), with their indices.
    pub fn prose(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind.is_prose())
    }

    /// Prose blocks in the order a reader meets them: the page header first (a DOCX
    /// letterhead, which the DOCX reader puts after the body), then the rest in document
    /// order. A letter in Markdown and in DOCX then meets its names in the same order.
    pub fn prose_in_reading_order(&self) -> impl Iterator<Item = (usize, &Block)> {
        let header = |b: &Block| matches!(b.kind, BlockKind::Header);
        self.prose()
            .filter(move |(_, b)| header(b))
            .chain(self.prose().filter(move |(_, b)| !header(b)))
    }
}

/// Whether `text` contains `word` as a whole word: not inside a longer run of letters or
/// digits ("Sam" in "Sam can help", not in "Samuel").
pub fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// 1-based line and column (Unicode scalar values) of `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_word_needs_word_edges() {
        assert!(contains_word("Sam can help, or Sam's deputy.", "Sam"));
        assert!(contains_word("ask Élise", "Élise"));
        assert!(!contains_word("Samuel can help.", "Sam"));
        assert!(!contains_word("a special meetings list", "special meeting"));
    }

    #[test]
    fn offset_map_linear_and_replaced_segments() {
        // view: "a *b*\nc" ; plain: "a b c" where "\n" became " ".
        let mut map = OffsetMap::new();
        map.push_copy(0, 0, 2); // "a "
        map.push_copy(2, 3, 1); // "b"
        map.push_replaced(3..4, 5..6); // soft break
        map.push_copy(4, 6, 1); // "c"
        assert_eq!(map.to_view(0..1), 0..1);
        assert_eq!(map.to_view(2..3), 3..4);
        assert_eq!(map.to_view(0..5), 0..7);
        assert_eq!(map.to_view(3..4), 5..6);
        assert_eq!(map.byte(9), None);
        assert_eq!(map.to_view(5..5), 7..7);
        assert_eq!(map.view_extent(), 0..7);
    }

    #[test]
    fn contiguous_copies_merge() {
        let mut map = OffsetMap::new();
        map.push_copy(0, 10, 3);
        map.push_copy(3, 13, 2);
        assert_eq!(map.segments.len(), 1);
        assert_eq!(map.to_view(1..5), 11..15);
    }

    #[test]
    fn line_col_counts_chars_not_bytes() {
        let text = "ab\n€uro x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 6), (2, 2)); // after the 3-byte '€'
        assert_eq!(line_col(text, 4), (2, 1)); // inside '€': clamped back
        assert_eq!(line_col(text, 999), (2, 7));
    }

    #[test]
    fn sections_follow_headings() {
        let b = |kind, t: &str| Block::new(kind, t.to_string(), OffsetMap::new());
        let doc = Document::new(
            Format::Text,
            Arc::from(""),
            vec![
                b(BlockKind::Paragraph, "intro"),
                b(BlockKind::Heading { level: 1 }, "Fees"),
                b(BlockKind::Paragraph, "x"),
                b(BlockKind::Footer, "f"),
            ],
        );
        assert_eq!(doc.blocks[0].section, None);
        assert_eq!(doc.section_title(2), Some("Fees"));
        assert_eq!(doc.blocks[3].section, None);
    }
}

//! The Markdown reader: pulldown-cmark's offset iterator, folded into blocks.
//!
//! The text view is the source itself (decoded lossily). Every plain-text byte maps back to the
//! source bytes it came from: verbatim text is copied, soft breaks become one space mapped to
//! the line ending, entities map to the whole entity. The reader keeps its own explicit stack
//! (never recursion), so nesting depth is bounded by [`Limits::max_depth`] alone.

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::document::{Block, BlockKind, CommentInfo, Document, Format, Position};
use crate::error::{InputError, InputErrorKind};
use crate::read::plain::{decode, PlainText};
use crate::read::Limits;

/// Read a Markdown letter.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document, InputError> {
    let view = decode(bytes);
    if view.len() > limits.max_text_bytes {
        return Err(too_large_text(view.len(), limits));
    }
    let mut reader = Reader::new(&view, limits);
    for (event, range) in Parser::new_ext(&view, options()).into_offset_iter() {
        reader.event(event, range)?;
    }
    let (blocks, metadata) = reader.finish()?;
    let mut doc = Document::new(Format::Markdown, Arc::from(view), blocks);
    doc.metadata = metadata;
    Ok(doc)
}

/// Tables, footnotes, strikethrough and YAML front matter; heading attributes stay off so
/// `# Fees {#x}` reads as the words the lawyer wrote.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

pub(crate) fn too_large_text(len: usize, limits: &Limits) -> InputError {
    InputError::new(
        InputErrorKind::TooLarge,
        format!(
            "the letter's text is {len} bytes, more than the limit of {} bytes",
            limits.max_text_bytes
        ),
    )
}

pub(crate) fn too_many_blocks(limits: &Limits) -> InputError {
    InputError::new(
        InputErrorKind::TooLarge,
        format!(
            "the letter has more than {} paragraphs, the limit",
            limits.max_blocks
        ),
    )
}

/// Front-matter keys and values, in order.
type Metadata = Vec<(String, String)>;

/// An open element of the Markdown tree.
#[derive(Debug)]
enum Frame {
    /// A list item; `used` once its own text has become a block (or it cannot have one any
    /// more because a nested block started).
    Item {
        level: u8,
        used: bool,
        /// The number a renderer shows for an item of an ordered list.
        number: Option<u32>,
    },
    /// A list; `next` is the number of its next item when it is ordered.
    List {
        next: Option<u32>,
    },
    FootnoteDefinition,
    Table {
        next_row: u32,
        row: u32,
        col: u32,
    },
    /// A paragraph, heading or cell: a leaf that owns the current target.
    Leaf,
    /// Inside an image: its alt text is dropped (a DOCX shows the picture, not the words).
    Image,
    /// Front matter: its text is metadata, not prose.
    Metadata,
    CodeBlock,
    Link {
        start: usize,
        target: String,
    },
    /// Anything else (block quote, emphasis, strong, …): only counts toward depth.
    Other,
}

/// An HTML comment whose anchor is resolved once all blocks are known.
#[derive(Debug)]
struct PendingComment {
    block: Block,
    /// Anchored at this offset of the block being built, or (when `None`) at the start of the
    /// next prose block.
    offset: Option<usize>,
}

struct Reader<'a> {
    view: &'a str,
    limits: &'a Limits,
    blocks: Vec<Block>,
    frames: Vec<Frame>,
    /// The block whose plain text inline content goes into.
    target: Option<(BlockKind, PlainText)>,
    /// The ordered-list number of the item the current target is the text of.
    target_number: Option<u32>,
    /// Inline comments of the current target, pushed right after it.
    inline_comments: Vec<PendingComment>,
    /// Indices of comment blocks anchored at the next prose block.
    anchor_next: Vec<usize>,
    comment_count: usize,
    metadata: Metadata,
}

impl<'a> Reader<'a> {
    fn new(view: &'a str, limits: &'a Limits) -> Self {
        Reader {
            view,
            limits,
            blocks: Vec::new(),
            frames: Vec::new(),
            target: None,
            target_number: None,
            inline_comments: Vec::new(),
            anchor_next: Vec::new(),
            comment_count: 0,
            metadata: Vec::new(),
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) -> Result<(), InputError> {
        match event {
            Event::Start(tag) => self.start(tag, range)?,
            Event::End(tag) => self.end(tag)?,
            Event::Text(text) => self.text(&text, range)?,
            Event::Code(text) => {
                if !self.in_image() {
                    let view = self.view;
                    self.ensure_target().aligned(&text, view, range);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, plain)) = self.target.as_mut() {
                    plain.line_break(range);
                }
            }
            Event::InlineHtml(html) => self.inline_html(&html, range)?,
            // Block HTML is handled at `Start(HtmlBlock)`, which sees the block's whole range.
            Event::Html(_) => {}
            // The reference mark is not prose (a DOCX shows a superscript number there).
            Event::FootnoteReference(_) => {}
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                let view = self.view;
                self.ensure_target().aligned(&text, view, range);
            }
            Event::Rule | Event::TaskListMarker(_) => {}
        }
        Ok(())
    }

    fn push_frame(&mut self, frame: Frame) -> Result<(), InputError> {
        if self.frames.len() >= self.limits.max_depth {
            return Err(InputError::new(
                InputErrorKind::TooDeep,
                format!(
                    "the letter nests lists, quotes or emphasis more than {} levels deep",
                    self.limits.max_depth
                ),
            ));
        }
        self.frames.push(frame);
        Ok(())
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) -> Result<(), InputError> {
        let frame = match tag {
            Tag::Paragraph => {
                self.open_leaf(None)?;
                Frame::Leaf
            }
            Tag::Heading { level, .. } => {
                let kind = if self.in_footnote() {
                    BlockKind::Footnote
                } else {
                    BlockKind::Heading { level: level as u8 }
                };
                self.open_leaf(Some(kind))?;
                Frame::Leaf
            }
            Tag::CodeBlock(_) => {
                self.open_leaf(None)?;
                Frame::CodeBlock
            }
            Tag::TableCell => {
                let cell = self.frames.iter_mut().rev().find_map(|f| match f {
                    Frame::Table { row, col, .. } => {
                        let at = (*row, *col);
                        *col = col.saturating_add(1);
                        Some(at)
                    }
                    _ => None,
                });
                let (row, col) = cell.unwrap_or((0, 0));
                self.open_leaf(Some(BlockKind::TableCell { row, col }))?;
                Frame::Leaf
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(Frame::Table { next_row, row, col }) = self.frames.last_mut() {
                    *row = *next_row;
                    *next_row = next_row.saturating_add(1);
                    *col = 0;
                }
                Frame::Other
            }
            Tag::Table(_) => {
                self.block_start()?;
                Frame::Table {
                    next_row: 0,
                    row: 0,
                    col: 0,
                }
            }
            Tag::List(start) => {
                self.block_start()?;
                Frame::List {
                    next: start.and_then(|n| u32::try_from(n).ok()),
                }
            }
            Tag::Item => {
                self.block_start()?;
                let lists = self
                    .frames
                    .iter()
                    .filter(|f| matches!(f, Frame::List { .. }))
                    .count();
                let level = u8::try_from(lists.saturating_sub(1)).unwrap_or(u8::MAX);
                // Renderers number an ordered list's items from its start, whatever the
                // later items' markers say.
                let number = match self.frames.last_mut() {
                    Some(Frame::List { next }) => {
                        let number = *next;
                        *next = next.map(|n| n.saturating_add(1));
                        number
                    }
                    _ => None,
                };
                Frame::Item {
                    level,
                    used: false,
                    number,
                }
            }
            Tag::BlockQuote(_) | Tag::DefinitionList => {
                self.block_start()?;
                Frame::Other
            }
            Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                self.open_leaf(None)?;
                Frame::Leaf
            }
            Tag::FootnoteDefinition(_) => {
                self.block_start()?;
                Frame::FootnoteDefinition
            }
            Tag::HtmlBlock => {
                // Not `block_start`: a comment before an item's text leaves the item its text.
                self.close_target()?;
                self.html_block(range)?;
                Frame::Other
            }
            Tag::MetadataBlock(_) => {
                self.close_target()?;
                Frame::Metadata
            }
            Tag::Image { .. } => Frame::Image,
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let target = match link_type {
                    // `<name@example.com>`: the URL pulldown-cmark gives has no scheme.
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.into_string(),
                };
                let start = self.ensure_target().link_start();
                Frame::Link { start, target }
            }
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => Frame::Other,
        };
        self.push_frame(frame)
    }

    fn end(&mut self, tag: TagEnd) -> Result<(), InputError> {
        let frame = self.frames.pop();
        match (tag, frame) {
            (TagEnd::Link, Some(Frame::Link { start, target })) => {
                if let Some((_, plain)) = self.target.as_mut() {
                    plain.link_end(start, target);
                }
            }
            (
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::Item
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
                _,
            ) => self.close_target()?,
            _ => {}
        }
        Ok(())
    }

    fn text(&mut self, text: &str, range: Range<usize>) -> Result<(), InputError> {
        match self.frames.last() {
            Some(Frame::Metadata) => {
                self.front_matter(range)?;
                return Ok(());
            }
            Some(Frame::Image) => return Ok(()),
            _ if self.in_image() => return Ok(()),
            Some(Frame::CodeBlock) => {
                // Code lines end in a newline: each becomes a break, like a soft break.
                let view = self.view;
                let plain = self.ensure_target();
                match view.get(range.clone()) {
                    Some(src) if src == text => plain.copy_lines(view, range),
                    _ => plain.aligned(&text.replace(['\r', '\n'], " "), view, range),
                }
                return Ok(());
            }
            _ => {}
        }
        let view = self.view;
        self.ensure_target().aligned(text, view, range);
        Ok(())
    }

    fn inline_html(&mut self, html: &str, range: Range<usize>) -> Result<(), InputError> {
        if self.in_image() {
            return Ok(());
        }
        if html.starts_with("<!--") {
            let comment = self.comment_block(range.clone());
            match self.target.as_ref() {
                Some((_, plain)) => {
                    let offset = Some(plain.len());
                    self.inline_comments.push(PendingComment {
                        block: comment,
                        offset,
                    });
                }
                None => self.push_next_anchored(comment)?,
            }
            return Ok(());
        }
        let lower = html.get(..3).map(str::to_ascii_lowercase);
        if lower.as_deref() == Some("<br") {
            if let Some((_, plain)) = self.target.as_mut() {
                plain.line_break(range);
            }
            return Ok(());
        }
        // Other inline tags (`<u>`, `<span>`) are markup, not words. A "tag" that is no HTML
        // element (`<<Matter No>>`, `<Client Name>`) is a template's placeholder: words.
        if !is_html_tag(html) {
            let view = self.view;
            self.ensure_target().aligned(html, view, range);
        }
        Ok(())
    }

    /// Every `<!-- … -->` in an HTML block becomes a comment block; other HTML is dropped.
    fn html_block(&mut self, range: Range<usize>) -> Result<(), InputError> {
        let Some(src) = self.view.get(range.clone()) else {
            return Ok(());
        };
        let mut at = 0;
        while let Some(open) = src.get(at..).and_then(|s| s.find("<!--")) {
            let start = at + open;
            let close = src
                .get(start + 4..)
                .and_then(|s| s.find("-->"))
                .map_or(src.len(), |c| start + 4 + c + 3);
            let comment = self.comment_block(range.start + start..range.start + close);
            self.push_next_anchored(comment)?;
            at = close;
        }
        Ok(())
    }

    /// A comment block for the comment at `range` (`<!--` through `-->`, or to the end of the
    /// block when unterminated); its plain text is the inner text, trimmed.
    fn comment_block(&mut self, range: Range<usize>) -> Block {
        let src = self.view.get(range.clone()).unwrap_or("");
        let inner_start = range.start + 4.min(src.len());
        let inner_end = if src.len() >= 7 && src.ends_with("-->") {
            range.end - 3
        } else {
            range.end
        };
        let mut plain = PlainText::new();
        plain.copy_lines(self.view, inner_start..inner_end.max(inner_start));
        let mut block = plain.into_block(BlockKind::Comment);
        self.comment_count += 1;
        block.comment = Some(CommentInfo {
            id: self.comment_count.to_string(),
            author: None,
            anchor: None,
        });
        block
    }

    fn push_next_anchored(&mut self, comment: Block) -> Result<(), InputError> {
        self.anchor_next.push(self.blocks.len());
        self.push_block(comment)
    }

    fn push_block(&mut self, block: Block) -> Result<(), InputError> {
        if self.blocks.len() >= self.limits.max_blocks {
            return Err(too_many_blocks(self.limits));
        }
        self.blocks.push(block);
        Ok(())
    }

    /// A container block starts: the text of a tight list item before it is finished, and that
    /// item can no longer take a later paragraph as its own text.
    fn block_start(&mut self) -> Result<(), InputError> {
        self.close_target()?;
        if let Some(Frame::Item { used, .. }) = self.frames.last_mut() {
            *used = true;
        }
        Ok(())
    }

    /// A leaf block starts; `kind` is `None` for a paragraph, whose kind depends on where it is.
    fn open_leaf(&mut self, kind: Option<BlockKind>) -> Result<(), InputError> {
        self.close_target()?;
        let kind = match kind {
            Some(kind) => {
                if let Some(Frame::Item { used, .. }) = self.frames.last_mut() {
                    *used = true;
                }
                kind
            }
            None => self.paragraph_kind(),
        };
        self.target = Some((kind, PlainText::new()));
        Ok(())
    }

    /// The kind of a paragraph opening here: the first paragraph directly in a list item is
    /// the item; inside a footnote definition, a footnote; otherwise a paragraph.
    fn paragraph_kind(&mut self) -> BlockKind {
        let in_footnote = self.in_footnote();
        let container = self.frames.iter_mut().rev().find(|f| {
            !matches!(
                f,
                Frame::Link { .. } | Frame::Other | Frame::Image | Frame::Leaf
            )
        });
        let item = match container {
            Some(Frame::Item {
                level,
                used,
                number,
            }) if !*used => {
                *used = true;
                self.target_number = *number;
                Some(*level)
            }
            _ => None,
        };
        match (in_footnote, item) {
            (true, _) => BlockKind::Footnote,
            (false, Some(level)) => BlockKind::ListItem { level },
            (false, None) => BlockKind::Paragraph,
        }
    }

    /// The current target, opening an implicit paragraph (the text of a tight list item) if
    /// there is none.
    fn ensure_target(&mut self) -> &mut PlainText {
        if self.target.is_none() {
            let kind = self.paragraph_kind();
            self.target = Some((kind, PlainText::new()));
        }
        let (_, plain) = self
            .target
            .get_or_insert_with(|| (BlockKind::Paragraph, PlainText::new()));
        plain
    }

    /// Finish the current target: a non-blank one becomes a block, followed by its inline
    /// comments (anchored where they stood).
    fn close_target(&mut self) -> Result<(), InputError> {
        let list_number = self.target_number.take();
        let Some((kind, plain)) = self.target.take() else {
            return Ok(());
        };
        let comments = std::mem::take(&mut self.inline_comments);
        let index = if plain.is_blank() {
            None
        } else {
            let mut block = plain.into_block(kind);
            block.list_number = list_number;
            self.push_block(block)?;
            Some(self.blocks.len() - 1)
        };
        for PendingComment { mut block, offset } in comments {
            match (index, offset) {
                (Some(block_index), Some(offset)) => {
                    let at = Position {
                        block: block_index,
                        offset,
                    };
                    if let Some(info) = block.comment.as_mut() {
                        info.anchor = Some(at..at);
                    }
                    self.push_block(block)?;
                }
                _ => self.push_next_anchored(block)?,
            }
        }
        Ok(())
    }

    fn in_image(&self) -> bool {
        self.frames.iter().any(|f| matches!(f, Frame::Image))
    }

    fn in_footnote(&self) -> bool {
        self.frames
            .iter()
            .any(|f| matches!(f, Frame::FootnoteDefinition))
    }

    /// Front matter: top-level `key: value` lines become metadata; `title` also becomes the
    /// Title block, mapped to the value's bytes. Nested YAML and block scalars are skipped.
    fn front_matter(&mut self, range: Range<usize>) -> Result<(), InputError> {
        let Some(src) = self.view.get(range.clone()) else {
            return Ok(());
        };
        let mut line_start = 0;
        for line in src.split_inclusive('\n') {
            let here = range.start + line_start;
            line_start += line.len();
            let line = line.trim_end_matches(['\n', '\r']);
            if line.starts_with([' ', '\t', '-', '#']) {
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let lead = value.len() - value.trim_start().len();
            let value = value.trim();
            let value_at = here + key.len() + 1 + lead;
            let (value, value_at) = unquote(value, value_at);
            let key = key.trim();
            if key.is_empty() || value.is_empty() || matches!(value, "|" | ">" | "|-" | ">-") {
                continue;
            }
            self.metadata.push((key.to_string(), value.to_string()));
            let has_title = self.blocks.iter().any(|b| b.kind == BlockKind::Title);
            if key.eq_ignore_ascii_case("title") && !has_title {
                let mut plain = PlainText::new();
                plain.copy(value, value_at);
                self.push_block(plain.into_block(BlockKind::Title))?;
            }
        }
        Ok(())
    }

    /// Close what is open and resolve comment anchors that point at the next prose block.
    fn finish(mut self) -> Result<(Vec<Block>, Metadata), InputError> {
        // A trailing target can only be left open by a truncated event stream; keep its text.
        self.close_target()?;
        // One backward pass: the next prose block after each position, in linear time.
        let mut next_prose = vec![None; self.blocks.len()];
        let mut next = None;
        for (i, block) in self.blocks.iter().enumerate().rev() {
            next_prose[i] = next;
            if block.kind.is_prose() {
                next = Some(i);
            }
        }
        for &i in &self.anchor_next {
            let next = next_prose.get(i).copied().flatten();
            if let Some(info) = self.blocks.get_mut(i).and_then(|b| b.comment.as_mut()) {
                info.anchor = next.map(|block| {
                    let at = Position { block, offset: 0 };
                    at..at
                });
            }
        }
        Ok((self.blocks, self.metadata))
    }
}

/// Strip one pair of matching YAML quotes, moving the view offset past the opening quote.
fn unquote(value: &str, at: usize) -> (&str, usize) {
    for q in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(q) && value.ends_with(q) {
            if let Some(inner) = value.get(1..value.len() - 1) {
                return (inner, at + 1);
            }
        }
    }
    (value, at)
}

/// HTML elements a Markdown letter may use inline; anything else between angle brackets is
/// text.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "big",
    "br",
    "cite",
    "code",
    "data",
    "del",
    "dfn",
    "em",
    "font",
    "i",
    "img",
    "ins",
    "kbd",
    "mark",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "time",
    "tt",
    "u",
    "var",
    "wbr",
    "div",
    "p",
    "center",
    "hr",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "details",
    "summary",
    "figure",
    "figcaption",
    "caption",
    "col",
    "colgroup",
    "dl",
    "dt",
    "dd",
    "label",
    "input",
    "button",
    "select",
    "option",
    "textarea",
    "form",
    "iframe",
    "video",
    "audio",
    "source",
    "picture",
    "svg",
    "path",
    "script",
    "style",
    "link",
    "meta",
];

/// True when `html` (one inline HTML event) opens or closes an HTML element, or is a
/// processing instruction, declaration or CDATA section.
fn is_html_tag(html: &str) -> bool {
    let Some(rest) = html.strip_prefix('<') else {
        return false;
    };
    if rest.starts_with(['!', '?']) {
        return true;
    }
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let name = rest.get(..end).unwrap_or("");
    // Custom elements have a hyphen ("<my-widget>").
    name.contains('-') || HTML_ELEMENTS.iter().any(|e| e.eq_ignore_ascii_case(name))
}

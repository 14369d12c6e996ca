//! Walks one story part (the body, a header or footer, the footnotes, endnotes or comments)
//! and turns its paragraphs into blocks.
//!
//! The walk is a loop over XML events with an explicit stack of [`Frame`]s, one per open
//! element, so nesting (tables in tables, text boxes in paragraphs) never recurses on the
//! call stack; the XML reader caps the depth.

use std::sync::Arc;

use super::output::{Finished, Output, Pos};
use super::package::Relationships;
use super::styles::{HeadingKind, NumPr, Styles};
use super::xml::{Node, Ns, Tag, Xml};
use crate::document::{BlockKind, ChangeKind, Link, RunSpan};
use crate::error::{InputError, InputErrorKind};

/// Which story a part holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StoryKind {
    Body,
    Header,
    Footer,
    Footnotes,
    Endnotes,
    Comments,
}

/// What one story part is read with.
#[derive(Debug)]
pub(crate) struct Story<'x> {
    pub part: Arc<str>,
    pub kind: StoryKind,
    pub styles: &'x Styles,
    pub rels: &'x Relationships,
}

/// Longest field instruction kept (only `HYPERLINK` instructions are interpreted).
const MAX_INSTRUCTION: usize = 2048;

/// What an open element means for the walk, and what closing it undoes.
#[derive(Debug)]
enum Frame {
    /// Read through: nothing to undo.
    Plain,
    /// Inside a hidden or property subtree: nothing at all happens here.
    Skip,
    Paragraph,
    /// `w:t` / `m:t`: where its content starts in the XML and in the paragraph's text.
    Text {
        xml: usize,
        plain: usize,
    },
    /// `w:instrText`: text goes to the open field's instruction.
    Instruction,
    /// Content that is not shown (deletions, field data, ruby text, the unchosen branch).
    Hidden,
    /// A `*Pr` properties subtree; `change` for the old properties of a tracked change.
    Properties {
        change: bool,
    },
    Table,
    Row,
    Cell,
    TextBox,
    Link {
        serial: u32,
        start: usize,
        target: Option<String>,
    },
    Insertion {
        kind: ChangeKind,
        start: Pos,
        author: Option<String>,
    },
    Alternate {
        chosen: bool,
    },
    Comment,
}

/// A table or text box the current paragraph sits in.
#[derive(Debug, Clone, Copy)]
enum Container {
    Table {
        row: u32,
        col: u32,
        rows: u32,
        cols: u32,
    },
    TextBox,
}

/// Where a paragraph sits, decided when it opens.
#[derive(Debug, Clone, Copy)]
enum Placement {
    Story,
    Cell { row: u32, col: u32 },
    TextBox,
}

#[derive(Debug)]
struct Paragraph {
    serial: u32,
    placement: Placement,
    text: String,
    runs: Vec<RunSpan>,
    links: Vec<Link>,
    style: Option<String>,
    num: NumPr,
    /// Paragraphs of text boxes anchored in this one, emitted right after it.
    nested: Vec<Finished>,
    /// A drop cap: the first letter(s) of the next paragraph, set in a frame of its own.
    drop_cap: bool,
}

#[derive(Debug)]
struct Field {
    instruction: String,
    in_result: bool,
    link: Option<(u32, usize, String)>,
}

struct Walker<'s, 'o, 'l> {
    story: &'s Story<'s>,
    out: &'o mut Output<'l>,
    frames: Vec<Frame>,
    paragraphs: Vec<Paragraph>,
    containers: Vec<Container>,
    fields: Vec<Field>,
    /// Fields whose instruction is being read: their text is not shown.
    fields_in_instruction: usize,
    hidden: usize,
    properties: usize,
    property_changes: usize,
    comment: Option<(String, Option<String>)>,
    /// A drop-cap paragraph waiting to be joined to the paragraph it begins.
    drop_cap: Option<Finished>,
    max_depth: usize,
}

/// Read one story part into `out`.
pub(crate) fn read(
    bytes: &[u8],
    story: &Story<'_>,
    out: &mut Output<'_>,
) -> Result<(), InputError> {
    let max_depth = out.limits().max_depth;
    let mut xml = Xml::new(bytes, &story.part, max_depth);
    let mut walker = Walker {
        story,
        out,
        frames: Vec::with_capacity(64),
        paragraphs: Vec::new(),
        containers: Vec::new(),
        fields: Vec::new(),
        fields_in_instruction: 0,
        hidden: 0,
        properties: 0,
        property_changes: 0,
        comment: None,
        drop_cap: None,
        max_depth,
    };
    loop {
        match xml.next()? {
            Node::Start(tag) => {
                let frame = walker.open(&tag, xml.position())?;
                walker.frames.push(frame);
            }
            Node::Empty(tag) => {
                let at = xml.position();
                let frame = walker.open(&tag, at)?;
                walker.close(frame, at)?;
            }
            Node::End { at } => {
                if let Some(frame) = walker.frames.pop() {
                    walker.close(frame, at)?;
                }
            }
            Node::Text { text } => walker.text(text),
            Node::Entity(text) => walker.text(text),
            Node::Char(c) => walker.text(c.encode_utf8(&mut [0u8; 4])),
            Node::Eof => break,
        }
    }
    if let Some(drop_cap) = walker.drop_cap.take() {
        walker.out.emit(drop_cap)?;
    }
    Ok(())
}

impl Walker<'_, '_, '_> {
    fn pos(&self) -> Pos {
        match self.paragraphs.last() {
            Some(p) => Pos {
                serial: p.serial,
                offset: p.text.len(),
            },
            None => self.out.next_pos(),
        }
    }

    /// Append shown text to the open paragraph.
    fn show(&mut self, text: &str) {
        if self.fields_in_instruction > 0 {
            return;
        }
        if let Some(p) = self.paragraphs.last_mut() {
            // `contains` on bytes is core's word-at-a-time search: this runs on all the text.
            let bytes = text.as_bytes();
            if bytes.contains(&b'\n') || bytes.contains(&b'\r') {
                // One paragraph per line: a raw line break in the XML shows as a space.
                p.text.extend(text.chars().map(|c| match c {
                    '\n' | '\r' => ' ',
                    c => c,
                }));
            } else {
                p.text.push_str(text);
            }
        }
    }

    fn text(&mut self, text: &str) {
        match self.frames.last() {
            Some(Frame::Text { .. }) => self.show(text),
            Some(Frame::Instruction) => {
                if let Some(field) = self.fields.last_mut() {
                    if !field.in_result && field.instruction.len() + text.len() <= MAX_INSTRUCTION {
                        field.instruction.push_str(text);
                    }
                }
            }
            _ => {}
        }
    }

    fn open(&mut self, tag: &Tag<'_>, at: usize) -> Result<Frame, InputError> {
        if self.hidden > 0 {
            // Comment anchors may sit inside deleted text; nothing else there matters.
            if tag.ns == Ns::W {
                self.comment_mark(tag)?;
            }
            return Ok(Frame::Skip);
        }
        if self.properties > 0 {
            return self.open_property(tag);
        }
        let local = tag.local();
        match tag.ns {
            Ns::W => self.open_w(tag, local, at),
            Ns::Math if local == b"t" => Ok(self.open_text(at)),
            Ns::Mc => Ok(match local {
                b"AlternateContent" => Frame::Alternate { chosen: false },
                b"Choice" | b"Fallback" => match self.frames.last_mut() {
                    // Read the first branch Word could show, never two renderings of one thing.
                    Some(Frame::Alternate { chosen }) if !*chosen => {
                        *chosen = true;
                        Frame::Plain
                    }
                    _ => self.hide(),
                },
                _ => Frame::Plain,
            }),
            _ => Ok(Frame::Plain),
        }
    }

    fn hide(&mut self) -> Frame {
        self.hidden += 1;
        Frame::Hidden
    }

    fn open_text(&mut self, at: usize) -> Frame {
        Frame::Text {
            xml: at,
            plain: self.paragraphs.last().map_or(0, |p| p.text.len()),
        }
    }

    fn open_w(&mut self, tag: &Tag<'_>, local: &[u8], at: usize) -> Result<Frame, InputError> {
        Ok(match local {
            b"t" => self.open_text(at),
            b"r" | b"sdt" | b"sdtContent" | b"smartTag" | b"customXml" | b"body" => Frame::Plain,
            b"p" => {
                let placement = match self.containers.last() {
                    Some(Container::Table { row, col, .. }) => Placement::Cell {
                        row: *row,
                        col: *col,
                    },
                    Some(Container::TextBox) => Placement::TextBox,
                    None => Placement::Story,
                };
                let serial = self.out.new_serial()?;
                self.paragraphs.push(Paragraph {
                    serial,
                    placement,
                    text: String::new(),
                    runs: Vec::new(),
                    links: Vec::new(),
                    style: None,
                    num: NumPr::default(),
                    nested: Vec::new(),
                    drop_cap: false,
                });
                Frame::Paragraph
            }
            _ if is_properties(local) => {
                self.properties += 1;
                Frame::Properties { change: false }
            }
            b"tab" | b"ptab" => {
                self.show("\t");
                Frame::Plain
            }
            b"br" | b"cr" => {
                self.show(" ");
                Frame::Plain
            }
            b"noBreakHyphen" => {
                self.show("\u{2011}");
                Frame::Plain
            }
            // A soft hyphen only shows at a line end: dropped so words stay whole for rules.
            b"softHyphen" => Frame::Plain,
            b"sym" => {
                if let Some(c) =
                    symbol(tag.attr(b"font")?.as_deref(), tag.attr(b"char")?.as_deref())
                {
                    let mut buf = [0u8; 4];
                    self.show(c.encode_utf8(&mut buf));
                }
                Frame::Plain
            }
            b"instrText" => Frame::Instruction,
            b"delText" | b"delInstrText" | b"rt" | b"fldData" => self.hide(),
            b"del" | b"moveFrom" => {
                let at = self.pos();
                let kind = if local == b"del" {
                    ChangeKind::Deletion
                } else {
                    ChangeKind::Other
                };
                self.out.change(kind, at, at, tag.attr(b"author")?);
                self.hide()
            }
            b"ins" | b"moveTo" => Frame::Insertion {
                kind: if local == b"ins" {
                    ChangeKind::Insertion
                } else {
                    ChangeKind::Other
                },
                start: self.pos(),
                author: tag.attr(b"author")?,
            },
            b"fldChar" => {
                self.field_char(tag.attr(b"fldCharType")?.as_deref())?;
                Frame::Plain
            }
            b"fldSimple" => {
                let target = tag.attr(b"instr")?.and_then(|i| hyperlink_instruction(&i));
                self.open_link(target)
            }
            b"hyperlink" => {
                let external = match tag.attr(b"id")? {
                    Some(id) => self.story.rels.by_id(&id).map(|r| r.target.clone()),
                    None => None,
                };
                let target = match (external, tag.attr(b"anchor")?) {
                    (Some(url), Some(anchor)) => Some(format!("{url}#{anchor}")),
                    (Some(url), None) => Some(url),
                    (None, Some(anchor)) => Some(format!("#{anchor}")),
                    (None, None) => None,
                };
                self.open_link(target)
            }
            b"tbl" => {
                self.containers.push(Container::Table {
                    row: 0,
                    col: 0,
                    rows: 0,
                    cols: 0,
                });
                Frame::Table
            }
            b"tr" => {
                if let Some(Container::Table {
                    row,
                    col,
                    rows,
                    cols,
                }) = self.containers.last_mut()
                {
                    *row = *rows;
                    *rows += 1;
                    *col = 0;
                    *cols = 0;
                }
                Frame::Row
            }
            b"tc" => {
                if let Some(Container::Table { col, cols, .. }) = self.containers.last_mut() {
                    *col = *cols;
                    *cols += 1;
                }
                Frame::Cell
            }
            b"txbxContent" => {
                self.containers.push(Container::TextBox);
                Frame::TextBox
            }
            b"footnote" | b"endnote" => {
                let separator = tag.attr(b"type")?.is_some_and(|t| {
                    matches!(
                        t.as_str(),
                        "separator" | "continuationSeparator" | "continuationNotice"
                    )
                });
                if separator {
                    self.hide()
                } else {
                    Frame::Plain
                }
            }
            b"comment" if self.story.kind == StoryKind::Comments => {
                let id = tag.attr(b"id")?.unwrap_or_default();
                self.comment = Some((id, tag.attr(b"author")?));
                Frame::Comment
            }
            b"commentRangeStart" | b"commentRangeEnd" | b"commentReference" => {
                self.comment_mark(tag)?;
                Frame::Plain
            }
            _ => Frame::Plain,
        })
    }

    fn open_link(&mut self, target: Option<String>) -> Frame {
        let at = self.pos();
        Frame::Link {
            serial: at.serial,
            start: at.offset,
            target,
        }
    }

    fn open_property(&mut self, tag: &Tag<'_>) -> Result<Frame, InputError> {
        self.properties += 1;
        let local = tag.local();
        if local.ends_with(b"Change") {
            // rPrChange, pPrChange, sectPrChange, tblPrChange, numberingChange, ...
            self.property_changes += 1;
            self.out.change(
                ChangeKind::Other,
                self.pos(),
                self.pos(),
                tag.attr(b"author")?,
            );
            return Ok(Frame::Properties { change: true });
        }
        if self.property_changes > 0 || tag.ns != Ns::W {
            return Ok(Frame::Properties { change: false });
        }
        match local {
            b"framePr" => {
                let drop = tag
                    .attr(b"dropCap")?
                    .is_some_and(|d| d == "drop" || d == "margin");
                if let Some(p) = self.paragraphs.last_mut() {
                    p.drop_cap |= drop;
                }
            }
            b"pStyle" => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.style = tag.attr(b"val")?;
                }
            }
            b"numId" => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.num.num_id = tag.attr(b"val")?;
                }
            }
            b"ilvl" => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.num.ilvl = tag.attr(b"val")?.and_then(|v| v.trim().parse().ok());
                }
            }
            b"headerReference" | b"footerReference" if self.story.kind == StoryKind::Body => {
                if let Some(id) = tag.attr(b"id")? {
                    let kind = if local == b"headerReference" {
                        BlockKind::Header
                    } else {
                        BlockKind::Footer
                    };
                    self.out.section_part(kind, id);
                }
            }
            // A paragraph mark inserted, deleted or moved: a revision, not shown text.
            b"ins" | b"del" | b"moveFrom" | b"moveTo" => {
                self.out.change(
                    ChangeKind::Other,
                    self.pos(),
                    self.pos(),
                    tag.attr(b"author")?,
                );
            }
            _ => {}
        }
        Ok(Frame::Properties { change: false })
    }

    fn comment_mark(&mut self, tag: &Tag<'_>) -> Result<(), InputError> {
        let local = tag.local();
        if !matches!(
            local,
            b"commentRangeStart" | b"commentRangeEnd" | b"commentReference"
        ) {
            return Ok(());
        }
        if let Some(id) = tag.attr(b"id")? {
            let at = self.pos();
            let anchor = self.out.comment_anchor(id);
            match local {
                b"commentRangeStart" => anchor.start = Some(at),
                b"commentRangeEnd" => anchor.end = Some(at),
                _ => anchor.reference = Some(at),
            }
        }
        Ok(())
    }

    fn field_char(&mut self, kind: Option<&str>) -> Result<(), InputError> {
        match kind {
            Some("begin") => {
                if self.fields.len() >= self.max_depth {
                    return Err(InputError::new(
                        InputErrorKind::TooDeep,
                        format!(
                            "the document is nested too deeply: {} has fields nested more than {} levels deep",
                            self.story.part, self.max_depth
                        ),
                    ));
                }
                self.fields.push(Field {
                    instruction: String::new(),
                    in_result: false,
                    link: None,
                });
                self.fields_in_instruction += 1;
            }
            Some("separate") => {
                let at = self.pos();
                if let Some(field) = self.fields.last_mut() {
                    if !field.in_result {
                        field.in_result = true;
                        self.fields_in_instruction -= 1;
                        field.link = hyperlink_instruction(&field.instruction)
                            .map(|target| (at.serial, at.offset, target));
                    }
                }
            }
            Some("end") => {
                if let Some(field) = self.fields.pop() {
                    if !field.in_result {
                        self.fields_in_instruction -= 1;
                    }
                    if let Some((serial, start, target)) = field.link {
                        self.add_link(serial, start, Some(target));
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn add_link(&mut self, serial: u32, start: usize, target: Option<String>) {
        let Some(target) = target else { return };
        if let Some(p) = self.paragraphs.last_mut() {
            if p.serial == serial && start < p.text.len() {
                p.links.push(Link {
                    text: start..p.text.len(),
                    target,
                });
            }
        }
    }

    fn close(&mut self, frame: Frame, at: usize) -> Result<(), InputError> {
        match frame {
            Frame::Plain | Frame::Skip | Frame::Row | Frame::Cell | Frame::Alternate { .. } => {}
            Frame::Instruction => {}
            Frame::Text { xml, plain } => {
                if let Some(p) = self.paragraphs.last_mut() {
                    if plain < p.text.len() {
                        p.runs.push(RunSpan {
                            text: plain..p.text.len(),
                            xml: xml..at,
                        });
                    }
                }
            }
            Frame::Hidden => self.hidden -= 1,
            Frame::Properties { change } => {
                self.properties -= 1;
                if change {
                    self.property_changes -= 1;
                }
            }
            Frame::Table | Frame::TextBox => {
                self.containers.pop();
            }
            Frame::Link {
                serial,
                start,
                target,
            } => self.add_link(serial, start, target),
            Frame::Insertion {
                kind,
                start,
                author,
            } => {
                let end = self.pos();
                self.out.change(kind, start, end, author);
            }
            Frame::Comment => self.comment = None,
            Frame::Paragraph => self.finish_paragraph()?,
        }
        Ok(())
    }

    fn finish_paragraph(&mut self) -> Result<(), InputError> {
        let Some(p) = self.paragraphs.pop() else {
            return Ok(());
        };
        let kind = match (self.story.kind, p.placement) {
            (StoryKind::Header, _) => BlockKind::Header,
            (StoryKind::Footer, _) => BlockKind::Footer,
            (StoryKind::Footnotes, _) => BlockKind::Footnote,
            (StoryKind::Endnotes, _) => BlockKind::Endnote,
            (StoryKind::Comments, _) => BlockKind::Comment,
            (StoryKind::Body, Placement::Cell { row, col }) => BlockKind::TableCell { row, col },
            (StoryKind::Body, Placement::TextBox) => BlockKind::TextBox,
            (StoryKind::Body, Placement::Story) => self.body_kind(&p),
        };
        let comment = match self.story.kind {
            StoryKind::Comments => self.comment.clone(),
            _ => None,
        };
        let mut finished = Finished {
            serial: p.serial,
            kind,
            part: Arc::clone(&self.story.part),
            text: p.text,
            runs: p.runs,
            links: p.links,
            comment,
        };
        if p.drop_cap && self.paragraphs.is_empty() && p.nested.is_empty() {
            if let Some(earlier) = self.drop_cap.replace(finished) {
                self.out.emit(earlier)?;
            }
            return Ok(());
        }
        if self.paragraphs.is_empty() {
            if let Some(drop_cap) = self.drop_cap.take() {
                // Marks already recorded in this paragraph now sit after the drop cap's letters.
                self.out.shift(finished.serial, drop_cap.text.len());
                finished = join_drop_cap(drop_cap, finished);
            }
        }
        match self.paragraphs.last_mut() {
            Some(parent) => {
                parent.nested.push(finished);
                parent.nested.extend(p.nested);
            }
            None => {
                self.out.emit(finished)?;
                for nested in p.nested {
                    self.out.emit(nested)?;
                }
            }
        }
        Ok(())
    }

    fn body_kind(&self, p: &Paragraph) -> BlockKind {
        let style = self.story.styles.paragraph(p.style.as_deref());
        match style.heading {
            Some(HeadingKind::Title) => return BlockKind::Title,
            Some(HeadingKind::Level(level)) => return BlockKind::Heading { level },
            None => {}
        }
        let num_id = p.num.num_id.as_deref().or(style.num.num_id.as_deref());
        match num_id {
            Some(id) if id.trim() != "0" => BlockKind::ListItem {
                level: p.num.ilvl.or(style.num.ilvl).unwrap_or(0),
            },
            _ => BlockKind::Paragraph,
        }
    }
}

/// The drop cap's letters begin the paragraph that follows it.
fn join_drop_cap(drop_cap: Finished, mut next: Finished) -> Finished {
    let shift = drop_cap.text.len();
    for run in &mut next.runs {
        run.text = run.text.start + shift..run.text.end + shift;
    }
    for link in &mut next.links {
        link.text = link.text.start + shift..link.text.end + shift;
    }
    let mut runs = drop_cap.runs;
    runs.append(&mut next.runs);
    let mut links = drop_cap.links;
    links.append(&mut next.links);
    next.text.insert_str(0, &drop_cap.text);
    next.runs = runs;
    next.links = links;
    next
}

/// `pPr`, `rPr`, `sectPr`, `tblPr`, `tblPrEx`, `sdtPr`, `tblGrid`, ...: properties, not content.
fn is_properties(local: &[u8]) -> bool {
    local.ends_with(b"Pr") || local.ends_with(b"PrEx") || local == b"tblGrid"
}

/// The target of a `HYPERLINK "url" \l "anchor"` field instruction.
fn hyperlink_instruction(instruction: &str) -> Option<String> {
    let mut tokens = Vec::new();
    let mut rest = instruction.trim();
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            tokens.push(quoted.get(..end).unwrap_or_default());
            rest = quoted.get(end + 1..).unwrap_or_default().trim_start();
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            tokens.push(rest.get(..end).unwrap_or_default());
            rest = rest.get(end..).unwrap_or_default().trim_start();
        }
    }
    let mut tokens = tokens.into_iter();
    if !tokens.next()?.eq_ignore_ascii_case("HYPERLINK") {
        return None;
    }
    let mut url = None;
    let mut anchor = None;
    while let Some(token) = tokens.next() {
        match token {
            "\\l" => anchor = tokens.next(),
            // Switches with an argument we do not need: tooltip, target frame.
            "\\o" | "\\t" => {
                tokens.next();
            }
            t if t.starts_with('\\') => {}
            t => {
                url.get_or_insert(t);
            }
        }
    }
    match (url, anchor) {
        (Some(u), Some(a)) => Some(format!("{u}#{a}")),
        (Some(u), None) => Some(u.to_string()),
        (None, Some(a)) => Some(format!("#{a}")),
        (None, None) => None,
    }
}

/// The character a `w:sym` shows. Symbol-font characters are stored in the private-use area
/// (U+F020..U+F0FF); map the common ones to their Unicode meaning.
fn symbol(font: Option<&str>, code: Option<&str>) -> Option<char> {
    let code = u32::from_str_radix(code?.trim(), 16).ok()?;
    let low = code & 0xFF;
    let symbol_font = font.is_some_and(|f| f.eq_ignore_ascii_case("Symbol"));
    if symbol_font && ((0xF000..=0xF0FF).contains(&code) || code <= 0xFF) {
        if let Some(c) = symbol_font_char(low) {
            return Some(c);
        }
    }
    char::from_u32(code).filter(|c| !c.is_control())
}

fn symbol_font_char(code: u32) -> Option<char> {
    const UPPER: &str = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
    const LOWER: &str = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ";
    let c = match code {
        0x41..=0x5A => UPPER.chars().nth((code - 0x41) as usize)?,
        0x61..=0x7A => LOWER.chars().nth((code - 0x61) as usize)?,
        0x22 => '∀',
        0x24 => '∃',
        0x27 => '∋',
        0x2A => '∗',
        0x2D => '−',
        0x40 => '≅',
        0x5C => '∴',
        0x5E => '⊥',
        0x7E => '∼',
        0xA3 => '≤',
        0xA5 => '∞',
        0xA7 => '♣',
        0xA8 => '♦',
        0xA9 => '♥',
        0xAA => '♠',
        0xAB => '↔',
        0xAC => '←',
        0xAD => '↑',
        0xAE => '→',
        0xAF => '↓',
        0xB0 => '°',
        0xB1 => '±',
        0xB3 => '≥',
        0xB4 => '×',
        0xB6 => '∂',
        0xB7 => '•',
        0xB8 => '÷',
        0xB9 => '≠',
        0xBA => '≡',
        0xBB => '≈',
        0xBC => '…',
        0xC5 => '⊕',
        0xC6 => '∅',
        0xC7 => '∩',
        0xC8 => '∪',
        0xCE => '∈',
        0xCF => '∉',
        0xD1 => '∇',
        0xD2 | 0xE2 => '®',
        0xD3 | 0xE3 => '©',
        0xD4 | 0xE4 => '™',
        0xD7 => '⋅',
        0xD8 => '¬',
        0xD9 => '∧',
        0xDA => '∨',
        0xE5 => '∑',
        0xF2 => '∫',
        0x20..=0x7E => char::from_u32(code)?,
        _ => return None,
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyperlink_instructions() {
        assert_eq!(
            hyperlink_instruction(r#" HYPERLINK "https://example.com/" \o "tip" "#).as_deref(),
            Some("https://example.com/")
        );
        assert_eq!(
            hyperlink_instruction(r#"HYPERLINK \l "_Toc1""#).as_deref(),
            Some("#_Toc1")
        );
        assert_eq!(hyperlink_instruction(r#"PAGEREF _Toc1 \h"#), None);
    }

    #[test]
    fn symbols() {
        assert_eq!(symbol(Some("Symbol"), Some("F0A7")), Some('♣'));
        assert_eq!(symbol(Some("Symbol"), Some("F061")), Some('α'));
        assert_eq!(symbol(Some("Arial"), Some("00A7")), Some('§'));
        assert_eq!(symbol(None, Some("zz")), None);
    }
}

//! Assembles blocks, the one-paragraph-per-line text view, and the positions of comments and
//! tracked changes as the story parts are walked.

use std::collections::HashMap;
use std::sync::Arc;

use crate::document::{
    Block, BlockKind, ChangeKind, CommentInfo, Document, DocxOrigin, Format, Link, OffsetMap,
    Position, RunSpan, TrackedChange,
};
use crate::error::{InputError, InputErrorKind};
use crate::read::Limits;

/// Marks a paragraph serial that produced no block (it had no text).
const NOT_EMITTED: u32 = u32::MAX;

/// A point in a paragraph that may not be a block yet: the paragraph's serial number (every
/// `w:p` gets one, in document order) and a byte offset in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pos {
    pub serial: u32,
    pub offset: usize,
}

/// A paragraph read to its end.
#[derive(Debug)]
pub(crate) struct Finished {
    pub serial: u32,
    pub kind: BlockKind,
    pub part: Arc<str>,
    pub text: String,
    pub runs: Vec<RunSpan>,
    pub links: Vec<Link>,
    /// Comment id and author, for paragraphs of `comments.xml`.
    pub comment: Option<(String, Option<String>)>,
}

/// Where a comment is anchored, as found in the stories.
#[derive(Debug, Clone, Default)]
pub(crate) struct CommentAnchor {
    pub start: Option<Pos>,
    pub end: Option<Pos>,
    pub reference: Option<Pos>,
}

#[derive(Debug)]
struct PendingChange {
    kind: ChangeKind,
    start: Pos,
    end: Pos,
    author: Option<String>,
}

#[derive(Debug)]
pub(crate) struct Output<'l> {
    limits: &'l Limits,
    text: String,
    blocks: Vec<Block>,
    /// Block index of each paragraph serial, or [`NOT_EMITTED`].
    serial_block: Vec<u32>,
    comment_anchors: HashMap<String, CommentAnchor>,
    changes: Vec<PendingChange>,
    /// Header and footer relationship ids in the order the section properties list them.
    section_parts: Vec<(BlockKind, String)>,
    /// Bytes put in front of a paragraph's text after positions in it were recorded (a drop
    /// cap joined to the paragraph it begins), by paragraph serial.
    shifts: HashMap<u32, usize>,
}

impl<'l> Output<'l> {
    pub fn new(limits: &'l Limits) -> Self {
        Output {
            limits,
            text: String::new(),
            blocks: Vec::new(),
            serial_block: Vec::new(),
            comment_anchors: HashMap::new(),
            changes: Vec::new(),
            section_parts: Vec::new(),
            shifts: HashMap::new(),
        }
    }

    /// Positions recorded so far in paragraph `serial` move `by` bytes to the right.
    pub fn shift(&mut self, serial: u32, by: usize) {
        *self.shifts.entry(serial).or_default() += by;
    }

    pub fn limits(&self) -> &'l Limits {
        self.limits
    }

    /// A serial number for a paragraph that just opened.
    pub fn new_serial(&mut self) -> Result<u32, InputError> {
        let serial = self.serial_block.len();
        if serial >= self.limits.max_blocks || serial >= NOT_EMITTED as usize {
            return Err(InputError::new(
                InputErrorKind::TooLarge,
                format!(
                    "the document is too large: it has more than {} paragraphs",
                    self.limits.max_blocks
                ),
            ));
        }
        self.serial_block.push(NOT_EMITTED);
        Ok(serial as u32)
    }

    /// The position before the next paragraph (for marks outside any paragraph).
    pub fn next_pos(&self) -> Pos {
        Pos {
            serial: self.serial_block.len() as u32,
            offset: 0,
        }
    }

    pub fn change(&mut self, kind: ChangeKind, start: Pos, end: Pos, author: Option<String>) {
        self.changes.push(PendingChange {
            kind,
            start,
            end,
            author,
        });
    }

    pub fn comment_anchor(&mut self, id: String) -> &mut CommentAnchor {
        self.comment_anchors.entry(id).or_default()
    }

    pub fn section_part(&mut self, kind: BlockKind, id: String) {
        self.section_parts.push((kind, id));
    }

    pub fn take_section_parts(&mut self) -> Vec<(BlockKind, String)> {
        std::mem::take(&mut self.section_parts)
    }

    /// Add a finished paragraph as a block (paragraphs without text are left out).
    pub fn emit(&mut self, para: Finished) -> Result<(), InputError> {
        if para.text.trim().is_empty() {
            return Ok(());
        }
        if self.blocks.len() >= self.limits.max_blocks {
            return Err(InputError::new(
                InputErrorKind::TooLarge,
                format!(
                    "the document is too large: it has more than {} paragraphs",
                    self.limits.max_blocks
                ),
            ));
        }
        if !self.blocks.is_empty() {
            self.text.push('\n');
        }
        let start = self.text.len();
        self.text.push_str(&para.text);
        if self.text.len() > self.limits.max_text_bytes {
            return Err(InputError::new(
                InputErrorKind::TooLarge,
                format!(
                    "the document is too large: its text is more than {} bytes",
                    self.limits.max_text_bytes
                ),
            ));
        }
        let index = self.blocks.len();
        if let Some(slot) = self.serial_block.get_mut(para.serial as usize) {
            *slot = index as u32;
        }
        let mut map = OffsetMap::new();
        map.push_copy(0, start, para.text.len());
        let mut block = Block::new(para.kind, para.text, map);
        block.links = para.links;
        block.docx = Some(DocxOrigin {
            part: para.part,
            paragraph: (index + 1) as u32,
            runs: para.runs,
        });
        block.comment = para.comment.map(|(id, author)| CommentInfo {
            id,
            author,
            anchor: None,
        });
        self.blocks.push(block);
        Ok(())
    }

    /// Resolve positions and build the document.
    pub fn finish(mut self, metadata: Vec<(String, String)>) -> Document {
        // For each serial, the first emitted block at or after it: a position in a paragraph
        // without text moves to the start of the next block.
        let mut next = vec![NOT_EMITTED; self.serial_block.len() + 1];
        for s in (0..self.serial_block.len()).rev() {
            next[s] = match self.serial_block[s] {
                NOT_EMITTED => next[s + 1],
                b => b,
            };
        }
        let blocks = &self.blocks;
        let serial_block = &self.serial_block;
        let shifts = &self.shifts;
        let resolve = |pos: Pos| -> Option<Position> {
            let s = pos.serial as usize;
            let pos = Pos {
                serial: pos.serial,
                offset: pos.offset + shifts.get(&pos.serial).copied().unwrap_or(0),
            };
            match serial_block.get(s).copied() {
                Some(b) if b != NOT_EMITTED => {
                    let len = blocks.get(b as usize).map_or(0, |bl| bl.text.len());
                    return Some(Position {
                        block: b as usize,
                        offset: pos.offset.min(len),
                    });
                }
                _ => {}
            }
            match next.get(s).copied() {
                Some(b) if b != NOT_EMITTED => Some(Position {
                    block: b as usize,
                    offset: 0,
                }),
                _ => blocks.len().checked_sub(1).map(|last| Position {
                    block: last,
                    offset: blocks.get(last).map_or(0, |b| b.text.len()),
                }),
            }
        };
        let range = |start: Pos, end: Pos| -> Option<std::ops::Range<Position>> {
            let s = resolve(start)?;
            let e = resolve(end).filter(|e| *e >= s).unwrap_or(s);
            Some(s..e)
        };
        let mut anchors = HashMap::new();
        for (id, a) in &self.comment_anchors {
            let start = a.start.or(a.reference);
            let end = a.end.or(a.reference).or(a.start);
            if let (Some(start), Some(end)) = (start, end) {
                if let Some(r) = range(start, end) {
                    anchors.insert(id.clone(), r);
                }
            }
        }
        let tracked: Vec<TrackedChange> = self
            .changes
            .drain(..)
            .filter_map(|c| {
                Some(TrackedChange {
                    kind: c.kind,
                    at: range(c.start, c.end)?,
                    author: c.author,
                })
            })
            .collect();
        for block in &mut self.blocks {
            if let Some(info) = block.comment.as_mut() {
                info.anchor = anchors.get(&info.id).cloned();
            }
        }
        let mut doc = Document::new(Format::Docx, Arc::from(self.text), self.blocks);
        doc.metadata = metadata;
        doc.tracked_changes = tracked;
        doc
    }
}

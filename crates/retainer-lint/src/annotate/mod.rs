//! Review copies: a DOCX letter given back with a Word comment on each finding.
//!
//! The main document part is rewritten by *splicing*: comment range marks, comment reference
//! runs and, where a finding starts or ends inside a run, the run split in two (both halves
//! keeping the run's `w:rPr`) are inserted at byte offsets the DOCX reader recorded; nothing
//! else in the XML is reserialised. The comments part, its relationship and its content type
//! are extended or created; every other part of the package is copied as stored.
//!
//! Where the words cannot carry the comment themselves, it goes as near as the body allows and
//! names where they are: a footnote's or endnote's finding on its reference mark (the notes
//! part stays byte for byte as it was), a text box's on the paragraph that holds the box, a
//! header's, footer's or another comment's on the first body paragraph (Word cannot comment
//! in a header or footer).
//!
//! Comment marks never go inside a complex field (`w:fldChar` begin … end): Word rebuilds a
//! field's result when it updates it, and LibreOffice reads a comment whose marks are in a
//! result that spans paragraphs with no text. A comment on words of a field's result encloses
//! the whole field when the field is in one paragraph; otherwise it stands just before the
//! field's begin and names where the words are.

mod package;
mod scan;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Block, BlockKind, Format};
use crate::error::{InputError, InputErrorKind};
use crate::lint::Report;
use crate::read::docx::package::{rels_path, Package};
use crate::read::Limits;
use package::CommentXml;
use scan::Scan;

/// The author of every comment a review copy adds.
pub const AUTHOR: &str = "retainer-lint";
/// Its initials.
pub const INITIALS: &str = "RL";

/// Why a review copy could not be written. Codes are public interface: never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AnnotateErrorKind {
    /// `annotate.not-docx`: the report is not about a DOCX letter.
    NotDocx,
    /// `annotate.mismatch`: the bytes are not the document the report was made from.
    Mismatch,
    /// `annotate.unsupported`: the package is readable but lacks what a comment needs.
    Unsupported,
    /// `annotate.write`: the new package could not be assembled.
    Write,
    /// The package could not be read (an `input.*` code).
    Input(InputErrorKind),
}

impl AnnotateErrorKind {
    /// The stable dotted code.
    pub fn code(self) -> &'static str {
        match self {
            AnnotateErrorKind::NotDocx => "annotate.not-docx",
            AnnotateErrorKind::Mismatch => "annotate.mismatch",
            AnnotateErrorKind::Unsupported => "annotate.unsupported",
            AnnotateErrorKind::Write => "annotate.write",
            AnnotateErrorKind::Input(k) => k.code(),
        }
    }
}

/// A review copy that could not be written: a stable kind and a specific message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct AnnotateError {
    kind: AnnotateErrorKind,
    message: String,
}

impl AnnotateError {
    fn new(kind: AnnotateErrorKind, message: impl Into<String>) -> Self {
        AnnotateError {
            kind,
            message: message.into(),
        }
    }

    fn input(e: InputError) -> Self {
        AnnotateError::new(AnnotateErrorKind::Input(e.kind()), e.message())
    }

    fn mismatch(detail: &str) -> Self {
        AnnotateError::new(
            AnnotateErrorKind::Mismatch,
            format!("the document does not match its report ({detail}); lint it again"),
        )
    }

    /// The error's kind.
    pub fn kind(&self) -> AnnotateErrorKind {
        self.kind
    }

    /// The stable dotted code, e.g. `annotate.not-docx`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The message (without the code).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl miette::Diagnostic for AnnotateError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.kind.code()))
    }
}

/// Settings of a review copy.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The comments' date (`2026-01-31T09:00:00Z`); now when `None`.
    pub date: Option<String>,
    /// The command that reproduces the findings, quoted in the summary comment;
    /// `retainer-lint <name>` when `None`.
    pub command: Option<String>,
}

/// Where a comment was anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// On exactly the words of the finding's span.
    Words,
    /// On the footnote or endnote reference mark in the body, for a finding in that note (the
    /// notes part itself is left byte for byte as it was).
    NoteReference,
    /// On the whole paragraph the finding is in (a finding without words of its own, or
    /// words that cannot be marked one by one, such as an entity or CDATA section).
    Paragraph,
    /// On the whole field (begin to end, in one paragraph) whose result holds the finding's
    /// words: marks inside a field's result do not survive.
    Field,
    /// Just before the begin of a field whose result spans paragraphs and holds the finding,
    /// the comment naming where the finding is.
    FieldStart,
    /// On the body paragraph that holds the text box the finding is in, the comment naming it.
    Holder,
    /// On the first body paragraph, the comment naming where the finding is (headers,
    /// footers, notes, text boxes, other comments); also the summary comment.
    FirstParagraph,
}

/// One comment a review copy added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewComment {
    /// Its `w:id`.
    pub id: String,
    /// Index in the report's diagnostics; `None` for the summary.
    pub diagnostic: Option<usize>,
    /// Where it is anchored.
    pub anchor: Anchor,
    /// Its paragraphs of text.
    pub lines: Vec<String>,
}

/// A review copy and what was added to it.
#[derive(Debug, Clone)]
pub struct Annotated {
    /// The new package.
    pub bytes: Vec<u8>,
    /// The comments added: the summary first, then one per diagnostic in report order.
    pub comments: Vec<NewComment>,
}

/// A review copy of a DOCX letter: a comment on each finding of `report` and a summary
/// comment on the first paragraph. `document_bytes` must be the bytes the report was made
/// from.
pub fn annotate(document_bytes: &[u8], report: &Report) -> Result<Vec<u8>, AnnotateError> {
    annotate_with(document_bytes, report, &Options::default()).map(|a| a.bytes)
}

/// [`annotate`] with settings, returning what was added as well.
pub fn annotate_with(
    document_bytes: &[u8],
    report: &Report,
    options: &Options,
) -> Result<Annotated, AnnotateError> {
    if report.document.format != Format::Docx {
        return Err(AnnotateError::new(
            AnnotateErrorKind::NotDocx,
            format!(
                "{}: only DOCX letters get a review copy with comments (this one is {})",
                report.name, report.document.format
            ),
        ));
    }
    let limits = Limits::default();
    let max_depth = limits.max_depth;
    let mut pkg = Package::open(document_bytes, &limits).map_err(AnnotateError::input)?;
    let package_rels = pkg.relationships("").map_err(AnnotateError::input)?;
    let main =
        crate::read::docx::main_part(&mut pkg, &package_rels).map_err(AnnotateError::input)?;
    let main_xml = pkg
        .read(&main)
        .map_err(AnnotateError::input)?
        .ok_or_else(|| AnnotateError::mismatch("no main part"))?;
    let scan = scan::scan(&main_xml, &main, max_depth).map_err(AnnotateError::input)?;

    let rels_name = rels_path(&main);
    let rels_xml = pkg.read(&rels_name).map_err(AnnotateError::input)?;
    let rels = match &rels_xml {
        Some(b) => Some(package::parse_rels(b, &main, max_depth)?),
        None => None,
    };
    let related = rels.as_ref().and_then(|r| r.comments.clone());
    let comments_name = related
        .clone()
        .unwrap_or_else(|| match main.rsplit_once('/') {
            Some((dir, _)) => format!("{dir}/comments.xml"),
            None => "comments.xml".to_owned(),
        });
    let comments_xml = pkg.read(&comments_name).map_err(AnnotateError::input)?;
    let types_xml = pkg
        .read("[Content_Types].xml")
        .map_err(AnnotateError::input)?;

    let mut used: HashSet<String> = scan.comment_ids.iter().cloned().collect();
    if let Some(b) = &comments_xml {
        used.extend(package::comment_ids(b, &comments_name, max_depth)?);
    }
    let mut ids = Ids::new(used);

    let date = options.date.clone().unwrap_or_else(now);
    let mut notes = HashMap::new();
    for d in &report.diagnostics {
        let Some(block) = d.block.and_then(|b| report.document.blocks.get(b)) else {
            continue;
        };
        let endnote = match block.kind {
            BlockKind::Footnote => false,
            BlockKind::Endnote => true,
            _ => continue,
        };
        let Some(origin) = &block.docx else { continue };
        if notes.contains_key(&*origin.part) {
            continue;
        }
        let ranges = match pkg.read(&origin.part).map_err(AnnotateError::input)? {
            Some(bytes) => {
                scan::notes(&bytes, &origin.part, max_depth).map_err(AnnotateError::input)?
            }
            None => Vec::new(),
        };
        notes.insert(origin.part.to_string(), (endnote, ranges));
    }
    let mut plan = Plan::new(&main_xml, &scan, report, &main);
    plan.notes = notes;
    plan.verify()?;
    let mut comments = Vec::with_capacity(report.diagnostics.len() + 1);
    let mut marks: BTreeMap<(usize, Wrap), Vec<Mark>> = BTreeMap::new();
    let add = |id: &str, (start, end): (Point, Point), marks: &mut BTreeMap<_, Vec<Mark>>| {
        marks.entry((start.at, start.wrap)).or_default().push(Mark {
            id: id.to_owned(),
            start: true,
        });
        marks.entry((end.at, end.wrap)).or_default().push(Mark {
            id: id.to_owned(),
            start: false,
        });
    };

    let first = plan.first_paragraph();
    let summary_id = ids.next();
    add(&summary_id, first, &mut marks);
    comments.push(NewComment {
        id: summary_id,
        diagnostic: None,
        anchor: Anchor::FirstParagraph,
        lines: summary(report, options),
    });
    for (i, d) in report.diagnostics.iter().enumerate() {
        let id = ids.next();
        let (anchor, points, location) = plan.place(d);
        let points = points.unwrap_or(first);
        add(&id, points, &mut marks);
        comments.push(NewComment {
            id,
            diagnostic: Some(i),
            anchor,
            lines: comment_lines(d, location),
        });
    }

    let new_main = plan.splice(&marks);
    let new_comments: Vec<CommentXml> = comments
        .iter()
        .map(|c| CommentXml {
            id: c.id.clone(),
            date: date.clone(),
            lines: c.lines.clone(),
        })
        .collect();
    let comments_part = package::with_comments(
        comments_xml.as_deref(),
        &comments_name,
        &new_comments,
        scan.strict,
        max_depth,
    )?;

    let mut replaced: HashMap<String, Vec<u8>> = HashMap::new();
    let mut added: Vec<(String, Vec<u8>)> = Vec::new();
    replaced.insert(main.to_ascii_lowercase(), new_main);
    let mut put = |name: &str, bytes: Vec<u8>, exists: bool| {
        if exists {
            replaced.insert(name.to_ascii_lowercase(), bytes);
        } else {
            added.push((name.to_owned(), bytes));
        }
    };
    put(&comments_name, comments_part, comments_xml.is_some());
    if related.is_none() {
        let target = comments_name
            .rsplit_once('/')
            .map_or(comments_name.as_str(), |(_, f)| f);
        let target = if main.rsplit_once('/').map(|(d, _)| d)
            == comments_name.rsplit_once('/').map(|(d, _)| d)
        {
            target.to_owned()
        } else {
            format!("/{comments_name}")
        };
        let bytes =
            package::add_comments_rel(rels_xml.as_deref().zip(rels.as_ref()), &target, scan.strict);
        put(&rels_name, bytes, rels_xml.is_some());
    }
    if let Some(bytes) =
        package::with_comments_type(types_xml.as_deref(), &comments_name, &main, max_depth)?
    {
        put("[Content_Types].xml", bytes, types_xml.is_some());
    }
    let bytes = package::rewrite(document_bytes, &replaced, &added)?;
    Ok(Annotated { bytes, comments })
}

/// New comment ids: decimal numbers no part of the document uses yet.
#[derive(Debug)]
struct Ids {
    used: HashSet<String>,
    next: u64,
}

impl Ids {
    fn new(used: HashSet<String>) -> Self {
        let next = used
            .iter()
            .filter_map(|id| id.trim().parse::<u64>().ok())
            .max()
            .map_or(0, |m| m.saturating_add(1));
        Ids { used, next }
    }

    fn next(&mut self) -> String {
        loop {
            let id = self.next.to_string();
            self.next = self.next.saturating_add(1);
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// How the bytes around an insertion point are opened and closed again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Wrap {
    /// Between elements where range marks are allowed.
    Between,
    /// Between two children of the run (text element index): the run is split there.
    RunSplit(usize),
    /// Inside a text element's content (its index): text element and run are split.
    TextSplit(usize),
    /// A new empty paragraph at the start of the body (a document with no paragraph to
    /// hold the summary).
    NewParagraph,
}

/// Where a comment's points stand with respect to the body's complex fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AroundFields {
    /// Neither point is inside a field.
    Clear,
    /// A point was inside a one-paragraph field: the range now encloses the whole field.
    Widened((Point, Point)),
    /// A point is inside a field that spans paragraphs: the comment goes just before its
    /// begin run.
    Before(Point),
    /// A field is in the way and its edges cannot take marks.
    Blocked,
}

/// An insertion point in the main part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Point {
    at: usize,
    wrap: Wrap,
}

#[derive(Debug)]
struct Mark {
    id: String,
    start: bool,
}

struct Plan<'a> {
    xml: &'a [u8],
    scan: &'a Scan,
    report: &'a Report,
    main: &'a str,
    /// Per notes part: endnotes or not, and the id and byte range of each note.
    notes: HashMap<String, (bool, scan::Notes)>,
}

impl Plan<'_> {
    fn new<'a>(xml: &'a [u8], scan: &'a Scan, report: &'a Report, main: &'a str) -> Plan<'a> {
        Plan {
            xml,
            scan,
            report,
            main,
            notes: HashMap::new(),
        }
    }

    /// The block's origin runs, when the block is in the main part.
    fn main_block(&self, index: usize) -> Option<&Block> {
        let block = self.report.document.blocks.get(index)?;
        let origin = block.docx.as_ref()?;
        (&*origin.part == self.main).then_some(block)
    }

    /// Every run the report's main-part blocks recorded is in these bytes with the same
    /// text: otherwise the offsets would point at another document's words.
    fn verify(&self) -> Result<(), AnnotateError> {
        for (i, block) in self.report.document.blocks.iter().enumerate() {
            if self.main_block(i).is_none() {
                continue;
            }
            for r in block.docx.iter().flat_map(|o| &o.runs) {
                let same = self.scan.text_at(r.xml.start).and_then(|ti| {
                    let t = self.scan.texts.get(ti)?;
                    let mut plain = r.text.start;
                    for p in &t.pieces {
                        let expected = block.text.as_bytes().get(plain..plain + p.plain_len)?;
                        let found = self.xml.get(p.xml..p.xml + p.plain_len)?;
                        let equal = expected
                            .iter()
                            .zip(found)
                            .all(|(e, f)| e == f || (*e == b' ' && matches!(f, b'\n' | b'\r')));
                        if !p.atomic && !equal {
                            return None;
                        }
                        plain += p.plain_len;
                    }
                    (plain == r.text.end && t.content.end == r.xml.end).then_some(())
                });
                if same.is_none() {
                    return Err(AnnotateError::mismatch(&format!(
                        "paragraph {} is not where the report saw it",
                        i + 1
                    )));
                }
            }
        }
        Ok(())
    }

    /// Where a comment's points stand with respect to the body's complex fields.
    fn around_fields(&self, (start, end): (Point, Point)) -> AroundFields {
        let before = self.scan.field_around(start.at);
        let after = self.scan.field_around(end.at);
        if before.is_none() && after.is_none() {
            return AroundFields::Clear;
        }
        let edge = |at| Point {
            at,
            wrap: Wrap::Between,
        };
        if let Some(f) = [before, after]
            .into_iter()
            .flatten()
            .find(|f| !f.one_paragraph)
        {
            return if f.begin_safe {
                AroundFields::Before(edge(f.start))
            } else {
                AroundFields::Blocked
            };
        }
        let start = match before {
            Some(f) if f.begin_safe => edge(f.start),
            Some(_) => return AroundFields::Blocked,
            None => start,
        };
        let end = match after {
            Some(f) if f.end_safe => edge(f.end),
            Some(_) => return AroundFields::Blocked,
            None => end,
        };
        AroundFields::Widened((start, end))
    }

    /// Where to anchor a finding, and the location to name when it is not on its words.
    fn place(&self, d: &Diagnostic) -> (Anchor, Option<(Point, Point)>, Option<String>) {
        let Some(index) = d.block else {
            return (Anchor::FirstParagraph, None, None);
        };
        let Some(block) = self.report.document.blocks.get(index) else {
            return (Anchor::FirstParagraph, None, None);
        };
        let excerpt = excerpt(&self.report.document.text, &d.span);
        let located = |place: &str| match &excerpt {
            Some(e) => format!("Where: {place}, \u{201c}{e}\u{201d}"),
            None => format!("Where: {place}"),
        };
        // The place named when the comment cannot stand on the finding's words.
        let place = || match block.kind {
            BlockKind::Header => "in the page header".to_owned(),
            BlockKind::Footer => "in the page footer".to_owned(),
            BlockKind::Footnote => "in a footnote".to_owned(),
            BlockKind::Endnote => "in an endnote".to_owned(),
            BlockKind::Comment => match block.comment.as_ref().and_then(|c| c.author.clone()) {
                Some(a) => format!("in a comment by {a}"),
                None => "in a comment".to_owned(),
            },
            BlockKind::TextBox => "in a text box".to_owned(),
            _ => format!("in paragraph {}", index + 1),
        };
        let elsewhere = || (Anchor::FirstParagraph, None, Some(located(&place())));
        let (anchor, points, location) =
            self.place_ignoring_fields(d, index, block, &located, &elsewhere);
        let Some(points) = points else {
            return (anchor, points, location);
        };
        match self.around_fields(points) {
            AroundFields::Clear => (anchor, Some(points), location),
            AroundFields::Widened(points) => {
                let anchor = if anchor == Anchor::Words {
                    Anchor::Field
                } else {
                    anchor
                };
                (anchor, Some(points), location)
            }
            AroundFields::Before(point) => {
                let how = match block.kind {
                    BlockKind::Footnote | BlockKind::Endnote => "marked in the result",
                    _ => "in the result",
                };
                let location =
                    located(&format!("{}, {how} of the field that begins here", place()));
                (Anchor::FieldStart, Some((point, point)), Some(location))
            }
            AroundFields::Blocked => elsewhere(),
        }
    }

    /// [`Plan::place`] before the fields are considered.
    fn place_ignoring_fields(
        &self,
        d: &Diagnostic,
        index: usize,
        block: &Block,
        located: &dyn Fn(&str) -> String,
        elsewhere: &dyn Fn() -> (Anchor, Option<(Point, Point)>, Option<String>),
    ) -> (Anchor, Option<(Point, Point)>, Option<String>) {
        if let Some(points) = self.note_reference(block) {
            let which = if block.kind == BlockKind::Endnote {
                "endnote"
            } else {
                "footnote"
            };
            let location = located(&format!("in the {which} marked here"));
            return (Anchor::NoteReference, Some(points), Some(location));
        }
        if !block.kind.is_prose() || self.main_block(index).is_none() {
            return elsewhere();
        }
        let extent = block.map.view_extent();
        let plain = if d.span.start >= extent.start && d.span.end <= extent.end {
            d.span.start - extent.start..d.span.end - extent.start
        } else {
            0..0
        };
        if !plain.is_empty() && block.map.to_view(plain.clone()) == d.span {
            if let Some(points) = self.words(block, plain) {
                return (Anchor::Words, Some(points), None);
            }
        }
        if let Some(points) = self.whole(block) {
            return (Anchor::Paragraph, Some(points), None);
        }
        match self.holder(block) {
            Some(points) => {
                let (_, _, location) = elsewhere();
                (Anchor::Holder, Some(points), location)
            }
            None => elsewhere(),
        }
    }

    /// Points around the body's reference mark of the note a block is in.
    fn note_reference(&self, block: &Block) -> Option<(Point, Point)> {
        let origin = block.docx.as_ref()?;
        let (endnote, ranges) = self.notes.get(&*origin.part)?;
        let at = origin.runs.first()?.xml.start;
        let (id, _) = ranges.iter().find(|(_, r)| r.contains(&at))?;
        let run = self
            .scan
            .note_refs
            .iter()
            .find(|(e, i, _)| e == endnote && i == id)
            .and_then(|(_, _, run)| self.scan.runs.get(*run))?;
        run.safe.then_some((
            Point {
                at: run.start,
                wrap: Wrap::Between,
            },
            Point {
                at: run.end,
                wrap: Wrap::Between,
            },
        ))
    }

    /// Points around exactly the words `plain` of a block.
    fn words(&self, block: &Block, plain: Range<usize>) -> Option<(Point, Point)> {
        let runs = &block.docx.as_ref()?.runs;
        let start = match runs
            .iter()
            .find(|r| r.text.start <= plain.start && plain.start < r.text.end)
        {
            Some(r) => self.point_in(r, plain.start)?,
            None => {
                let r = runs.iter().find(|r| r.text.start >= plain.start)?;
                self.point_in(r, r.text.start)?
            }
        };
        let end = match runs
            .iter()
            .find(|r| r.text.start < plain.end && plain.end <= r.text.end)
        {
            Some(r) => self.point_in(r, plain.end)?,
            None => {
                let r = runs.iter().rev().find(|r| r.text.end <= plain.end)?;
                self.point_in(r, r.text.end)?
            }
        };
        (start.at < end.at).then_some((start, end))
    }

    /// The point at plain offset `o` of run `r` (which contains it or ends at it).
    fn point_in(&self, r: &crate::document::RunSpan, o: usize) -> Option<Point> {
        let ti = self.scan.text_at(r.xml.start)?;
        let t = self.scan.texts.get(ti)?;
        let run = self.scan.runs.get(t.run)?;
        if t.content.end != r.xml.end || !run.safe {
            return None;
        }
        let total: usize = t.pieces.iter().map(|p| p.plain_len).sum();
        if total != r.text.len() {
            return None;
        }
        let rel = o.checked_sub(r.text.start)?;
        if rel == 0 {
            return Some(if t.ordinal == 0 {
                Point {
                    at: run.start,
                    wrap: Wrap::Between,
                }
            } else {
                Point {
                    at: t.tag_start,
                    wrap: Wrap::RunSplit(ti),
                }
            });
        }
        if rel == total {
            return Some(if t.ordinal + 1 == run.children {
                Point {
                    at: run.end,
                    wrap: Wrap::Between,
                }
            } else {
                Point {
                    at: t.end,
                    wrap: Wrap::RunSplit(ti),
                }
            });
        }
        let mut acc = 0;
        for p in &t.pieces {
            if acc == rel {
                return Some(Point {
                    at: p.xml,
                    wrap: Wrap::TextSplit(ti),
                });
            }
            if rel < acc + p.plain_len {
                if p.atomic {
                    return None;
                }
                return Some(Point {
                    at: p.xml + (rel - acc),
                    wrap: Wrap::TextSplit(ti),
                });
            }
            acc += p.plain_len;
        }
        None
    }

    /// Points around a whole block: the content of the paragraph(s) its runs are in.
    fn whole(&self, block: &Block) -> Option<(Point, Point)> {
        self.around_paragraphs(block, Some)
    }

    /// Points around the body paragraph(s) holding the text box a block is in.
    fn holder(&self, block: &Block) -> Option<(Point, Point)> {
        self.around_paragraphs(block, |p| self.scan.paragraphs.get(p.holder?))
    }

    /// Points around the paragraphs that `to` maps the block's first and last paragraphs to,
    /// when both can hold comment marks.
    fn around_paragraphs<'s>(
        &'s self,
        block: &Block,
        to: impl Fn(&'s scan::ParagraphEl) -> Option<&'s scan::ParagraphEl>,
    ) -> Option<(Point, Point)> {
        let runs = &block.docx.as_ref()?.runs;
        let paragraph = |xml: usize| {
            let t = self.scan.texts.get(self.scan.text_at(xml)?)?;
            let p = to(self.scan.paragraphs.get(t.paragraph?)?)?;
            p.safe.then_some(p)
        };
        let first = paragraph(runs.first()?.xml.start)?;
        let last = paragraph(runs.last()?.xml.start)?;
        (first.content < last.end_tag).then_some((
            Point {
                at: first.content,
                wrap: Wrap::Between,
            },
            Point {
                at: last.end_tag,
                wrap: Wrap::Between,
            },
        ))
    }

    /// The first body paragraph that can hold a comment (not one in a field's result); a new
    /// empty paragraph at the start of the body when there is none (an empty paragraph adds no
    /// text).
    fn first_paragraph(&self) -> (Point, Point) {
        let found = self
            .report
            .document
            .blocks
            .iter()
            .enumerate()
            .filter(|(i, b)| {
                self.main_block(*i).is_some() && b.kind.is_prose() && b.kind != BlockKind::TextBox
            })
            .filter_map(|(_, b)| self.whole(b))
            .find(|&points| self.around_fields(points) == AroundFields::Clear);
        found.unwrap_or_else(|| {
            let at = self.scan.body_content.unwrap_or(0);
            let p = Point {
                at,
                wrap: Wrap::NewParagraph,
            };
            (p, p)
        })
    }

    /// The main part with every mark spliced in.
    fn splice(&self, marks: &BTreeMap<(usize, Wrap), Vec<Mark>>) -> Vec<u8> {
        let (w, decl) = package::w_prefix(&self.scan.prefix, self.scan.strict);
        let mut inserts: Vec<(usize, Vec<u8>)> = Vec::new();
        let mut preserved: HashSet<usize> = HashSet::new();
        for (&(at, wrap), group) in marks {
            // Ends of comments that started before this point first, then starts, then each
            // comment that starts and ends here (a point: in a new empty paragraph, or just
            // before a field), its start right before its end.
            let starts: HashSet<&str> = group
                .iter()
                .filter(|m| m.start)
                .map(|m| m.id.as_str())
                .collect();
            let ends: HashSet<&str> = group
                .iter()
                .filter(|m| !m.start)
                .map(|m| m.id.as_str())
                .collect();
            let mut sorted: Vec<&Mark> = group.iter().collect();
            sorted.sort_by_key(|m| {
                let id = m.id.as_str();
                if starts.contains(id) && ends.contains(id) {
                    (2, id, !m.start)
                } else {
                    (u8::from(m.start), "", false)
                }
            });
            let mut inner = String::new();
            for m in sorted {
                if m.start {
                    inner.push_str(&format!("<{w}commentRangeStart{decl} {w}id=\"{}\"/>", m.id));
                } else {
                    inner.push_str(&format!(
                        "<{w}commentRangeEnd{decl} {w}id=\"{0}\"/><{w}r{decl}><{w}commentReference {w}id=\"{0}\"/></{w}r>",
                        m.id
                    ));
                }
            }
            let bytes = match wrap {
                Wrap::NewParagraph => format!("<{w}p{decl}>{inner}</{w}p>").into_bytes(),
                Wrap::Between => inner.into_bytes(),
                Wrap::RunSplit(ti) | Wrap::TextSplit(ti) => {
                    let Some(t) = self.scan.texts.get(ti) else {
                        continue;
                    };
                    let Some(run) = self.scan.runs.get(t.run) else {
                        continue;
                    };
                    let run_open = self.xml.get(run.start..run.tag_end).unwrap_or_default();
                    let run_name = qname(run_open);
                    let props = run
                        .properties
                        .clone()
                        .and_then(|p| self.xml.get(p))
                        .unwrap_or_default();
                    let mut out = Vec::new();
                    let text_split = matches!(wrap, Wrap::TextSplit(_));
                    let t_open = self
                        .xml
                        .get(t.tag_start..t.content.start)
                        .unwrap_or_default();
                    if text_split {
                        out.extend_from_slice(format!("</{}>", qname(t_open)).as_bytes());
                    }
                    out.extend_from_slice(format!("</{run_name}>").as_bytes());
                    out.extend_from_slice(inner.as_bytes());
                    out.extend_from_slice(run_open);
                    out.extend_from_slice(props);
                    if text_split {
                        // Both halves keep their edge spaces: Word drops them otherwise.
                        let preserve = !contains(t_open, b"xml:space");
                        if preserve && preserved.insert(ti) {
                            inserts
                                .push((t.content.start - 1, b" xml:space=\"preserve\"".to_vec()));
                        }
                        out.extend_from_slice(&with_preserve(t_open));
                    }
                    out
                }
            };
            inserts.push((at, bytes));
        }
        package::splice(self.xml, inserts)
    }
}

/// The qualified name of a start tag (`w:r` of `<w:r w:rsidR="00AB">`).
fn qname(start_tag: &[u8]) -> String {
    let name: Vec<u8> = start_tag
        .iter()
        .skip(1)
        .take_while(|&&b| !(b.is_ascii_whitespace() || b == b'>' || b == b'/'))
        .copied()
        .collect();
    String::from_utf8_lossy(&name).into_owned()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A `w:t` start tag with `xml:space="preserve"`.
fn with_preserve(start_tag: &[u8]) -> Vec<u8> {
    if contains(start_tag, b"xml:space") {
        return start_tag.to_vec();
    }
    let mut out = start_tag
        .get(..start_tag.len().saturating_sub(1))
        .unwrap_or_default()
        .to_vec();
    out.extend_from_slice(b" xml:space=\"preserve\">");
    out
}

/// The finding's words, shortened for a comment.
fn excerpt(text: &str, span: &Range<usize>) -> Option<String> {
    let words = text.get(span.clone())?.trim();
    if words.is_empty() {
        return None;
    }
    let mut out: String = words.chars().take(80).collect();
    if words.chars().count() > 80 {
        out.push('\u{2026}');
    }
    Some(out)
}

/// A finding's comment: rule and message, then help, then the suggestion, then where.
fn comment_lines(d: &Diagnostic, location: Option<String>) -> Vec<String> {
    let mut lines = vec![format!("{} ({}): {}", d.rule, d.severity, d.message)];
    if let Some(h) = &d.help {
        lines.push(h.clone());
    }
    if !d.suggestions.is_empty() {
        let quoted: Vec<String> = d
            .suggestions
            .iter()
            .map(|s| format!("\u{201c}{s}\u{201d}"))
            .collect();
        lines.push(format!("Suggested: {}", quoted.join(" or ")));
    }
    lines.extend(location);
    lines
}

/// The summary comment: counts by severity and the command that reproduces them.
fn summary(report: &Report, options: &Options) -> Vec<String> {
    let count = |s: Severity| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let command = options
        .command
        .clone()
        .unwrap_or_else(|| format!("retainer-lint {}", report.name));
    vec![
        format!(
            "retainer-lint review: {}, {}, {}",
            plural(count(Severity::Error), "error", "errors"),
            plural(count(Severity::Warning), "warning", "warnings"),
            plural(count(Severity::Info), "note", "notes"),
        ),
        format!("Reproduce: {command}"),
    ]
}

/// Now, as a W3C date-time in UTC (`2026-01-31T09:00:00Z`).
fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    iso_date(secs)
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
fn iso_date(secs: u64) -> String {
    let (year, month, day) = crate::drafting::civil_from_days((secs / 86_400) as i64);
    let rem = secs % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_civil() {
        assert_eq!(iso_date(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_date(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso_date(1_796_217_661), "2026-12-02T13:21:01Z");
    }

    #[test]
    fn ids_skip_used_ones() {
        let used: HashSet<String> = ["0", "3", "x"].iter().map(|s| s.to_string()).collect();
        let mut ids = Ids::new(used);
        assert_eq!(ids.next(), "4");
        assert_eq!(ids.next(), "5");
    }

    #[test]
    fn preserve_is_added_once() {
        assert_eq!(
            with_preserve(b"<w:t>"),
            b"<w:t xml:space=\"preserve\">".to_vec()
        );
        assert_eq!(
            with_preserve(b"<w:t xml:space=\"preserve\">"),
            b"<w:t xml:space=\"preserve\">".to_vec()
        );
        assert_eq!(qname(b"<ns0:r ns0:rsidR=\"1\">"), "ns0:r");
    }
}

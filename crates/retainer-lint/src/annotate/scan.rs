//! One pass over the main document part that records where comment marks may be spliced in:
//! every `w:t` with its run and paragraph, the byte offsets of their tags, and the comment ids
//! already used. Nothing is rewritten here; the plan in `mod.rs` decides the splices.

use std::ops::Range;

use crate::error::InputError;
use crate::read::docx::xml::{Node, Ns, Tag, Xml};

/// A stretch of a `w:t`'s content: plain text copied byte for byte, or something that must
/// not be cut (an entity, a CDATA section).
#[derive(Debug, Clone, Copy)]
pub(super) struct Piece {
    pub xml: usize,
    pub plain_len: usize,
    /// An entity or CDATA section: a split may fall before or after it, never inside.
    pub atomic: bool,
}

/// One `w:t` element whose parent is a `w:r`.
#[derive(Debug, Clone)]
pub(super) struct TextEl {
    /// Offset of the `<` of its start tag.
    pub tag_start: usize,
    /// Its content (between the start and end tags).
    pub content: Range<usize>,
    /// Offset just past its end tag.
    pub end: usize,
    pub pieces: Vec<Piece>,
    /// Index in [`Scan::runs`].
    pub run: usize,
    /// Its position among the run's children (run properties not counted).
    pub ordinal: usize,
    /// Index in [`Scan::paragraphs`] of the innermost paragraph it is in.
    pub paragraph: Option<usize>,
}

/// One `w:r` element.
#[derive(Debug, Clone)]
pub(super) struct RunEl {
    /// Offset of the `<` of its start tag.
    pub start: usize,
    /// Offset just past its start tag.
    pub tag_end: usize,
    /// Its `w:rPr`, copied onto both halves of a split.
    pub properties: Option<Range<usize>>,
    /// Offset just past its end tag.
    pub end: usize,
    /// Children other than the run properties.
    pub children: usize,
    /// Comment marks may stand right beside it: its parent takes range markup and it is not
    /// in a text box, an alternate-content branch or an equation.
    pub safe: bool,
}

/// One `w:p` element with content.
#[derive(Debug, Clone)]
pub(super) struct ParagraphEl {
    /// Offset just past the paragraph properties (or the start tag when it has none): where
    /// content begins.
    pub content: usize,
    /// Offset of the `</` of its end tag.
    pub end_tag: usize,
    pub safe: bool,
    /// For a paragraph in a text box: the nearest body paragraph that holds it.
    pub holder: Option<usize>,
}

/// One complex field of the body (`w:fldChar` begin … separate … end), the outermost of any
/// nesting. Word rebuilds a field's result when it updates the field, and LibreOffice loses
/// the text of a comment whose marks fall inside a result that spans paragraphs: comment marks
/// go around a field, never into it.
#[derive(Debug, Clone)]
pub(super) struct FieldEl {
    /// Offset of the `<` of the run holding its `begin`.
    pub start: usize,
    /// Offset just past the run holding its `end`; the end of the part when it never ends.
    pub end: usize,
    /// Its begin and end are in the same paragraph.
    pub one_paragraph: bool,
    /// Comment marks may stand right before its begin run.
    pub begin_safe: bool,
    /// Comment marks may stand right after its end run.
    pub end_safe: bool,
}

/// A field being read: its begin run and paragraph, its end run once seen.
#[derive(Debug, Clone, Copy)]
struct OpenField {
    begin: usize,
    paragraph: Option<usize>,
    end: Option<(usize, Option<usize>)>,
}

/// What the scan found.
#[derive(Debug, Default)]
pub(super) struct Scan {
    /// Sorted by content start.
    pub texts: Vec<TextEl>,
    pub runs: Vec<RunEl>,
    pub paragraphs: Vec<ParagraphEl>,
    /// Ids of the comment marks already in the part.
    pub comment_ids: Vec<String>,
    /// The body's outermost complex fields, in document order.
    pub fields: Vec<FieldEl>,
    /// Footnote and endnote reference marks: endnote or not, the note id, the run holding it.
    pub note_refs: Vec<(bool, String, usize)>,
    /// Offset just past the `w:body` start tag.
    pub body_content: Option<usize>,
    /// The prefix the part uses for WordprocessingML, with its colon (`w:`), or empty.
    pub prefix: String,
    /// True for a strict OOXML document.
    pub strict: bool,
}

impl Scan {
    /// The text element whose content starts at `xml`.
    pub fn text_at(&self, xml: usize) -> Option<usize> {
        self.texts
            .binary_search_by_key(&xml, |t| t.content.start)
            .ok()
    }

    /// The outermost field that has `at` strictly inside it (between the start of its begin
    /// run and the end of its end run).
    pub fn field_around(&self, at: usize) -> Option<&FieldEl> {
        let i = self.fields.partition_point(|f| f.start < at);
        let f = self.fields.get(i.checked_sub(1)?)?;
        (at < f.end).then_some(f)
    }
}

#[derive(Debug)]
enum Open {
    Paragraph(usize),
    Run(usize),
    Text(usize),
    /// `w:pPr` directly in a paragraph, `w:rPr` directly in a run: their end is recorded.
    Properties,
    /// An element in which comment marks must not be put.
    Unsafe,
    Other {
        /// A WordprocessingML element that takes runs and range markup.
        takes_runs: bool,
    },
}

/// Containers whose runs may have comment marks beside them.
fn takes_runs(local: &[u8]) -> bool {
    matches!(
        local,
        b"p" | b"hyperlink"
            | b"ins"
            | b"moveTo"
            | b"smartTag"
            | b"customXml"
            | b"sdtContent"
            | b"fldSimple"
            | b"dir"
            | b"bdo"
    )
}

pub(super) fn scan(bytes: &[u8], part: &str, max_depth: usize) -> Result<Scan, InputError> {
    let mut xml = Xml::new(bytes, part, max_depth);
    let mut out = Scan::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut unsafe_depth = 0usize;
    let mut paragraphs: Vec<usize> = Vec::new();
    // Complex fields nest: only the outermost is recorded, so a depth is all the state.
    let mut field_depth = 0usize;
    let mut fields: Vec<OpenField> = Vec::new();
    let mut seen_root = false;
    loop {
        let before = xml.position();
        let node = xml.next()?;
        let at = xml.position();
        match node {
            Node::Start(tag) => {
                if !seen_root {
                    seen_root = true;
                    root(&mut out, &tag, bytes.get(before..at).unwrap_or_default());
                }
                field_char(
                    &tag,
                    &stack,
                    unsafe_depth,
                    &paragraphs,
                    &mut field_depth,
                    &mut fields,
                )?;
                let open = open(
                    &mut out,
                    &tag,
                    before,
                    at,
                    &stack,
                    unsafe_depth,
                    &paragraphs,
                )?;
                match open {
                    Open::Unsafe => unsafe_depth += 1,
                    Open::Paragraph(i) => paragraphs.push(i),
                    _ => {}
                }
                stack.push(open);
            }
            Node::Empty(tag) => {
                count_child(&mut out, &tag, &stack);
                comment_mark(&mut out, &tag)?;
                note_ref(&mut out, &tag, &stack)?;
                field_char(
                    &tag,
                    &stack,
                    unsafe_depth,
                    &paragraphs,
                    &mut field_depth,
                    &mut fields,
                )?;
                if tag.ns == Ns::W {
                    match (tag.local(), stack.last()) {
                        (b"pPr", Some(Open::Paragraph(i))) => {
                            if let Some(p) = out.paragraphs.get_mut(*i) {
                                p.content = at;
                            }
                        }
                        (b"rPr", Some(Open::Run(i))) => {
                            if let Some(r) = out.runs.get_mut(*i) {
                                r.properties = Some(before..at);
                            }
                        }
                        _ => {}
                    }
                }
            }
            Node::End { at: end_tag } => match stack.pop() {
                Some(Open::Paragraph(i)) => {
                    paragraphs.pop();
                    if let Some(p) = out.paragraphs.get_mut(i) {
                        p.end_tag = end_tag;
                    }
                }
                Some(Open::Run(i)) => {
                    if let Some(r) = out.runs.get_mut(i) {
                        r.end = at;
                    }
                }
                Some(Open::Text(i)) => {
                    if let Some(t) = out.texts.get_mut(i) {
                        t.content.end = end_tag;
                        t.end = at;
                    }
                }
                Some(Open::Properties) => match stack.last() {
                    Some(Open::Paragraph(i)) => {
                        if let Some(p) = out.paragraphs.get_mut(*i) {
                            p.content = at;
                        }
                    }
                    Some(Open::Run(i)) => {
                        if let Some(r) = out.runs.get_mut(*i) {
                            r.properties = r.properties.clone().map(|p| p.start..at);
                        }
                    }
                    _ => {}
                },
                Some(Open::Unsafe) => unsafe_depth -= 1,
                Some(Open::Other { .. }) | None => {}
            },
            Node::Text { text } => {
                if let Some(Open::Text(i)) = stack.last() {
                    let cdata = bytes.get(before..).is_some_and(|b| b.starts_with(b"<!["));
                    if let Some(t) = out.texts.get_mut(*i) {
                        t.pieces.push(Piece {
                            xml: before,
                            plain_len: text.len(),
                            atomic: cdata || at - before != text.len(),
                        });
                    }
                }
            }
            // An entity or character reference is one indivisible piece of the text.
            Node::Entity(_) | Node::Char(_) => {
                let plain_len = match node {
                    Node::Entity(text) => text.len(),
                    Node::Char(c) => c.len_utf8(),
                    _ => 0,
                };
                if let Some(Open::Text(i)) = stack.last() {
                    if let Some(t) = out.texts.get_mut(*i) {
                        t.pieces.push(Piece {
                            xml: before,
                            plain_len,
                            atomic: true,
                        });
                    }
                }
            }
            Node::Eof => break,
        }
    }
    out.texts.sort_by_key(|t| t.content.start);
    out.fields = fields
        .iter()
        .filter_map(|f| {
            let begin = out.runs.get(f.begin)?;
            let (end, end_safe, one_paragraph) = match f.end {
                Some((run, paragraph)) => {
                    let run = out.runs.get(run)?;
                    (run.end, run.safe, paragraph == f.paragraph)
                }
                None => (bytes.len(), false, false),
            };
            Some(FieldEl {
                start: begin.start,
                end,
                one_paragraph,
                begin_safe: begin.safe,
                end_safe,
            })
        })
        .collect();
    Ok(out)
}

/// A `w:fldChar` of a body run: opens or closes a field.
fn field_char(
    tag: &Tag<'_>,
    stack: &[Open],
    unsafe_depth: usize,
    paragraphs: &[usize],
    depth: &mut usize,
    fields: &mut Vec<OpenField>,
) -> Result<(), InputError> {
    if !(tag.ns == Ns::W && tag.local() == b"fldChar") || unsafe_depth > 0 {
        return Ok(());
    }
    let Some(Open::Run(run)) = stack.last() else {
        return Ok(());
    };
    let paragraph = paragraphs.last().copied();
    match tag.attr(b"fldCharType")?.as_deref() {
        Some("begin") => {
            if *depth == 0 {
                fields.push(OpenField {
                    begin: *run,
                    paragraph,
                    end: None,
                });
            }
            *depth += 1;
        }
        Some("end") if *depth > 0 => {
            *depth -= 1;
            if *depth == 0 {
                if let Some(f) = fields.last_mut() {
                    f.end = Some((*run, paragraph));
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// The prefix and flavour of WordprocessingML from the root start tag.
fn root(out: &mut Scan, tag: &Tag<'_>, raw: &[u8]) {
    let qname = tag.qname();
    out.prefix = match qname.iter().position(|&b| b == b':') {
        Some(i) => String::from_utf8_lossy(qname.get(..=i).unwrap_or_default()).into_owned(),
        None => String::new(),
    };
    out.strict = raw
        .windows(b"purl.oclc.org/ooxml/wordprocessingml".len())
        .any(|w| w == b"purl.oclc.org/ooxml/wordprocessingml");
}

fn count_child(out: &mut Scan, tag: &Tag<'_>, stack: &[Open]) {
    if let Some(Open::Run(i)) = stack.last() {
        if !(tag.ns == Ns::W && tag.local() == b"rPr") {
            if let Some(r) = out.runs.get_mut(*i) {
                r.children += 1;
            }
        }
    }
}

fn note_ref(out: &mut Scan, tag: &Tag<'_>, stack: &[Open]) -> Result<(), InputError> {
    let endnote = match (tag.ns, tag.local()) {
        (Ns::W, b"footnoteReference") => false,
        (Ns::W, b"endnoteReference") => true,
        _ => return Ok(()),
    };
    if let (Some(Open::Run(run)), Some(id)) = (stack.last(), tag.attr(b"id")?) {
        out.note_refs.push((endnote, id, *run));
    }
    Ok(())
}

/// The notes of a notes part: each note's id and byte range.
pub(super) type Notes = Vec<(String, Range<usize>)>;

/// The id and byte range of every `w:footnote` / `w:endnote` of a notes part.
pub(super) fn notes(bytes: &[u8], part: &str, max_depth: usize) -> Result<Notes, InputError> {
    let mut xml = Xml::new(bytes, part, max_depth);
    let mut out = Vec::new();
    let mut open: Option<(String, usize, usize)> = None;
    loop {
        let before = xml.position();
        match xml.next()? {
            Node::Start(tag)
                if tag.ns == Ns::W && matches!(tag.local(), b"footnote" | b"endnote") =>
            {
                open = Some((tag.attr(b"id")?.unwrap_or_default(), before, xml.depth()));
            }
            Node::End { at } => {
                if let Some((id, start, depth)) = open.take() {
                    if xml.depth() + 1 == depth {
                        out.push((id, start..at));
                    } else {
                        open = Some((id, start, depth));
                    }
                }
            }
            Node::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn comment_mark(out: &mut Scan, tag: &Tag<'_>) -> Result<(), InputError> {
    if tag.ns == Ns::W
        && matches!(
            tag.local(),
            b"commentRangeStart" | b"commentRangeEnd" | b"commentReference"
        )
    {
        if let Some(id) = tag.attr(b"id")? {
            out.comment_ids.push(id);
        }
    }
    Ok(())
}

fn open(
    out: &mut Scan,
    tag: &Tag<'_>,
    start: usize,
    tag_end: usize,
    stack: &[Open],
    unsafe_depth: usize,
    paragraphs: &[usize],
) -> Result<Open, InputError> {
    let paragraph = paragraphs.last().copied();
    let local = tag.local();
    count_child(out, tag, stack);
    comment_mark(out, tag)?;
    let parent_takes_runs = match stack.last() {
        Some(Open::Paragraph(_)) => true,
        Some(Open::Other { takes_runs }) => *takes_runs,
        _ => false,
    };
    Ok(match tag.ns {
        Ns::W => match local {
            b"p" => {
                let holder = paragraphs
                    .iter()
                    .rev()
                    .copied()
                    .find(|&i| out.paragraphs.get(i).is_some_and(|p| p.safe));
                out.paragraphs.push(ParagraphEl {
                    content: tag_end,
                    end_tag: tag_end,
                    safe: unsafe_depth == 0,
                    holder,
                });
                Open::Paragraph(out.paragraphs.len() - 1)
            }
            b"r" => {
                out.runs.push(RunEl {
                    start,
                    tag_end,
                    properties: None,
                    end: tag_end,
                    children: 0,
                    safe: unsafe_depth == 0 && parent_takes_runs,
                });
                Open::Run(out.runs.len() - 1)
            }
            b"t" => match stack.last() {
                Some(Open::Run(r)) => {
                    let ordinal = out.runs.get(*r).map_or(0, |r| r.children.saturating_sub(1));
                    out.texts.push(TextEl {
                        tag_start: start,
                        content: tag_end..tag_end,
                        end: tag_end,
                        pieces: Vec::new(),
                        run: *r,
                        ordinal,
                        paragraph,
                    });
                    Open::Text(out.texts.len() - 1)
                }
                _ => Open::Other { takes_runs: false },
            },
            b"pPr" if matches!(stack.last(), Some(Open::Paragraph(_))) => Open::Properties,
            b"rPr" if matches!(stack.last(), Some(Open::Run(_))) => {
                if let Some(Open::Run(r)) = stack.last() {
                    if let Some(run) = out.runs.get_mut(*r) {
                        run.properties = Some(start..tag_end);
                    }
                }
                Open::Properties
            }
            b"txbxContent" => Open::Unsafe,
            b"body" => {
                out.body_content.get_or_insert(tag_end);
                Open::Other { takes_runs: false }
            }
            _ => Open::Other {
                takes_runs: takes_runs(local),
            },
        },
        Ns::Mc if local == b"AlternateContent" => Open::Unsafe,
        Ns::Math => Open::Unsafe,
        _ => Open::Other { takes_runs: false },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_the_outermost_ones_of_the_body() {
        // A field in a text box (its own story), then a field nested in another in one
        // paragraph, then a field that begins and never ends.
        let xml = concat!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
            r#"<w:p><w:r><w:pict><w:txbxContent><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r></w:p></w:txbxContent></w:pict></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            r#"<w:r><w:t>inside</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>after</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData/></w:fldChar></w:r></w:p>"#,
            r#"<w:p><w:r><w:t>never closed</w:t></w:r></w:p></w:body></w:document>"#,
        );
        let scan = scan(xml.as_bytes(), "word/document.xml", 64).unwrap();
        let at = |s: &str| xml.find(s).unwrap();
        assert_eq!(scan.fields.len(), 2, "{:?}", scan.fields);
        let nested = &scan.fields[0];
        assert!(nested.one_paragraph && nested.begin_safe && nested.end_safe);
        assert_eq!(
            nested.start,
            at(r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:fldChar"#)
        );
        assert_eq!(nested.end, at("<w:r><w:t>after"));
        assert_eq!(
            scan.field_around(at("inside")).map(|f| f.start),
            Some(nested.start)
        );
        assert!(scan.field_around(nested.start).is_none());
        assert!(scan.field_around(nested.end).is_none());
        let open = &scan.fields[1];
        assert!(!open.one_paragraph && open.begin_safe && !open.end_safe);
        assert_eq!(open.end, xml.len());
        assert_eq!(
            scan.field_around(at("never closed")).map(|f| f.start),
            Some(open.start)
        );
    }
}

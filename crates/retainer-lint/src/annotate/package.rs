//! The package side of a review copy: the comments part, its relationship and content type,
//! and the zip written back with every untouched part copied as it was.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::{AnnotateError, AnnotateErrorKind};
use crate::read::docx::xml::{Node, Ns, Xml};

/// The WordprocessingML namespace of a transitional or strict document.
pub(super) fn w_namespace(strict: bool) -> &'static str {
    if strict {
        W_STRICT
    } else {
        W_TRANSITIONAL
    }
}

/// The prefix new elements use, and the declaration each must carry when the part has no
/// prefix for WordprocessingML (a default namespace: attributes need a prefix all the same).
pub(super) fn w_prefix(prefix: &str, strict: bool) -> (String, String) {
    if prefix.is_empty() {
        (
            "w:".to_owned(),
            format!(" xmlns:w=\"{}\"", w_namespace(strict)),
        )
    } else {
        (prefix.to_owned(), String::new())
    }
}

const W_TRANSITIONAL: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const REL_TRANSITIONAL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const REL_STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships/comments";
const RELS_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPES_NS: &str = "http://schemas.openxmlformats.org/package/2006/content-types";
const COMMENTS_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const DOCUMENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

/// The relationships of the main part, as far as a review copy needs them.
#[derive(Debug, Default)]
pub(super) struct Rels {
    ids: HashSet<String>,
    /// The comments part, when the main part already relates one.
    pub comments: Option<String>,
    /// Offset of the root end tag (where a relationship is added), and the root's prefix.
    end: Option<(usize, String)>,
}

pub(super) fn parse_rels(
    bytes: &[u8],
    part: &str,
    max_depth: usize,
) -> Result<Rels, AnnotateError> {
    let mut xml = Xml::new(bytes, part, max_depth);
    let mut rels = Rels::default();
    let mut prefix = String::new();
    loop {
        let node = xml.next().map_err(AnnotateError::input)?;
        match node {
            Node::Start(tag) | Node::Empty(tag) if tag.local() == b"Relationship" => {
                let id = tag.attr(b"Id").map_err(AnnotateError::input)?;
                let kind = tag.attr(b"Type").map_err(AnnotateError::input)?;
                let target = tag.attr(b"Target").map_err(AnnotateError::input)?;
                let external = tag
                    .attr(b"TargetMode")
                    .map_err(AnnotateError::input)?
                    .is_some_and(|m| m.eq_ignore_ascii_case("external"));
                if let Some(id) = id {
                    rels.ids.insert(id);
                }
                if let (Some(kind), Some(target)) = (kind, target) {
                    if !external && kind.rsplit('/').next() == Some("comments") {
                        rels.comments.get_or_insert_with(|| {
                            crate::read::docx::package::resolve_target(part, &target)
                        });
                    }
                }
            }
            Node::Start(tag) if xml.depth() == 1 => prefix = prefix_of(tag.qname()),
            Node::End { at } if xml.depth() == 0 => rels.end = Some((at, prefix.clone())),
            Node::Eof => break,
            _ => {}
        }
    }
    Ok(rels)
}

/// `w:` for `w:comments`, empty for `comments`.
pub(super) fn prefix_of(qname: &[u8]) -> String {
    match qname.iter().position(|&b| b == b':') {
        Some(i) => String::from_utf8_lossy(qname.get(..=i).unwrap_or_default()).into_owned(),
        None => String::new(),
    }
}

/// The relationships part with a relationship to the comments part added.
pub(super) fn add_comments_rel(
    existing: Option<(&[u8], &Rels)>,
    target: &str,
    strict: bool,
) -> Vec<u8> {
    let kind = if strict { REL_STRICT } else { REL_TRANSITIONAL };
    let mut n = 1;
    let ids = existing.map(|(_, r)| &r.ids);
    let id = loop {
        let id = format!("rIdRl{n}");
        if !ids.is_some_and(|ids| ids.contains(&id)) {
            break id;
        }
        n += 1;
    };
    let element = |prefix: &str| {
        format!(
            "<{prefix}Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{}\"/>",
            escape(target)
        )
    };
    match existing {
        Some((
            bytes,
            Rels {
                end: Some((at, prefix)),
                ..
            },
        )) => splice(bytes, vec![(*at, element(prefix).into_bytes())]),
        _ => format!(
            "{XML_DECL}<Relationships xmlns=\"{RELS_NS}\">{}</Relationships>",
            element("")
        )
        .into_bytes(),
    }
}

/// `[Content_Types].xml` with an override for the comments part, when it has none.
pub(super) fn with_comments_type(
    existing: Option<&[u8]>,
    comments: &str,
    main: &str,
    max_depth: usize,
) -> Result<Option<Vec<u8>>, AnnotateError> {
    let part_name = format!("/{comments}");
    let Some(bytes) = existing else {
        return Ok(Some(
            format!(
                "{XML_DECL}<Types xmlns=\"{TYPES_NS}\">\
                 <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
                 <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
                 <Override PartName=\"/{}\" ContentType=\"{DOCUMENT_TYPE}\"/>\
                 <Override PartName=\"{}\" ContentType=\"{COMMENTS_TYPE}\"/></Types>",
                escape(main),
                escape(&part_name)
            )
            .into_bytes(),
        ));
    };
    let mut xml = Xml::new(bytes, "[Content_Types].xml", max_depth);
    let mut prefix = String::new();
    let mut end = None;
    loop {
        let node = xml.next().map_err(AnnotateError::input)?;
        match node {
            Node::Start(tag) | Node::Empty(tag) if tag.local() == b"Override" => {
                let name = tag.attr(b"PartName").map_err(AnnotateError::input)?;
                if name.is_some_and(|n| n.eq_ignore_ascii_case(&part_name)) {
                    return Ok(None);
                }
            }
            Node::Start(tag) if xml.depth() == 1 => prefix = prefix_of(tag.qname()),
            Node::End { at } if xml.depth() == 0 => end = Some(at),
            Node::Eof => break,
            _ => {}
        }
    }
    let Some(at) = end else {
        return Err(AnnotateError::new(
            AnnotateErrorKind::Unsupported,
            "[Content_Types].xml has no root element to add the comments part to",
        ));
    };
    let element = format!(
        "<{prefix}Override PartName=\"{}\" ContentType=\"{COMMENTS_TYPE}\"/>",
        escape(&part_name)
    );
    Ok(Some(splice(bytes, vec![(at, element.into_bytes())])))
}

/// Ids of the comments already in a comments part.
pub(super) fn comment_ids(
    bytes: &[u8],
    part: &str,
    max_depth: usize,
) -> Result<Vec<String>, AnnotateError> {
    let mut xml = Xml::new(bytes, part, max_depth);
    let mut ids = Vec::new();
    loop {
        match xml.next().map_err(AnnotateError::input)? {
            Node::Start(tag) | Node::Empty(tag) if tag.ns == Ns::W && tag.local() == b"comment" => {
                if let Some(id) = tag.attr(b"id").map_err(AnnotateError::input)? {
                    ids.push(id);
                }
            }
            Node::Eof => break,
            _ => {}
        }
    }
    Ok(ids)
}

/// A new comment: id, author, date, initials and its paragraphs of text.
#[derive(Debug, Clone)]
pub(super) struct CommentXml {
    pub id: String,
    pub date: String,
    pub lines: Vec<String>,
}

fn comment_element(prefix: &str, strict: bool, c: &CommentXml) -> String {
    let (p, decl) = w_prefix(prefix, strict);
    let mut s = format!(
        "<{p}comment{decl} {p}id=\"{}\" {p}author=\"{}\" {p}date=\"{}\" {p}initials=\"{}\">",
        escape(&c.id),
        super::AUTHOR,
        escape(&c.date),
        super::INITIALS
    );
    for line in &c.lines {
        s.push_str(&format!(
            "<{p}p><{p}r><{p}t xml:space=\"preserve\">{}</{p}t></{p}r></{p}p>",
            escape(line)
        ));
    }
    s.push_str(&format!("</{p}comment>"));
    s
}

/// The comments part with `new` comments appended, created when there is none.
pub(super) fn with_comments(
    existing: Option<&[u8]>,
    part: &str,
    new: &[CommentXml],
    strict: bool,
    max_depth: usize,
) -> Result<Vec<u8>, AnnotateError> {
    let Some(bytes) = existing else {
        let ns = w_namespace(strict);
        let mut s = format!("{XML_DECL}<w:comments xmlns:w=\"{ns}\">");
        for c in new {
            s.push_str(&comment_element("w:", strict, c));
        }
        s.push_str("</w:comments>");
        return Ok(s.into_bytes());
    };
    let mut xml = Xml::new(bytes, part, max_depth);
    loop {
        let before = xml.position();
        match xml.next().map_err(AnnotateError::input)? {
            Node::Start(tag) if xml.depth() == 1 => {
                let prefix = prefix_of(tag.qname());
                // The root's end tag is the last one: find it, then add before it.
                let mut end = None;
                loop {
                    match xml.next().map_err(AnnotateError::input)? {
                        Node::End { at } if xml.depth() == 0 => end = Some(at),
                        Node::Eof => break,
                        _ => {}
                    }
                }
                let at =
                    end.ok_or_else(|| AnnotateError::mismatch("the comments part has no end"))?;
                let added: String = new
                    .iter()
                    .map(|c| comment_element(&prefix, strict, c))
                    .collect();
                return Ok(splice(bytes, vec![(at, added.into_bytes())]));
            }
            Node::Empty(tag) => {
                // `<w:comments .../>`: open it up.
                let prefix = prefix_of(tag.qname());
                let qname = String::from_utf8_lossy(tag.qname()).into_owned();
                let end = xml.position();
                let raw = bytes.get(before..end).unwrap_or_default();
                let Some(slash) = raw.iter().rposition(|&b| b == b'/') else {
                    return Err(AnnotateError::mismatch(
                        "the comments part is not what it seemed",
                    ));
                };
                let mut out = bytes.get(..before + slash).unwrap_or_default().to_vec();
                out.push(b'>');
                for c in new {
                    out.extend_from_slice(comment_element(&prefix, strict, c).as_bytes());
                }
                out.extend_from_slice(format!("</{qname}>").as_bytes());
                out.extend_from_slice(bytes.get(end..).unwrap_or_default());
                return Ok(out);
            }
            Node::Eof => {
                return Err(AnnotateError::mismatch(
                    "the comments part has no root element",
                ))
            }
            _ => {}
        }
    }
}

/// Insert byte strings at offsets (stable for equal offsets).
pub(super) fn splice(bytes: &[u8], mut inserts: Vec<(usize, Vec<u8>)>) -> Vec<u8> {
    inserts.sort_by_key(|(at, _)| *at);
    let extra: usize = inserts.iter().map(|(_, b)| b.len()).sum();
    let mut out = Vec::with_capacity(bytes.len() + extra);
    let mut from = 0;
    for (at, insert) in inserts {
        let at = at.min(bytes.len());
        out.extend_from_slice(bytes.get(from..at).unwrap_or_default());
        out.extend_from_slice(&insert);
        from = at;
    }
    out.extend_from_slice(bytes.get(from..).unwrap_or_default());
    out
}

/// Escape text for XML content and double-quoted attributes; characters XML 1.0 cannot hold
/// become spaces.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Write the package again: parts named in `replaced` (lower-case names) with their new
/// bytes, every other entry copied as stored (compressed bytes, CRC and all), and `added`
/// parts at the end.
pub(super) fn rewrite(
    original: &[u8],
    replaced: &HashMap<String, Vec<u8>>,
    added: &[(String, Vec<u8>)],
) -> Result<Vec<u8>, AnnotateError> {
    let mut zip = ZipArchive::new(Cursor::new(original)).map_err(write_error)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(original.len() + 16 * 1024)));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for index in 0..zip.len() {
        let name = zip
            .name_for_index(index)
            .map(str::to_owned)
            .unwrap_or_default();
        let key = name.trim_start_matches('/').to_ascii_lowercase();
        match replaced.get(&key) {
            Some(bytes) => {
                out.start_file(name, options).map_err(write_error)?;
                out.write_all(bytes).map_err(|e| write_error(e.into()))?;
            }
            None => {
                let file = zip.by_index_raw(index).map_err(write_error)?;
                out.raw_copy_file(file).map_err(write_error)?;
            }
        }
    }
    for (name, bytes) in added {
        out.start_file(name.as_str(), options)
            .map_err(write_error)?;
        out.write_all(bytes).map_err(|e| write_error(e.into()))?;
    }
    Ok(out.finish().map_err(write_error)?.into_inner())
}

fn write_error(e: zip::result::ZipError) -> AnnotateError {
    AnnotateError::new(
        AnnotateErrorKind::Write,
        format!("the review copy could not be packed: {e}"),
    )
}

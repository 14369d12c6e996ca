//! The DOCX reader: a zip package of WordprocessingML parts, read with `zip` and quick-xml's
//! streaming parser into the one-paragraph-per-line [`Document`] model.
//!
//! Reading order of the text view: the body (tables, nested tables and text boxes in place),
//! then the headers and footers of every section, then footnotes, endnotes and comments.
//! Every resource is bounded by [`Limits`]; hostile input ends as a typed [`InputError`].

mod output;
pub(crate) mod package;
mod story;
mod styles;
pub(crate) mod xml;

use std::collections::HashSet;
use std::sync::Arc;

use crate::document::{BlockKind, Document};
use crate::error::{InputError, InputErrorKind};
use crate::read::Limits;
use output::Output;
use package::{Package, Relationships};
use story::{Story, StoryKind};
use styles::Styles;
use xml::{Node, Xml};

/// Read a DOCX letter from the bytes of its zip package.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document, InputError> {
    let mut package = Package::open(bytes, limits)?;
    let package_rels = package.relationships("")?;
    let main = main_part(&mut package, &package_rels)?;
    let Some(body) = package.read(&main)? else {
        return Err(InputError::new(
            InputErrorKind::MissingPart,
            format!("the document is damaged: its main text part ({main}) is missing"),
        ));
    };
    let rels = package.relationships(&main)?;
    let styles = match package.read(&sibling_part(&rels, &main, "styles", "styles.xml"))? {
        Some(xml) => Styles::parse(&xml, "word/styles.xml", limits.max_depth)?,
        None => Styles::default(),
    };

    let mut out = Output::new(limits);
    let part: Arc<str> = Arc::from(main.as_str());
    story::read(
        &body,
        &Story {
            part,
            kind: StoryKind::Body,
            styles: &styles,
            rels: &rels,
        },
        &mut out,
    )?;
    drop(body);

    // Headers and footers of every section, each part once, in the order sections list them.
    let mut seen = HashSet::new();
    for (kind, id) in out.take_section_parts() {
        let Some(rel) = rels.by_id(&id).filter(|r| !r.external) else {
            continue;
        };
        if !seen.insert(rel.target.clone()) {
            continue;
        }
        let story_kind = if kind == BlockKind::Header {
            StoryKind::Header
        } else {
            StoryKind::Footer
        };
        let target = rel.target.clone();
        read_story_part(&mut package, &target, story_kind, &styles, &mut out)?;
    }
    for (rel_type, default, kind) in [
        ("footnotes", "footnotes.xml", StoryKind::Footnotes),
        ("endnotes", "endnotes.xml", StoryKind::Endnotes),
        ("comments", "comments.xml", StoryKind::Comments),
    ] {
        let name = sibling_part(&rels, &main, rel_type, default);
        read_story_part(&mut package, &name, kind, &styles, &mut out)?;
    }

    let metadata = core_properties(&mut package, &package_rels, limits)?;
    Ok(out.finish(metadata))
}

/// Read one secondary story part, if the package has it, with its own relationships.
fn read_story_part(
    package: &mut Package<'_>,
    name: &str,
    kind: StoryKind,
    styles: &Styles,
    out: &mut Output<'_>,
) -> Result<(), InputError> {
    let Some(bytes) = package.read(name)? else {
        return Ok(());
    };
    let rels = package.relationships(name)?;
    story::read(
        &bytes,
        &Story {
            part: Arc::from(name),
            kind,
            styles,
            rels: &rels,
        },
        out,
    )
}

/// The main document part, from the package relationships (`word/document.xml` when absent).
/// Other Office formats and zips without a Word document are refused here.
pub(crate) fn main_part(
    package: &mut Package<'_>,
    rels: &Relationships,
) -> Result<String, InputError> {
    let declared = rels.target_of_type("officeDocument").map(str::to_owned);
    let candidate = declared
        .clone()
        .unwrap_or_else(|| "word/document.xml".to_owned());
    let lower = candidate.to_ascii_lowercase();
    let other = if lower.starts_with("xl/")
        || package.has("xl/workbook.xml") && !package.has(&candidate)
    {
        Some("an Excel workbook (.xlsx)")
    } else if lower.starts_with("ppt/")
        || package.has("ppt/presentation.xml") && !package.has(&candidate)
    {
        Some("a PowerPoint presentation (.pptx)")
    } else if package.has("mimetype") && package.has("content.xml") && !package.has(&candidate) {
        Some("an OpenDocument file (.odt/.ods/.odp)")
    } else {
        None
    };
    if let Some(what) = other {
        return Err(InputError::new(
            InputErrorKind::NotWordDocument,
            format!("this is {what}, not a Word letter; save the letter as .docx"),
        ));
    }
    if package.has(&candidate) {
        return Ok(candidate);
    }
    if package.has("word/document.xml") {
        return Ok("word/document.xml".to_owned());
    }
    Err(InputError::new(
        InputErrorKind::MissingPart,
        format!(
            "the document is damaged: the package has no main text part ({candidate}); it is a zip file but not a Word document"
        ),
    ))
}

/// A part related to the main part by type, or the conventional name beside it.
fn sibling_part(rels: &Relationships, main: &str, rel_type: &str, default: &str) -> String {
    match rels.target_of_type(rel_type) {
        Some(target) => target.to_owned(),
        None => match main.rsplit_once('/') {
            Some((dir, _)) => format!("{dir}/{default}"),
            None => default.to_owned(),
        },
    }
}

/// Title and author from `docProps/core.xml`.
fn core_properties(
    package: &mut Package<'_>,
    rels: &Relationships,
    limits: &Limits,
) -> Result<Vec<(String, String)>, InputError> {
    let name = rels
        .target_of_type("core-properties")
        .unwrap_or("docProps/core.xml")
        .to_owned();
    let Some(bytes) = package.read(&name)? else {
        return Ok(Vec::new());
    };
    let mut xml = Xml::new(&bytes, &name, limits.max_depth);
    let mut metadata = Vec::new();
    loop {
        match xml.next()? {
            Node::Start(tag) => {
                let key = match tag.local() {
                    b"title" => "title",
                    b"creator" => "creator",
                    _ => continue,
                };
                let value = xml.text_content()?;
                let value = value.trim();
                if !value.is_empty() {
                    metadata.push((key.to_owned(), value.to_owned()));
                }
            }
            Node::Eof => break,
            _ => {}
        }
    }
    Ok(metadata)
}

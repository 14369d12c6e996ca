//! One letter, four files: the Markdown original and the DOCX that pandoc, LibreOffice and
//! docx-rs make of it must read as the same sequence of (kind, plain text) blocks.
//!
//! How the DOCX fixtures were made is in `fixtures/cross-format/README.md`; the docx-rs one is
//! written by [`letter_docx_rs`] below (regenerate with
//! `cargo test -p retainer-lint-tests --test it regenerate_docx_rs_letter -- --ignored`).

use std::path::PathBuf;

use retainer_lint::{read, BlockKind, Document, Format, Limits};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/cross-format")
        .join(name)
}

fn read_fixture(name: &str) -> Document {
    let bytes = std::fs::read(fixture(name)).unwrap();
    let format = retainer_lint::read::detect(&bytes, Some(name));
    read(&bytes, format, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A letter reduced to what every format must agree on.
#[derive(Debug, PartialEq, Eq)]
struct Comparable {
    /// Body blocks in reading order.
    body: Vec<(String, String)>,
    /// Footnote and endnote texts in order.
    notes: Vec<String>,
}

/// The normalisations, each because the formats cannot agree on it (nothing else is changed:
/// kinds, levels, table positions and the words must match exactly):
/// - Page headers and footers are dropped: Markdown has none, and LibreOffice adds a footer
///   with a page-number field that is page furniture, not the letter.
/// - Comment blocks are dropped: Markdown HTML comments do not survive conversion.
/// - Notes are compared as their own sequence: a DOCX keeps them in `footnotes.xml`, so where
///   they fall in reading order is the reader's choice, while Markdown puts them where they
///   are defined.
/// - Leading and trailing whitespace is trimmed: after the footnote mark pandoc writes a
///   space and LibreOffice a tab, which Markdown has no counterpart for.
fn comparable(doc: &Document) -> Comparable {
    let mut body = Vec::new();
    let mut notes = Vec::new();
    for block in &doc.blocks {
        let text = block.text.trim().to_string();
        match block.kind {
            BlockKind::Header | BlockKind::Footer | BlockKind::Comment => {}
            BlockKind::Footnote | BlockKind::Endnote => notes.push(text),
            _ => body.push((block.kind.to_string(), text)),
        }
    }
    Comparable { body, notes }
}

fn assert_same_letter(docx_name: &str) {
    let md = comparable(&read_fixture("letter.md"));
    let docx = comparable(&read_fixture(docx_name));
    // Sanity: the letter is substantial, so agreement means something.
    assert!(md.body.len() >= 30, "{}", md.body.len());
    assert_eq!(md.notes.len(), 1);
    for (i, (m, d)) in md.body.iter().zip(&docx.body).enumerate() {
        assert_eq!(m, d, "{docx_name}: block {i} differs");
    }
    assert_eq!(md.body.len(), docx.body.len(), "{docx_name}: block count");
    assert_eq!(md.notes, docx.notes, "{docx_name}: notes");
}

#[test]
fn letter_md_reads_as_expected() {
    let doc = read_fixture("letter.md");
    assert_eq!(doc.format, Format::Markdown);
    let md = comparable(&doc);
    assert_eq!(md.body[0], ("title".into(), "Letter of Engagement".into()));
    let kinds: Vec<&str> = md.body.iter().map(|(k, _)| k.as_str()).collect();
    for kind in [
        "heading1",
        "paragraph",
        "list-item0",
        "list-item1",
        "table-cell[0,0]",
        "table-cell[3,2]",
    ] {
        assert!(kinds.contains(&kind), "no {kind}");
    }
    let links: Vec<&str> = doc
        .blocks
        .iter()
        .flat_map(|b| b.links.iter().map(|l| l.target.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            "mailto:jane.marsh@brightwater.example",
            "tel:+442079460123",
            "https://www.brightwater.example/complaints",
        ]
    );
    assert!(doc
        .metadata
        .contains(&("client".into(), "Harbourside Bakeries Limited".into())));
}

#[test]
fn pandoc_docx_reads_like_the_markdown() {
    assert_same_letter("letter.pandoc.docx");
}

#[test]
fn libreoffice_docx_reads_like_the_markdown() {
    assert_same_letter("letter.libreoffice.docx");
}

#[test]
fn docx_rs_docx_reads_like_the_markdown() {
    assert_same_letter("letter.docx-rs.docx");
}

#[test]
fn docx_rs_letter_regenerates_to_the_same_blocks() {
    let committed = read_fixture("letter.docx-rs.docx");
    let fresh = read(&letter_docx_rs(), None, &Limits::default()).unwrap();
    let pairs = |d: &Document| -> Vec<(String, String)> {
        d.blocks
            .iter()
            .map(|b| (b.kind.to_string(), b.text.clone()))
            .collect()
    };
    assert_eq!(pairs(&committed), pairs(&fresh));
}

#[test]
fn docx_rs_letter_is_a_word_package_with_the_letters_text() {
    // Checks the generator without the DOCX reader: the package has the parts Word needs and
    // the body XML carries the letter's words, styles, numbering, links and the footnote.
    let bytes = letter_docx_rs();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let document = part("word/document.xml");
    let rels = part("word/_rels/document.xml.rels");
    let footnotes = part("word/footnotes.xml");
    let styles = part("word/styles.xml");
    for needle in [
        r#"w:val="Title""#,
        r#"w:val="Heading1""#,
        "<w:numPr>",
        "<w:tbl>",
        "Brightwater &amp; Cole LLP",
        "w:footnoteReference",
    ] {
        assert!(document.contains(needle), "document.xml lacks {needle}");
    }
    assert!(rels.contains("mailto:jane.marsh@brightwater.example"));
    assert!(footnotes.contains("The estimate assumes"));
    assert!(styles.contains(r#"w:val="heading 1""#));
}

#[test]
#[ignore = "writes the fixture; run by hand after changing letter.md or the generator"]
fn regenerate_docx_rs_letter() {
    std::fs::write(fixture("letter.docx-rs.docx"), letter_docx_rs()).unwrap();
}

/// The letter written with docx-rs from the blocks the Markdown reader finds in `letter.md`:
/// title and heading styles (declared in `styles.xml` with Word's names), numbered list
/// paragraphs with their levels, a table, hyperlinks to the same targets, and the footnote
/// referenced where the Markdown references it.
pub(crate) fn letter_docx_rs() -> Vec<u8> {
    use docx_rs::{
        AbstractNumbering, Docx, Footnote, Hyperlink, HyperlinkType, IndentLevel, Level, LevelJc,
        LevelText, NumberFormat, Numbering, NumberingId, Paragraph, Run, Start, Style, StyleType,
        Table, TableCell, TableRow,
    };

    let doc = read_fixture("letter.md");
    let mut docx = Docx::new()
        .add_style(Style::new("Title", StyleType::Paragraph).name("Title"))
        .add_style(Style::new("FootnoteText", StyleType::Paragraph).name("footnote text"));
    for level in 1..=6 {
        docx = docx.add_style(
            Style::new(format!("Heading{level}"), StyleType::Paragraph)
                .name(format!("heading {level}"))
                .outline_lvl(level - 1),
        );
    }
    // Numbered at the top level and bulleted below, like the Markdown's lists.
    let mut bullets = AbstractNumbering::new(1);
    for level in 0..9 {
        let (format, text) = match level {
            0 => ("decimal", "%1."),
            _ => ("bullet", "•"),
        };
        bullets = bullets.add_level(Level::new(
            level,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        ));
    }
    docx = docx
        .add_abstract_numbering(bullets)
        .add_numbering(Numbering::new(1, 1));

    let footnote_text: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Footnote)
        .map(|b| b.text.as_str())
        .collect();

    // A paragraph's runs: plain text and hyperlinks, with the footnote reference inserted at
    // the plain offset where the Markdown has `[^…]`.
    let paragraph = |block: &retainer_lint::Block| -> Paragraph {
        let mut p = Paragraph::new();
        let text = block.text.as_str();
        let extent = block.map.view_extent();
        let reference = doc.text[extent.clone()]
            .find("[^")
            .map(|at| extent.start + at)
            .and_then(|at| {
                (0..text.len()).find(|&i| block.map.byte(i).is_some_and(|r| r.start >= at))
            });
        let mut cuts: Vec<usize> = vec![0, text.len()];
        cuts.extend(block.links.iter().flat_map(|l| [l.text.start, l.text.end]));
        cuts.extend(reference);
        cuts.sort_unstable();
        cuts.dedup();
        for piece in cuts.windows(2) {
            let (start, end) = (piece[0], piece[1]);
            if Some(start) == reference {
                let mut note = Footnote::new();
                for t in &footnote_text {
                    note = note.add_content(Paragraph::new().add_run(Run::new().add_text(*t)));
                }
                p = p.add_run(Run::new().add_footnote_reference(note));
            }
            let run = Run::new().add_text(&text[start..end]);
            match block.links.iter().find(|l| l.text.start == start) {
                Some(link) => {
                    p = p.add_hyperlink(
                        Hyperlink::new(&link.target, HyperlinkType::External).add_run(run),
                    )
                }
                None => p = p.add_run(run),
            }
        }
        p
    };

    let mut table_rows: Vec<Vec<String>> = Vec::new();
    let blocks = &doc.blocks;
    for (i, block) in blocks.iter().enumerate() {
        match block.kind {
            BlockKind::Title => docx = docx.add_paragraph(paragraph(block).style("Title")),
            BlockKind::Heading { level } => {
                docx = docx.add_paragraph(paragraph(block).style(&format!("Heading{level}")))
            }
            BlockKind::ListItem { level } => {
                docx = docx.add_paragraph(
                    paragraph(block).numbering(NumberingId::new(1), IndentLevel::new(level.into())),
                )
            }
            BlockKind::TableCell { row, .. } => {
                if table_rows.len() <= row as usize {
                    table_rows.push(Vec::new());
                }
                if let Some(cells) = table_rows.last_mut() {
                    cells.push(block.text.clone());
                }
                let table_ends = !matches!(
                    blocks.get(i + 1).map(|b| b.kind),
                    Some(BlockKind::TableCell { .. })
                );
                if table_ends {
                    let columns = table_rows.iter().map(Vec::len).max().unwrap_or(1);
                    let rows = std::mem::take(&mut table_rows)
                        .into_iter()
                        .map(|cells| {
                            TableRow::new(
                                cells
                                    .into_iter()
                                    .map(|c| {
                                        TableCell::new().add_paragraph(
                                            Paragraph::new().add_run(Run::new().add_text(c)),
                                        )
                                    })
                                    .collect(),
                            )
                        })
                        .collect();
                    // A grid, as Word writes one (pandoc drops a table without it).
                    docx = docx.add_table(Table::new(rows).set_grid(vec![3000; columns]));
                }
            }
            // Written through the reference in the body paragraph.
            BlockKind::Footnote => {}
            _ => docx = docx.add_paragraph(paragraph(block)),
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).unwrap();
    out.into_inner()
}

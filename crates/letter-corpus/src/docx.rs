//! A [`Letter`] as a Word document written with `docx-rs`: title and heading styles, bulleted
//! and numbered lists, a table, the letterhead as the page header and firm contacts in the
//! footer. The package is then re-deflated, because Word compresses its parts and docx-rs
//! stores them uncompressed; a benchmark on stored parts would flatter every reader.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AbstractNumbering, BreakType, Docx, Footer, Header, IndentLevel, Level, LevelJc, LevelOverride,
    LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, Paragraph, Run, RunFonts, Start,
    Style, StyleType, Table, TableCell, TableRow,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::model::{Block, Letter};

const BULLETS: usize = 1;
const DECIMAL: usize = 2;

/// A failure to build the package (only possible on an internal bug: all input is ours).
pub type DocxError = zip::result::ZipError;

/// The letter as the bytes of a `.docx` file. Same letter, same bytes.
pub fn to_docx(letter: &Letter) -> Result<Vec<u8>, DocxError> {
    let mut w = DocxWriter {
        next_id: 1,
        lists: 0,
    };
    let mut docx = Docx::new()
        .created_at("2026-01-15T09:00:00Z")
        .updated_at("2026-01-15T09:00:00Z")
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(36)
                .bold(),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .size(28)
                .bold()
                .outline_lvl(0),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .size(24)
                .bold()
                .outline_lvl(1),
        )
        .add_style(Style::new("ListParagraph", StyleType::Paragraph).name("List Paragraph"))
        .add_abstract_numbering(AbstractNumbering::new(BULLETS).add_level(Level::new(
            0,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new("•"),
            LevelJc::new("left"),
        )))
        .add_abstract_numbering(AbstractNumbering::new(DECIMAL).add_level(Level::new(
            0,
            Start::new(1),
            NumberFormat::new("decimal"),
            LevelText::new("%1."),
            LevelJc::new("left"),
        )))
        .add_numbering(Numbering::new(BULLETS, BULLETS));

    let mut header = Header::new();
    for line in &letter.letterhead {
        header = header.add_paragraph(w.inline(line, 0));
    }
    let mut footer = Footer::new();
    for line in &letter.footer {
        footer = footer.add_paragraph(w.inline(line, 0));
    }
    docx = docx.header(header).footer(footer);

    for (n, block) in letter.blocks.iter().enumerate() {
        match block {
            Block::Title(t) => docx = docx.add_paragraph(w.inline(t, n).style("Title")),
            Block::Heading(t) => docx = docx.add_paragraph(w.inline(t, n).style("Heading1")),
            Block::Subheading(t) => docx = docx.add_paragraph(w.inline(t, n).style("Heading2")),
            Block::Paragraph(t) => docx = docx.add_paragraph(w.inline(t, n)),
            Block::Lines(lines) => {
                let mut p = w.paragraph();
                for (i, line) in lines.iter().enumerate() {
                    if i > 0 {
                        p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
                    }
                    p = add_runs(p, line, n + i);
                }
                docx = docx.add_paragraph(p);
            }
            Block::Bullets(items) => {
                for (i, item) in items.iter().enumerate() {
                    let p = w
                        .inline(item, n + i)
                        .style("ListParagraph")
                        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
                    docx = docx.add_paragraph(p);
                }
            }
            Block::Numbered(items) => {
                // Each list restarts at 1: its own w:num with a start override.
                w.lists += 1;
                let id = DECIMAL + w.lists;
                docx = docx.add_numbering(
                    Numbering::new(id, DECIMAL).add_override(LevelOverride::new(0).start(1)),
                );
                for (i, item) in items.iter().enumerate() {
                    let p = w
                        .inline(item, n + i)
                        .style("ListParagraph")
                        .numbering(NumberingId::new(id), IndentLevel::new(0));
                    docx = docx.add_paragraph(p);
                }
            }
            Block::Table { header, rows } => {
                let mut table_rows = Vec::with_capacity(rows.len() + 1);
                let cells = header
                    .iter()
                    .map(|h| TableCell::new().add_paragraph(w.paragraph().add_run(run(h).bold())))
                    .collect();
                table_rows.push(TableRow::new(cells));
                for row in rows {
                    let cells = row
                        .iter()
                        .map(|c| TableCell::new().add_paragraph(w.inline(c, n)))
                        .collect();
                    table_rows.push(TableRow::new(cells));
                }
                docx = docx.add_table(Table::new(table_rows).set_grid(vec![3600, 2600, 2400]));
            }
        }
    }

    let mut stored = Cursor::new(Vec::with_capacity(64 * 1024));
    docx.build().pack(&mut stored)?;
    deflate_package(stored.get_ref())
}

struct DocxWriter {
    next_id: u32,
    lists: usize,
}

impl DocxWriter {
    /// A paragraph with a per-letter `w14:paraId`: docx-rs numbers paragraphs from a
    /// thread-local counter, which would make the bytes depend on what ran before.
    fn paragraph(&mut self) -> Paragraph {
        let id = format!("{:08X}", self.next_id);
        self.next_id += 1;
        Paragraph::new()
            .id(id)
            .line_spacing(LineSpacing::new().after(160).line(259))
    }

    fn inline(&mut self, text: &str, salt: usize) -> Paragraph {
        let p = self.paragraph();
        add_runs(p, text, salt)
    }
}

/// A run formatted as Word writes one: explicit fonts and size on every run, which is most
/// of the markup in a real `document.xml`.
fn run(text: &str) -> Run {
    Run::new()
        .add_text(text)
        .fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri"),
        )
        .size(22)
}

/// Runs for `**bold**` spans. Word also splits plain text into several runs (spell-check,
/// revision ids); every third paragraph gets a split mid-sentence so readers see that too.
fn add_runs(mut p: Paragraph, text: &str, salt: usize) -> Paragraph {
    for (i, segment) in text.split("**").enumerate() {
        if segment.is_empty() {
            continue;
        }
        if i % 2 == 1 {
            p = p.add_run(run(segment).bold());
            continue;
        }
        let split = if salt % 3 == 0 && segment.len() > 40 {
            let mut mid = segment.len() / 2;
            while !segment.is_char_boundary(mid) {
                mid += 1;
            }
            segment[mid..].find(' ').map(|k| mid + k)
        } else {
            None
        };
        match split {
            Some(at) => {
                p = p.add_run(run(&segment[..at])).add_run(run(&segment[at..]));
            }
            None => p = p.add_run(run(segment)),
        }
    }
    p
}

/// Rewrite a stored zip with every file deflated, in the same order, with a fixed timestamp.
fn deflate_package(stored: &[u8]) -> Result<Vec<u8>, DocxError> {
    let mut archive = ZipArchive::new(Cursor::new(stored))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 3)));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut buf = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i)?;
        let name = file.name().to_string();
        if file.is_dir() {
            // Word writes no directory entries; neither do we.
            continue;
        }
        buf.clear();
        file.read_to_end(&mut buf)?;
        out.start_file(name, options)?;
        out.write_all(&buf)?;
    }
    Ok(out.finish()?.into_inner())
}

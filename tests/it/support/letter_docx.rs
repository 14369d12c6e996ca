//! The docx-rs fixture letters: a small letter description (headings, paragraphs, bullets,
//! tables, page header and footer, tracked changes, comments) turned into DOCX bytes.
//!
//! The Markdown letter beside each DOCX is the source of its words; this module decides the
//! Word layout (contacts moved to the page header/footer, fees in a real table) and the
//! reviewer marks (tracked changes and comments) that only a DOCX can carry.

use docx_rs::{
    AbstractNumbering, BreakType, Comment, Delete, Docx, Footer, Header, IndentLevel, Insert,
    Level, LevelJc, LevelText, NumberFormat, Numbering, NumberingId, Paragraph, Run,
    SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableRow,
};

/// Who made the tracked changes and comments, and when: fixed so the output is reproducible.
const REVIEWER: &str = "Samuel Osei";
const REVIEW_DATE: &str = "2026-05-01T10:15:00Z";
// docx-rs already defines numbering 1 (decimal); bullets get their own.
const BULLET_NUMBERING: usize = 2;

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Bold(String),
    /// A tracked insertion: part of the letter once changes are accepted.
    Inserted(String),
    /// A tracked deletion: not part of the letter once changes are accepted.
    Deleted(String),
    /// Text with a reviewer comment anchored on it.
    Commented {
        text: String,
        comment: String,
    },
}

/// A block of the letter body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading { level: usize, text: String },
    Paragraph(Vec<Inline>),
    Bullet(Vec<Inline>),
    Table(Vec<Vec<String>>),
}

/// A letter as Word will show it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LetterDescription {
    pub header: Vec<String>,
    pub footer: Vec<String>,
    pub body: Vec<Block>,
}

impl LetterDescription {
    /// Reads the Markdown subset the fixture letters use: ATX headings, paragraphs with soft
    /// line breaks and `**bold**`, `- ` bullets, hand-numbered lines and pipe tables.
    pub fn from_markdown(markdown: &str) -> Self {
        let mut body = Vec::new();
        let mut lines: Vec<&str> = Vec::new();
        let mut table: Vec<Vec<String>> = Vec::new();
        for raw in markdown.lines() {
            let line = raw.trim_end();
            let is_table_row = line.starts_with('|');
            if !is_table_row && !table.is_empty() {
                body.push(Block::Table(std::mem::take(&mut table)));
            }
            if line.is_empty() {
                flush_paragraph(&mut lines, &mut body);
            } else if let Some(level) = heading_level(line) {
                flush_paragraph(&mut lines, &mut body);
                let text = line.trim_start_matches('#').trim().replace("**", "");
                body.push(Block::Heading { level, text });
            } else if is_table_row {
                flush_paragraph(&mut lines, &mut body);
                if !is_separator_row(line) {
                    table.push(table_cells(line));
                }
            } else if let Some(item) = line.strip_prefix("- ") {
                flush_paragraph(&mut lines, &mut body);
                body.push(Block::Bullet(parse_inlines(item)));
            } else if is_numbered_item(line) {
                flush_paragraph(&mut lines, &mut body);
                body.push(Block::Paragraph(parse_inlines(line)));
            } else {
                lines.push(line);
            }
        }
        flush_paragraph(&mut lines, &mut body);
        if !table.is_empty() {
            body.push(Block::Table(table));
        }
        LetterDescription {
            header: Vec::new(),
            footer: Vec::new(),
            body,
        }
    }

    /// Moves the first body paragraph (the letterhead) into the page header.
    pub fn letterhead_to_header(mut self) -> Self {
        if let Some(i) = self
            .body
            .iter()
            .position(|b| matches!(b, Block::Paragraph(_)))
        {
            let block = self.body.remove(i);
            self.header.push(plain_text(&block));
        }
        self
    }

    /// Moves the last body paragraph (a contact line) into the page footer.
    pub fn last_line_to_footer(mut self) -> Self {
        if let Some(i) = self
            .body
            .iter()
            .rposition(|b| matches!(b, Block::Paragraph(_)))
        {
            let block = self.body.remove(i);
            self.footer.push(plain_text(&block));
        }
        self
    }

    /// Splits the header line at the `at`-th " · " separator and moves the rest to the footer.
    pub fn split_header_to_footer(mut self, at: usize) -> Self {
        if let Some(first) = self.header.first().cloned() {
            let parts: Vec<&str> = first.split(" · ").collect();
            if parts.len() > at {
                self.header[0] = parts[..at].join(" · ");
                self.footer.push(parts[at..].join(" · "));
            }
        }
        self
    }

    /// Makes `current` a tracked insertion that replaced `previous` (a tracked deletion).
    pub fn tracked_change(self, current: &str, previous: &str) -> Self {
        self.split_text(current, |anchor| {
            vec![
                Inline::Deleted(previous.to_owned()),
                Inline::Inserted(anchor),
            ]
        })
    }

    /// Anchors a reviewer comment on `anchor`.
    pub fn comment(self, anchor: &str, comment: &str) -> Self {
        self.split_text(anchor, |text| {
            vec![Inline::Commented {
                text,
                comment: comment.to_owned(),
            }]
        })
    }

    fn split_text(mut self, anchor: &str, replace: impl Fn(String) -> Vec<Inline>) -> Self {
        for block in &mut self.body {
            let inlines = match block {
                Block::Paragraph(inlines) | Block::Bullet(inlines) => inlines,
                _ => continue,
            };
            let found = inlines
                .iter()
                .position(|i| matches!(i, Inline::Text(t) if t.contains(anchor)));
            if let Some(i) = found {
                let Inline::Text(text) = inlines.remove(i) else {
                    unreachable!()
                };
                let start = text.find(anchor).unwrap();
                let mut pieces = Vec::new();
                if start > 0 {
                    pieces.push(Inline::Text(text[..start].to_owned()));
                }
                pieces.extend(replace(anchor.to_owned()));
                let rest = &text[start + anchor.len()..];
                if !rest.is_empty() {
                    pieces.push(Inline::Text(rest.to_owned()));
                }
                inlines.splice(i..i, pieces);
                return self;
            }
        }
        panic!("anchor {anchor:?} not found in the letter");
    }

    /// The DOCX package.
    pub fn to_docx_bytes(&self) -> Vec<u8> {
        let mut docx = Docx::new()
            .add_style(heading_style("Heading1", "heading 1", 32))
            .add_style(heading_style("Heading2", "heading 2", 28))
            .add_style(heading_style("Heading3", "heading 3", 24))
            .add_abstract_numbering(
                AbstractNumbering::new(BULLET_NUMBERING).add_level(
                    Level::new(
                        0,
                        Start::new(1),
                        NumberFormat::new("bullet"),
                        LevelText::new("•"),
                        LevelJc::new("left"),
                    )
                    .indent(
                        Some(720),
                        Some(SpecialIndentType::Hanging(360)),
                        None,
                        None,
                    ),
                ),
            )
            .add_numbering(Numbering::new(BULLET_NUMBERING, BULLET_NUMBERING));
        if !self.header.is_empty() {
            let mut header = Header::new();
            for line in &self.header {
                header = header.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line)));
            }
            docx = docx.header(header);
        }
        if !self.footer.is_empty() {
            let mut footer = Footer::new();
            for line in &self.footer {
                footer = footer.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line)));
            }
            docx = docx.footer(footer);
        }
        let mut comment_id = 0;
        for block in &self.body {
            docx = match block {
                Block::Heading { level, text } => docx.add_paragraph(
                    Paragraph::new()
                        .style(&format!("Heading{}", (*level).clamp(1, 3)))
                        .add_run(Run::new().add_text(text)),
                ),
                Block::Paragraph(inlines) => {
                    docx.add_paragraph(paragraph(inlines, &mut comment_id))
                }
                Block::Bullet(inlines) => docx.add_paragraph(
                    paragraph(inlines, &mut comment_id)
                        .numbering(NumberingId::new(BULLET_NUMBERING), IndentLevel::new(0)),
                ),
                Block::Table(rows) => docx.add_table(table(rows)),
            };
        }
        let mut bytes = std::io::Cursor::new(Vec::new());
        docx.build().pack(&mut bytes).unwrap();
        bytes.into_inner()
    }
}

/// One DOCX fixture made with docx-rs: the Markdown letter it comes from and its Word layout.
#[derive(Debug)]
pub struct DocxRsLetter {
    pub name: &'static str,
    pub layout: fn(LetterDescription) -> LetterDescription,
}

/// Every docx-rs fixture letter in `fixtures/letters/`.
pub fn docx_rs_letters() -> Vec<DocxRsLetter> {
    vec![
        DocxRsLetter {
            name: "employment-ny",
            layout: |letter| {
                letter
                    .letterhead_to_header()
                    .last_line_to_footer()
                    .tracked_change(
                        "We acknowledge every email or voicemail within one business day.",
                        "We will respond to your emails and calls promptly.",
                    )
                    .comment(
                        "We estimate our fees for this matter at $12,000 to $18,000.",
                        "Rachel: still right after the second meeting? If not, update before sending.",
                    )
            },
        },
        DocxRsLetter {
            name: "immigration-au",
            layout: |letter| letter.letterhead_to_header().last_line_to_footer(),
        },
        DocxRsLetter {
            name: "small-claims-ny",
            layout: |letter| {
                letter
                    .letterhead_to_header()
                    .split_header_to_footer(2)
                    .tracked_change(
                        "We estimate the total at $2,400 to $3,000",
                        "We estimate the total at $1,800 to $2,400",
                    )
                    .comment(
                        "Your hearing is scheduled for Wednesday, March 10, 2026, at 6:30 p.m.",
                        "Check the date against the court's notice before this goes out.",
                    )
            },
        },
    ]
}

fn heading_style(id: &str, name: &str, half_points: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .bold()
        .size(half_points)
}

fn paragraph(inlines: &[Inline], comment_id: &mut usize) -> Paragraph {
    let mut p = Paragraph::new();
    for inline in inlines {
        p = match inline {
            Inline::Text(text) => add_text_runs(p, text, false),
            Inline::Bold(text) => add_text_runs(p, text, true),
            Inline::Inserted(text) => p.add_insert(
                Insert::new(Run::new().add_text(text))
                    .author(REVIEWER)
                    .date(REVIEW_DATE),
            ),
            Inline::Deleted(text) => p.add_delete(
                Delete::new()
                    .add_run(Run::new().add_delete_text(text))
                    .author(REVIEWER)
                    .date(REVIEW_DATE),
            ),
            Inline::Commented { text, comment } => {
                *comment_id += 1;
                let note = Comment::new(*comment_id)
                    .author(REVIEWER)
                    .date(REVIEW_DATE)
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_text(comment)));
                add_text_runs(p.add_comment_start(note), text, false).add_comment_end(*comment_id)
            }
        };
    }
    p
}

/// Soft line breaks of the Markdown become Word line breaks (Shift+Enter), as in an address block.
fn add_text_runs(mut p: Paragraph, text: &str, bold: bool) -> Paragraph {
    for (i, line) in text.split('\n').enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
        if bold {
            run = run.bold();
        }
        p = p.add_run(run);
    }
    p
}

fn table(rows: &[Vec<String>]) -> Table {
    let rows = rows
        .iter()
        .enumerate()
        .map(|(r, cells)| {
            TableRow::new(
                cells
                    .iter()
                    .map(|cell| {
                        let mut run = Run::new().add_text(cell);
                        if r == 0 {
                            run = run.bold();
                        }
                        TableCell::new().add_paragraph(Paragraph::new().add_run(run))
                    })
                    .collect(),
            )
        })
        .collect();
    Table::new(rows)
}

fn flush_paragraph(lines: &mut Vec<&str>, body: &mut Vec<Block>) {
    if !lines.is_empty() {
        body.push(Block::Paragraph(parse_inlines(&lines.join("\n"))));
        lines.clear();
    }
}

fn heading_level(line: &str) -> Option<usize> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    (hashes > 0 && line[hashes..].starts_with(' ')).then_some(hashes)
}

fn is_separator_row(line: &str) -> bool {
    line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn is_numbered_item(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && line[digits..].starts_with(". ")
}

fn table_cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().replace("**", ""))
        .collect()
}

/// `**bold**` spans become bold runs; everything else is plain text.
fn parse_inlines(text: &str) -> Vec<Inline> {
    let mut inlines = Vec::new();
    for (i, piece) in text.split("**").enumerate() {
        if piece.is_empty() {
            continue;
        }
        inlines.push(if i % 2 == 1 {
            Inline::Bold(piece.to_owned())
        } else {
            Inline::Text(piece.to_owned())
        });
    }
    inlines
}

fn plain_text(block: &Block) -> String {
    match block {
        Block::Heading { text, .. } => text.clone(),
        Block::Paragraph(inlines) | Block::Bullet(inlines) => inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Text(t) | Inline::Bold(t) | Inline::Inserted(t) => Some(t.as_str()),
                Inline::Commented { text, .. } => Some(text.as_str()),
                Inline::Deleted(_) => None,
            })
            .collect::<String>()
            .replace('\n', " "),
        Block::Table(rows) => rows
            .iter()
            .map(|r| r.join(" | "))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

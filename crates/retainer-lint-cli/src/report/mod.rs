//! Reporters: one per output format. Each writes a whole run to a `Write`.

use std::io::{self, Write};
use std::ops::Range;

use retainer_lint::{Diagnostic, Document, Format, RuleInfo, Severity};

use crate::args::OutputFormat;
use crate::check::Checked;

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod statistics;

/// How the human report is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours.
    pub color: bool,
    /// Unicode box drawing (else ASCII).
    pub unicode: bool,
    /// Wrap width in columns.
    pub width: usize,
}

impl Style {
    /// No colour, ASCII art, 80 columns: what a pipe or a file gets.
    pub fn plain() -> Self {
        Style {
            color: false,
            unicode: false,
            width: 80,
        }
    }
}

/// Everything a reporter needs about one run.
#[derive(Debug)]
pub struct Run<'a> {
    /// The letters, in report order.
    pub checked: &'a [Checked],
    /// The rules in force (for SARIF's rule table).
    pub rules: &'a [RuleInfo],
}

/// Counts for the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Letters, readable or not.
    pub files: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
    /// Letters that could not be read.
    pub unreadable: usize,
    /// Letters with at least one finding.
    pub with_findings: usize,
}

impl Summary {
    /// Count a run.
    pub fn of(checked: &[Checked]) -> Self {
        let mut s = Summary {
            files: checked.len(),
            ..Summary::default()
        };
        for c in checked {
            match &c.outcome {
                Ok(report) => {
                    if !report.diagnostics.is_empty() {
                        s.with_findings += 1;
                    }
                    for d in &report.diagnostics {
                        match d.severity {
                            Severity::Error => s.errors += 1,
                            Severity::Warning => s.warnings += 1,
                            Severity::Info => s.infos += 1,
                        }
                    }
                }
                Err(_) => s.unreadable += 1,
            }
        }
        s
    }

    /// Add another run's (or letter's) counts.
    pub fn add(&mut self, other: &Summary) {
        self.files += other.files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.unreadable += other.unreadable;
        self.with_findings += other.with_findings;
    }

    /// All findings.
    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// True when a finding reaches `threshold`.
    pub fn reaches(&self, threshold: Severity) -> bool {
        match threshold {
            Severity::Error => self.errors > 0,
            Severity::Warning => self.errors + self.warnings > 0,
            Severity::Info => self.findings() > 0,
        }
    }
}

/// Writes a run's report letter by letter, so that memory does not grow with the number of
/// letters: each letter's part (a [`Piece`]) is rendered where the letter was checked, in
/// parallel and while its document is still in memory, then written in input order. Only
/// SARIF and the statistics, whose output needs the whole run, keep something per letter:
/// its results, or its rule counts, never its document.
#[derive(Debug, Clone, Copy)]
pub struct Reporter<'a> {
    format: OutputFormat,
    statistics: bool,
    style: Style,
    rules: &'a [RuleInfo],
}

/// One letter's part of the report.
#[derive(Debug, Default)]
pub struct Piece {
    /// Output written as soon as the letters before it are.
    text: Vec<u8>,
    /// The letter's counts.
    counts: Summary,
    /// SARIF results and notifications, kept to the end.
    sarif: sarif::Results,
    /// Findings per rule and unreadable letters, for `--statistics`.
    tally: statistics::Tally,
}

/// What the report has gathered from the letters written so far.
#[derive(Debug, Default)]
pub struct Gathered {
    summary: Summary,
    sarif: sarif::Results,
    tally: statistics::Tally,
}

impl<'a> Reporter<'a> {
    /// A reporter for `format` (`statistics`: counts instead of findings).
    pub fn new(
        format: OutputFormat,
        statistics: bool,
        style: Style,
        rules: &'a [RuleInfo],
    ) -> Self {
        Reporter {
            format,
            statistics,
            style,
            rules,
        }
    }

    /// Render one letter's part.
    pub fn piece(&self, checked: &Checked) -> io::Result<Piece> {
        let mut piece = Piece {
            counts: Summary::of(std::slice::from_ref(checked)),
            ..Piece::default()
        };
        let out = &mut piece.text;
        match (self.format, self.statistics) {
            (_, true) => piece.tally = statistics::Tally::of(checked),
            (OutputFormat::Human, false) => human::letter(checked, self.style, out)?,
            (OutputFormat::Concise, false) => concise::letter(checked, out)?,
            (OutputFormat::Json, false) => json::letter(checked, out)?,
            (OutputFormat::Sarif, false) => piece.sarif = sarif::Results::of(checked),
            (OutputFormat::Github, false) => github::letter(checked, out)?,
        }
        Ok(piece)
    }

    /// A letter's part that is `text` as given (counted like any other letter).
    pub fn counts_with(&self, checked: &Checked, text: Vec<u8>) -> Piece {
        Piece {
            text,
            counts: Summary::of(std::slice::from_ref(checked)),
            ..Piece::default()
        }
    }

    /// Write what comes before the first letter.
    pub fn begin(&self, out: &mut dyn Write) -> io::Result<()> {
        match (self.format, self.statistics) {
            (OutputFormat::Json, false) => json::begin(out),
            _ => Ok(()),
        }
    }

    /// Write (or keep) the next letter's part.
    pub fn add(
        &self,
        gathered: &mut Gathered,
        piece: Piece,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if let (OutputFormat::Json, false) = (self.format, self.statistics) {
            json::separate(gathered.summary.files, out)?;
        }
        out.write_all(&piece.text)?;
        gathered.summary.add(&piece.counts);
        gathered.sarif.extend(piece.sarif);
        gathered.tally.extend(piece.tally);
        Ok(())
    }

    /// Write what comes after the last letter; the run's counts.
    pub fn end(&self, gathered: Gathered, out: &mut dyn Write) -> io::Result<Summary> {
        let summary = gathered.summary;
        match (self.format, self.statistics) {
            (OutputFormat::Json, true) => statistics::json(&gathered.tally, &summary, out)?,
            (_, true) => statistics::text(&gathered.tally, &summary, out)?,
            (OutputFormat::Human, false) => writeln!(out, "{}", human::summary_line(&summary))?,
            (OutputFormat::Json, false) => json::end(&summary, out)?,
            (OutputFormat::Sarif, false) => sarif::write(self.rules, gathered.sarif, out)?,
            (OutputFormat::Concise | OutputFormat::Github, false) => {}
        }
        Ok(summary)
    }
}

/// Write a whole run in `format` (the letters already checked).
pub fn write(
    format: OutputFormat,
    statistics: bool,
    run: &Run<'_>,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let reporter = Reporter::new(format, statistics, style, run.rules);
    reporter.begin(out)?;
    let mut gathered = Gathered::default();
    for checked in run.checked {
        let piece = reporter.piece(checked)?;
        reporter.add(&mut gathered, piece, out)?;
    }
    reporter.end(gathered, out).map(|_| ())
}

/// Where a span is, in the terms every format uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column (Unicode scalar values) of the start.
    pub column: usize,
    /// 1-based line of the end (exclusive position).
    pub end_line: usize,
    /// 1-based column of the end (exclusive: the column after the last character).
    pub end_column: usize,
    /// Byte offset in the text view.
    pub offset: usize,
    /// Byte length.
    pub length: usize,
}

impl Place {
    /// Locate a text-view byte range.
    pub fn of(document: &Document, span: &Range<usize>) -> Self {
        let (line, column) = document.line_col(span.start);
        let (end_line, end_column) = document.line_col(span.end.max(span.start));
        Place {
            line,
            column,
            end_line,
            end_column,
            offset: span.start,
            length: span.end.saturating_sub(span.start),
        }
    }
}

/// The section a finding is in: the rule's own, else that of its block (the one the rule
/// named, or the prose block whose text contains the span's start).
pub fn section_of<'a>(document: &'a Document, d: &'a Diagnostic) -> Option<&'a str> {
    if let Some(s) = d.section.as_deref() {
        return Some(s);
    }
    let block = d.block.or_else(|| {
        document
            .prose()
            .find(|(_, b)| b.map.view_extent().contains(&d.span.start))
            .map(|(i, _)| i)
    })?;
    document.section_title(block)
}

/// The paragraph number of a DOCX finding (its text-view line when the rule did not set it).
pub fn paragraph_of(document: &Document, d: &Diagnostic, place: &Place) -> Option<u32> {
    match document.format {
        Format::Docx => d.paragraph.or_else(|| u32::try_from(place.line).ok()),
        _ => d.paragraph,
    }
}

/// The text under a span (empty when the span is not on character boundaries).
pub fn excerpt<'a>(document: &'a Document, span: &Range<usize>) -> &'a str {
    document.text.get(span.clone()).unwrap_or("")
}

#[cfg(test)]
pub(crate) mod fixtures;

//! Readers: bytes in, [`Document`] out. Format detection by content, then one reader per
//! format. Every resource a reader uses is bounded by [`Limits`].

use crate::document::{Document, Format};
use crate::error::{InputError, InputErrorKind};

pub mod docx;
pub mod markdown;
mod plain;
pub mod text;

/// Bounds on every resource a reader (and the lint) may use for one input. One place for all
/// of them; the CLI exposes each as an option. `docs/limits.md` is this table with the
/// reasoning behind each default.
///
/// | Field | Bounds | Default | CLI option | Error when exceeded |
/// |---|---|---|---|---|
/// | `max_input_bytes` | the file read (and standard input); with the others, time | 256 MiB | `--max-input-size` | `input.too-large` |
/// | `max_part_bytes` | decompressed bytes of one DOCX part (declared or actual) | 64 MiB | `--max-part-size` | `input.too-large` |
/// | `max_total_bytes` | decompressed bytes of all parts read from one DOCX | 256 MiB | `--max-total-size` | `input.too-large` |
/// | `max_compression_ratio` | decompressed ÷ compressed size of a part above 1 MiB | 200 | `--max-compression-ratio` | `input.zip-bomb` |
/// | `max_depth` | XML element nesting, DOCX field nesting, Markdown block nesting | 256 | `--max-depth` | `input.too-deep` |
/// | `max_blocks` | blocks (paragraphs, list items, cells, comments…) of one letter | 1,000,000 | `--max-blocks` | `input.too-large` |
/// | `max_text_bytes` | the text view, and through it the time the rules take | 64 MiB | `--max-text-size` | `input.too-large` |
/// | `max_findings` | findings of one letter, and through them the report's memory | 100,000 | `--max-findings` | `input.too-large` |
///
/// Time has no limit of its own: every reader and rule is linear in its input, so the
/// size limits bound it (measured in the benchmarks: `benches/pipeline.rs`, letters of 3 to
/// 120 pages).
/// Each limit is inclusive: an input exactly at the limit is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file, in bytes.
    pub max_input_bytes: u64,
    /// Largest decompressed size of one zip part (declared or actual).
    pub max_part_bytes: u64,
    /// Largest decompressed size of all parts read from one package.
    pub max_total_bytes: u64,
    /// Largest ratio of decompressed to compressed size for a part above 1 MiB.
    pub max_compression_ratio: u64,
    /// Deepest element nesting in XML, or block nesting in Markdown.
    pub max_depth: usize,
    /// Most blocks in one document.
    pub max_blocks: usize,
    /// Longest text view, in bytes.
    pub max_text_bytes: usize,
    /// Most findings for one letter (before `--select`/`--ignore`): past it the letter is
    /// refused as `input.too-large` rather than reported finding by finding.
    pub max_findings: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 256 << 20,
            max_part_bytes: 64 << 20,
            max_total_bytes: 256 << 20,
            max_compression_ratio: 200,
            max_depth: 256,
            max_blocks: 1_000_000,
            max_text_bytes: 64 << 20,
            max_findings: 100_000,
        }
    }
}

/// Guess the format from the bytes, using the file name only to tell Markdown from plain text.
/// A zip with a `[Content_Types].xml` part is an Office package, read as DOCX (the DOCX reader
/// says so if it is a spreadsheet or a presentation). `None` means the bytes are not a letter
/// in any format: OLE (`D0 CF 11 E0`, a legacy or encrypted Word file, reported as such by
/// [`read`]) or a zip that is not an Office package.
pub fn detect(bytes: &[u8], file_name: Option<&str>) -> Option<Format> {
    if is_zip(bytes) {
        return is_office_package(bytes).then_some(Format::Docx);
    }
    if is_ole(bytes) || other_document_kind(bytes).is_some() {
        return None;
    }
    let ext = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("md" | "markdown" | "mdown" | "mkd" | "mkdn") => Some(Format::Markdown),
        Some("txt" | "text") => Some(Format::Text),
        // Named as Word but not a zip: `read` says the package is damaged.
        Some("docx" | "docm" | "dotx" | "dotm") => Some(Format::Docx),
        _ => Some(sniff_text(bytes)),
    }
}

/// A zip signature (local file, empty archive, spanned); a file cut off inside the signature
/// still counts, so that it is reported as a damaged package rather than read as text.
fn is_zip(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [b'P', b'K', 3, 4, ..]
            | [b'P', b'K', 5, 6, ..]
            | [b'P', b'K', 7, 8, ..]
            | [b'P', b'K']
            | [b'P', b'K', 3 | 5 | 7]
    )
}

/// The OLE compound-file signature's first four bytes (Word 97-2003, encrypted OOXML).
fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Documents that are neither a letter format nor Word's: found on shared drives under
/// `.docx` or `.txt` names. Returns what to call them in the error message.
fn other_document_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"{\\rtf") {
        Some("an RTF document")
    } else if bytes.starts_with(b"%PDF-") {
        Some("a PDF")
    } else {
        None
    }
}

/// Every Office package has a `[Content_Types].xml` part; its name is stored uncompressed in
/// the local header and the central directory, so a byte search finds it.
fn is_office_package(bytes: &[u8]) -> bool {
    const NAME: &[u8] = b"[Content_Types].xml";
    bytes.windows(NAME.len()).any(|w| w == NAME)
}

/// Markdown or plain text, for text whose name does not say: Markdown when a line looks like
/// Markdown structure (an ATX heading, front matter, a setext underline, a table rule) or a
/// span does (`**strong**`, `[text](url)`); otherwise plain text.
fn sniff_text(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(64 << 10)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{FEFF}');
    if text.starts_with("---\n") || text.starts_with("---\r\n") {
        return Format::Markdown;
    }
    let line_signal = text.lines().any(|line| {
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        let atx = (1..=6).contains(&hashes) && line.as_bytes().get(hashes) == Some(&b' ');
        let t = line.trim();
        let underline = t.len() >= 3
            && (t.bytes().all(|b| b == b'=') || t.starts_with("|--") || t.starts_with("| --"));
        atx || underline
    });
    let span_signal = text.contains("](") || text.contains("**") || text.contains("<!--");
    if line_signal || span_signal {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Read a letter from bytes. `format` overrides detection when given (but OLE and zip content
/// is always recognised for what it is).
pub fn read(bytes: &[u8], format: Option<Format>, limits: &Limits) -> Result<Document, InputError> {
    if bytes.len() as u64 > limits.max_input_bytes {
        return Err(InputError::new(
            InputErrorKind::TooLarge,
            format!(
                "the file is {} bytes, more than the limit of {} bytes",
                bytes.len(),
                limits.max_input_bytes
            ),
        ));
    }
    let without_bom = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if without_bom.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::new(InputErrorKind::Empty, "the file is empty"));
    }
    if is_ole(bytes) {
        return Err(InputError::new(
            InputErrorKind::LegacyDoc,
            "this is a legacy Word 97-2003 file or an encrypted document; save it as .docx",
        ));
    }
    if let Some(kind) = other_document_kind(bytes) {
        return Err(InputError::new(
            InputErrorKind::UnknownFormat,
            format!("this is {kind}, not a Word, Markdown or text letter; save it as .docx"),
        ));
    }
    let format = match (format, is_zip(bytes)) {
        (_, true) => Format::Docx,
        (Some(Format::Docx), false) => {
            return Err(InputError::new(
                InputErrorKind::CorruptZip,
                "the file is named .docx but is not a Word package (no zip header)",
            ))
        }
        (Some(f), false) => f,
        (None, false) => sniff_text(bytes),
    };
    match format {
        Format::Docx => docx::read(bytes, limits),
        Format::Markdown => markdown::read(bytes, limits),
        Format::Text => text::read(bytes, limits),
    }
}

//! Readers: bytes in, [`Document`] out. Format detection by content, then one reader per
//! format. Every resource a reader uses is bounded by [`Limits`].

use crate::document::{Document, Format};
use crate::error::{InputError, InputErrorKind};

pub mod docx;
pub mod markdown;
pub mod text;

/// Bounds on every resource a reader may use for one input. One place for all of them; the
/// CLI exposes them as options.
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
        }
    }
}

/// Guess the format from the bytes, using the file name only to break ties between Markdown
/// and plain text. Zip content (`PK\x03\x04`) is DOCX candidate; OLE (`D0 CF 11 E0`) is a
/// legacy or encrypted Word file and is reported as an error by [`read`].
pub fn detect(bytes: &[u8], file_name: Option<&str>) -> Option<Format> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some(Format::Docx);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return None;
    }
    let ext = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("txt" | "text") => Some(Format::Text),
        Some("docx") => Some(Format::Docx),
        _ => Some(Format::Markdown),
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
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::new(InputErrorKind::Empty, "the file is empty"));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(InputError::new(
            InputErrorKind::LegacyDoc,
            "this is a legacy Word 97-2003 file or an encrypted document; save it as .docx",
        ));
    }
    let is_zip = bytes.starts_with(b"PK");
    let format = match (format, is_zip) {
        (_, true) => Format::Docx,
        (Some(Format::Docx), false) => {
            return Err(InputError::new(
                InputErrorKind::CorruptZip,
                "the file is named .docx but is not a Word package (no zip header)",
            ))
        }
        (Some(f), false) => f,
        (None, false) => Format::Markdown,
    };
    match format {
        Format::Docx => docx::read(bytes, limits),
        Format::Markdown => markdown::read(bytes, limits),
        Format::Text => text::read(bytes, limits),
    }
}

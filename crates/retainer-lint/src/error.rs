//! Errors for inputs that cannot be read. Each has a stable dotted code (`input.legacy-doc`)
//! that tools and CI baselines rely on, and a message a lawyer can act on.

use std::fmt;

/// Why a letter could not be read. The code strings are public interface: never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputErrorKind {
    /// `input.empty`: the file has no bytes (or only whitespace).
    Empty,
    /// `input.legacy-doc`: an OLE compound file: Word 97-2003 `.doc`, or an encrypted
    /// (password-protected) Office document.
    LegacyDoc,
    /// `input.not-a-letter`: a zip that is another Office format (`.xlsx`, `.pptx`) or
    /// something else entirely.
    NotWordDocument,
    /// `input.missing-part`: a zip without `word/document.xml`.
    MissingPart,
    /// `input.corrupt-zip`: truncated or damaged zip container, or a bad CRC.
    CorruptZip,
    /// `input.malformed-xml`: an XML part is not well-formed (includes text cut off
    /// mid-element).
    MalformedXml,
    /// `input.dtd-forbidden`: an XML part declares a DOCTYPE or entities (never expanded).
    DtdForbidden,
    /// `input.too-deep`: XML or Markdown nesting beyond the configured cap.
    TooDeep,
    /// `input.too-large`: a part, the whole package, or the text exceeds its size cap.
    TooLarge,
    /// `input.zip-bomb`: a part's compression ratio is absurd.
    ZipBomb,
    /// `input.unknown-format`: the bytes are not Markdown, text or DOCX.
    UnknownFormat,
    /// `input.io`: the file could not be opened or read.
    Io,
    /// `internal.error`: retainer-lint itself failed on this letter (a bug, never the
    /// letter's fault). Callers that isolate letters from each other report it per letter.
    Internal,
}

impl InputErrorKind {
    /// The stable dotted code.
    pub fn code(self) -> &'static str {
        match self {
            InputErrorKind::Empty => "input.empty",
            InputErrorKind::LegacyDoc => "input.legacy-doc",
            InputErrorKind::NotWordDocument => "input.not-a-letter",
            InputErrorKind::MissingPart => "input.missing-part",
            InputErrorKind::CorruptZip => "input.corrupt-zip",
            InputErrorKind::MalformedXml => "input.malformed-xml",
            InputErrorKind::DtdForbidden => "input.dtd-forbidden",
            InputErrorKind::TooDeep => "input.too-deep",
            InputErrorKind::TooLarge => "input.too-large",
            InputErrorKind::ZipBomb => "input.zip-bomb",
            InputErrorKind::UnknownFormat => "input.unknown-format",
            InputErrorKind::Io => "input.io",
            InputErrorKind::Internal => "internal.error",
        }
    }

    /// What the user can do about it.
    pub fn help(self) -> Option<&'static str> {
        Some(match self {
            InputErrorKind::LegacyDoc => {
                "open it in Word and save it as .docx; if it is password-protected, remove the password first"
            }
            InputErrorKind::NotWordDocument => "retainer-lint reads .docx, .md and .txt letters",
            InputErrorKind::CorruptZip | InputErrorKind::MalformedXml => {
                "the file is damaged; open it in Word, which may offer to repair it, and save a new copy"
            }
            InputErrorKind::Internal => {
                "this is a bug in retainer-lint, not a problem with the letter; please report it with the file if you can share it"
            }
            InputErrorKind::TooLarge | InputErrorKind::TooDeep => {
                "if this is a genuine letter, raise the limit (see `--help` for the limit options)"
            }
            _ => return None,
        })
    }
}

impl fmt::Display for InputErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A letter that could not be read: a stable [`InputErrorKind`] and a specific message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct InputError {
    kind: InputErrorKind,
    message: String,
}

impl InputError {
    /// A new error of `kind` with a message that names what was wrong.
    pub fn new(kind: InputErrorKind, message: impl Into<String>) -> Self {
        InputError {
            kind,
            message: message.into(),
        }
    }

    /// The error's kind.
    pub fn kind(&self) -> InputErrorKind {
        self.kind
    }

    /// The stable dotted code, e.g. `input.legacy-doc`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The message (without the code).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The same error with the file name put in front of the message.
    pub fn with_file(mut self, name: &str) -> Self {
        self.message = format!("{name}: {}", self.message);
        self
    }
}

impl miette::Diagnostic for InputError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.kind.code()))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.kind
            .help()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
}

//! The docx reader.

use crate::document::Document;
use crate::error::{InputError, InputErrorKind};
use crate::read::Limits;

/// Read a docx letter.
pub fn read(_bytes: &[u8], _limits: &Limits) -> Result<Document, InputError> {
    Err(InputError::new(
        InputErrorKind::UnknownFormat,
        "the docx reader is not built yet",
    ))
}

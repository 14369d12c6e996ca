//! The text reader.

use crate::document::Document;
use crate::error::{InputError, InputErrorKind};
use crate::read::Limits;

/// Read a text letter.
pub fn read(_bytes: &[u8], _limits: &Limits) -> Result<Document, InputError> {
    Err(InputError::new(
        InputErrorKind::UnknownFormat,
        "the text reader is not built yet",
    ))
}

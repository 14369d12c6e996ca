//! The markdown reader.

use crate::document::Document;
use crate::error::{InputError, InputErrorKind};
use crate::read::Limits;

/// Read a markdown letter.
pub fn read(_bytes: &[u8], _limits: &Limits) -> Result<Document, InputError> {
    Err(InputError::new(
        InputErrorKind::UnknownFormat,
        "the markdown reader is not built yet",
    ))
}

//! The Markdown reader (and the plain-text reader, on the same bytes): a `Document` that keeps
//! its invariants, or a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use retainer_lint::read::{markdown, text};
use retainer_lint_fuzz::{check_document, limits};

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = markdown::read(data, &limits()) {
        check_document(&doc);
    }
    if let Ok(doc) = text::read(data, &limits()) {
        check_document(&doc);
    }
});

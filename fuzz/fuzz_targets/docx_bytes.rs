//! The DOCX reader on arbitrary bytes: a `Document` that keeps its invariants, or a typed
//! error; never a panic, a hang or unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use retainer_lint::read::docx;
use retainer_lint_fuzz::{check_document, limits};

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = docx::read(data, &limits()) {
        check_document(&doc);
    }
});

//! The DOCX reader on structure-aware input: a valid Word package whose `word/document.xml`
//! is the fuzzed bytes (seeded with the shared corpus's document parts; see CONTRIBUTING.md).
#![no_main]

use libfuzzer_sys::fuzz_target;
use retainer_lint::read::docx;
use retainer_lint_fuzz::{check_document, limits, package_with_document};

fuzz_target!(|data: &[u8]| {
    let package = package_with_document(data);
    if let Ok(doc) = docx::read(&package, &limits()) {
        check_document(&doc);
    }
});

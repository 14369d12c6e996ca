//! The whole lint of a document with every built-in pack: read (format from the first byte),
//! run every rule, suppress, sort; spans stay in the text view on character boundaries.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use retainer_lint::{Config, Format, Linter};
use retainer_lint_fuzz::{check_diagnostics, check_document, limits};

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let mut config = Config::builtin();
        config.extends = [
            "core", "ca-sk", "ca-on", "us-ny", "us-ca", "uk-sra", "au-ul",
        ]
        .map(String::from)
        .to_vec();
        Linter::new(&config)
            .expect("the built-in packs compile")
            .with_limits(limits())
    })
}

fuzz_target!(|data: &[u8]| {
    // A zip is read as DOCX whatever it is named; otherwise the first byte picks the reader.
    let (name, format) = match data.first().map(|b| b % 3) {
        Some(0) => ("letter.md", Some(Format::Markdown)),
        Some(1) => ("letter.txt", Some(Format::Text)),
        _ => ("letter", None),
    };
    if let Ok(report) = linter().lint_bytes(name, data, format) {
        check_document(&report.document);
        check_diagnostics(&report.document, &report.diagnostics);
    }
});

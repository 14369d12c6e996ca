//! The configuration and pack parsers, and the engine compiling what they accept: the input is
//! a `retainer-lint.toml`, then a NUL byte, then a firm pack it may extend as `./pack.toml`.
//! Whatever compiles lints a small letter, so fuzzed rule parameters reach the kinds too.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use retainer_lint::rules::pack::{self, Source};
use retainer_lint::{Config, Format, Linter};
use retainer_lint_fuzz::check_diagnostics;

const LETTER: &str = "# Retainer letter\n\nDear [CLIENT NAME],\n\nOur fee is $2,500 plus tax. \
We will reply within 2 business days; call 555-0100 or write to a@example.com.\n\n\
## Next steps\n\n- Sign and return this letter.\n";

/// One directory per fuzzing process for the pack file (the config names it by path).
fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("retainer-lint-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("temp dir");
        d
    })
}

fuzz_target!(|data: &[u8]| {
    let (config_bytes, pack_bytes) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let (Ok(config_text), Ok(pack_text)) = (
        std::str::from_utf8(config_bytes),
        std::str::from_utf8(pack_bytes),
    ) else {
        return;
    };
    let _ = pack::parse(Source::new("pack.toml", pack_text));
    let Ok(mut config) = Config::from_toml("retainer-lint.toml", config_text) else {
        return;
    };
    // Built-in packs take a tenth of a second to compile: fuzz the firm pack alone.
    if config.extends.iter().any(|e| e != "./pack.toml") {
        return;
    }
    let pack_path = dir().join("pack.toml");
    if std::fs::write(&pack_path, pack_text).is_err() {
        return;
    }
    config.path = Some(dir().join("retainer-lint.toml"));
    let Ok(linter) = Linter::new(&config) else {
        return;
    };
    if let Ok(report) = linter.lint_bytes("letter.md", LETTER.as_bytes(), Some(Format::Markdown)) {
        check_diagnostics(&report.document, &report.diagnostics);
    }
});

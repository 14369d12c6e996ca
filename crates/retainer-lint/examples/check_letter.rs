//! Lint a Markdown letter from bytes and print its findings.
//!
//! ```sh
//! cargo run -p retainer-lint --example check_letter            # the letter below
//! cargo run -p retainer-lint --example check_letter -- my.md   # a letter on disk
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

use retainer_lint::{Format, Linter};

const LETTER: &str = "\
# Retainer letter

Dear Ms. Doe,

Thank you for choosing us. Our fee is our usual rates, and we will respond promptly
to your messages.

Yours truly,
";

fn main() -> ExitCode {
    // The built-in configuration: the `core` pack with default parameters.
    let linter = Linter::builtin();
    let (name, bytes) = match std::env::args().nth(1) {
        Some(path) => match std::fs::read(&path) {
            Ok(bytes) => (path, bytes),
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => ("letter.md".to_string(), LETTER.as_bytes().to_vec()),
    };
    // Give the format, or `None` to detect it from the content and the name.
    let format = if name.ends_with(".md") {
        Some(Format::Markdown)
    } else {
        None
    };
    let report = match linter.lint_bytes(&name, &bytes, format) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("{name}: {} ({})", e.message(), e.code());
            return ExitCode::from(2);
        }
    };
    for d in &report.diagnostics {
        let (line, column) = report.document.line_col(d.span.start);
        println!(
            "{name}:{line}:{column}: {}[{}] {}",
            d.severity, d.rule, d.message
        );
        if let Some(help) = &d.help {
            println!("    help: {help}");
        }
    }
    println!(
        "{} finding(s) from {} rule(s) in force",
        report.diagnostics.len(),
        linter.rules().len()
    );
    ExitCode::SUCCESS
}

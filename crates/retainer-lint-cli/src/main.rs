//! The `retainer-lint` command.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, file] if cmd == "dump" => dump(file),
        _ => {
            eprintln!("usage: retainer-lint dump FILE");
            ExitCode::from(2)
        }
    }
}

/// Print a letter's text view with the kind of each block, for debugging readers.
fn dump(path: &str) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("input.io: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let format = retainer_lint::read::detect(&bytes, Some(path));
    match retainer_lint::read(&bytes, format, &retainer_lint::Limits::default()) {
        Ok(doc) => {
            for block in &doc.blocks {
                println!("{:<16} {}", block.kind.to_string(), block.text);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {path}: {}", e.code(), e.message());
            ExitCode::from(2)
        }
    }
}

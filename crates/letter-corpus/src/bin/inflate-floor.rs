//! `inflate-floor [--jobs N] PATH...`: the floor for reading DOCX letters. For each `.docx`
//! (files, or directories walked recursively), read the file and inflate only
//! `word/document.xml` with the same `zip` crate retainer-lint uses, and nothing else: no XML
//! parsing, no rules. Prints the number of letters and of inflated bytes. Whatever a linter
//! does on top of this is its cost; this is the cost of getting at the text at all.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

fn main() -> ExitCode {
    let mut jobs = std::thread::available_parallelism().map_or(1, usize::from);
    let mut roots = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--jobs" || arg == "-j" {
            match args.next().and_then(|v| v.parse::<usize>().ok()) {
                Some(n) if n > 0 => jobs = n,
                _ => {
                    eprintln!("inflate-floor: --jobs needs a positive number");
                    return ExitCode::from(2);
                }
            }
        } else {
            roots.push(PathBuf::from(arg));
        }
    }
    if roots.is_empty() {
        eprintln!("usage: inflate-floor [--jobs N] PATH...");
        return ExitCode::from(2);
    }
    let mut files = Vec::new();
    for root in &roots {
        collect(root, &mut files);
    }
    files.sort();

    let next = AtomicUsize::new(0);
    let inflated = AtomicU64::new(0);
    let failed = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| {
                let mut buf = Vec::with_capacity(256 * 1024);
                while let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    match inflate_document_xml(path, &mut buf) {
                        Ok(n) => {
                            inflated.fetch_add(n, Ordering::Relaxed);
                        }
                        Err(e) => {
                            eprintln!("inflate-floor: {}: {e}", path.display());
                            failed.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            });
        }
    });
    println!(
        "{} letters, {} bytes of word/document.xml inflated",
        files.len(),
        inflated.load(Ordering::Relaxed)
    );
    if failed.load(Ordering::Relaxed) > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            collect(&entry.path(), files);
        }
    } else if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
    {
        files.push(path.to_path_buf());
    }
}

/// Read the whole file (as the linter does), open the zip, inflate `word/document.xml`.
fn inflate_document_xml(path: &Path, buf: &mut Vec<u8>) -> Result<u64, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).map_err(|e| e.to_string())?;
    let mut part = archive
        .by_name("word/document.xml")
        .map_err(|e| e.to_string())?;
    buf.clear();
    part.read_to_end(buf).map_err(|e| e.to_string())?;
    Ok(buf.len() as u64)
}

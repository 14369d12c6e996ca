//! `letter-corpus --seed 42 --count 10000 --out DIR [--format md|docx|both] [--long N]
//! [--long-pages P] [--jobs J]`: write a deterministic corpus of retainer letters, plus
//! `manifest.tsv` (file, words, the rules each letter's defects should fire).

#![allow(clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use letter_corpus::{compose, to_docx, to_markdown, Shape};

const USAGE: &str = "usage: letter-corpus --seed N --count N --out DIR [--format md|docx|both] [--long N] [--long-pages N] [--jobs N]";

#[derive(Debug)]
struct Options {
    seed: u64,
    count: u64,
    out: PathBuf,
    markdown: bool,
    docx: bool,
    long: u64,
    long_pages: u32,
    jobs: usize,
}

fn parse() -> Result<Options, String> {
    let mut o = Options {
        seed: 42,
        count: 0,
        out: PathBuf::new(),
        markdown: true,
        docx: true,
        long: 0,
        long_pages: 60,
        jobs: std::thread::available_parallelism().map_or(1, usize::from),
    };
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|e| format!("{v}: {e}"));
        match flag.as_str() {
            "--seed" => o.seed = number(value()?)?,
            "--count" => o.count = number(value()?)?,
            "--long" => o.long = number(value()?)?,
            "--long-pages" => o.long_pages = number(value()?)? as u32,
            "--jobs" => o.jobs = number(value()?)?.max(1) as usize,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--format" => match value()?.as_str() {
                "md" => (o.markdown, o.docx) = (true, false),
                "docx" => (o.markdown, o.docx) = (false, true),
                "both" => (o.markdown, o.docx) = (true, true),
                other => return Err(format!("unknown format {other:?}")),
            },
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    o.out = out.ok_or("--out is required")?;
    Ok(o)
}

fn main() -> ExitCode {
    let o = match parse() {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("letter-corpus: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&o.out) {
        eprintln!("letter-corpus: {}: {e}", o.out.display());
        return ExitCode::from(1);
    }
    let start = Instant::now();
    let jobs: Vec<(u64, Shape)> = (1..=o.count)
        .map(|i| (i, Shape::Typical))
        .chain((1..=o.long).map(|i| {
            (
                i,
                Shape::Long {
                    pages: o.long_pages,
                },
            )
        }))
        .collect();
    let next = AtomicU64::new(0);
    let manifest: Mutex<Vec<(usize, String)>> = Mutex::new(Vec::with_capacity(jobs.len()));
    let failure: Mutex<Option<String>> = Mutex::new(None);
    let bytes = AtomicU64::new(0);
    std::thread::scope(|s| {
        for _ in 0..o.jobs {
            s.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::Relaxed) as usize;
                let Some(&(index, shape)) = jobs.get(k) else {
                    break;
                };
                let letter = compose(o.seed, index, shape);
                let mut written = 0u64;
                let mut result = Ok(());
                if o.markdown {
                    let md = to_markdown(&letter);
                    written += md.len() as u64;
                    result = std::fs::write(o.out.join(format!("{}.md", letter.name)), md)
                        .map_err(|e| e.to_string());
                }
                if o.docx && result.is_ok() {
                    result = to_docx(&letter)
                        .map_err(|e| e.to_string())
                        .and_then(|bytes| {
                            written += bytes.len() as u64;
                            std::fs::write(o.out.join(format!("{}.docx", letter.name)), bytes)
                                .map_err(|e| e.to_string())
                        });
                }
                if let Err(e) = result {
                    if let Ok(mut f) = failure.lock() {
                        f.get_or_insert(format!("{}: {e}", letter.name));
                    }
                    break;
                }
                bytes.fetch_add(written, Ordering::Relaxed);
                let line = format!(
                    "{}\t{}\t{}",
                    letter.name,
                    letter.word_count(),
                    letter.expected_rules().join(",")
                );
                if let Ok(mut m) = manifest.lock() {
                    m.push((k, line));
                }
            });
        }
    });
    if let Some(e) = failure.into_inner().ok().flatten() {
        eprintln!("letter-corpus: {e}");
        return ExitCode::from(1);
    }
    let mut lines = manifest.into_inner().unwrap_or_default();
    lines.sort();
    let mut tsv = String::from("letter\twords\texpected_rules\n");
    for (_, line) in &lines {
        tsv.push_str(line);
        tsv.push('\n');
    }
    if let Err(e) = std::fs::write(o.out.join("manifest.tsv"), tsv) {
        eprintln!("letter-corpus: manifest.tsv: {e}");
        return ExitCode::from(1);
    }
    eprintln!(
        "letter-corpus: {} letters, {:.1} MB, in {:.2} s",
        lines.len(),
        bytes.load(Ordering::Relaxed) as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

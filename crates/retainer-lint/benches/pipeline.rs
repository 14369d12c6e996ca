//! The whole library pipeline on generated letters: bytes in, findings out (read + lint), as
//! `Linter::lint_bytes` does it for each file of a run. Complements the per-stage benches
//! (`read_docx`, `read_markdown`, `lint`): this one answers "how many letters per second per
//! core" and "does time grow linearly with the letter's length".
//!
//! `cargo bench -p retainer-lint --bench pipeline`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use letter_corpus::{compose, to_docx, to_markdown, Shape};
use retainer_lint::{Config, Format, Linter};

const SEED: u64 = 42;
const LETTERS: u64 = 20;
fn linter(all_packs: bool) -> Linter {
    let mut config = Config::builtin();
    if all_packs {
        // Every built-in pack, as `--extends` would enable them.
        config.extends = retainer_lint::rules::pack::builtin_names()
            .map(str::to_string)
            .collect();
    }
    Linter::new(&config).expect("built-in packs compile")
}

fn typical(c: &mut Criterion) {
    let letters: Vec<_> = (1..=LETTERS)
        .map(|i| compose(SEED, i, Shape::Typical))
        .collect();
    let docx: Vec<Vec<u8>> = letters.iter().map(|l| to_docx(l).expect("docx")).collect();
    let md: Vec<String> = letters.iter().map(to_markdown).collect();
    let mut group = c.benchmark_group("pipeline/typical");
    group.throughput(Throughput::Elements(LETTERS));
    for (packs, all) in [("core", false), ("all-packs", true)] {
        let linter = linter(all);
        group.bench_function(BenchmarkId::new("docx", packs), |b| {
            b.iter(|| {
                let mut findings = 0;
                for bytes in &docx {
                    let report = linter.lint_bytes("letter.docx", bytes, Some(Format::Docx));
                    findings += report.map_or(0, |r| r.diagnostics.len());
                }
                findings
            })
        });
        group.bench_function(BenchmarkId::new("markdown", packs), |b| {
            b.iter(|| {
                let mut findings = 0;
                for text in &md {
                    let report =
                        linter.lint_bytes("letter.md", text.as_bytes(), Some(Format::Markdown));
                    findings += report.map_or(0, |r| r.diagnostics.len());
                }
                findings
            })
        });
    }
    group.finish();
}

/// One letter of 3 to 120 pages: time per page should stay flat.
fn length(c: &mut Criterion) {
    let linter = linter(true);
    let mut group = c.benchmark_group("pipeline/length");
    group.sample_size(20);
    for pages in [3u32, 15, 60, 120] {
        let letter = if pages <= 4 {
            compose(SEED, 1, Shape::Typical)
        } else {
            compose(SEED, 1, Shape::Long { pages })
        };
        let bytes = to_docx(&letter).expect("docx");
        group.throughput(Throughput::Elements(u64::from(pages)));
        group.bench_with_input(BenchmarkId::new("docx-pages", pages), &bytes, |b, bytes| {
            b.iter(|| {
                linter
                    .lint_bytes("letter.docx", bytes, Some(Format::Docx))
                    .map_or(0, |r| r.diagnostics.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, typical, length);
criterion_main!(benches);

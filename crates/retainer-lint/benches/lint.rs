//! Benchmarks: one typical letter with the built-in packs, and how matching cost grows with the
//! number of rules (50 → 500 synthetic `forbid`/`require` rules on top of `core`).
//!
//! Run: `cargo bench -p retainer-lint --bench lint`.

use std::fmt::Write as _;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use retainer_lint::{read, Config, Format, Limits, Linter};

const LETTER: &str = include_str!("../../../fixtures/letters/family-sk.md");

/// A firm pack with `n` synthetic rules: half `forbid` (phrases), half `require` (clauses).
fn synthetic_pack(n: usize) -> String {
    let mut pack = String::from("[pack]\nname = \"synthetic\"\n\n");
    for i in 0..n {
        let word = format!("zq{i}x");
        if i % 2 == 0 {
            let _ = write!(
                pack,
                "[[rule]]\nid = \"syn.forbid-{i}\"\nkind = \"forbid\"\nseverity = \"info\"\nsummary = \"s\"\nmessage = \"m\"\npatterns = ['\\b{word}\\b', {{ all = ['\\bretainer\\b', '\\b{word}y\\b'] }}]\n\n"
            );
        } else {
            let _ = write!(
                pack,
                "[[rule]]\nid = \"syn.require-{i}\"\nkind = \"require\"\nseverity = \"info\"\nsummary = \"s\"\nmessage = \"m\"\npatterns = [{{ all = ['\\b{word}\\b', '{{money}}'] }}]\n\n"
            );
        }
    }
    pack
}

fn linter_with(extra_rules: usize) -> Linter {
    let dir = std::env::temp_dir().join(format!(
        "retainer-lint-bench-{}-{extra_rules}",
        std::process::id()
    ));
    let _ = std::fs::create_dir_all(&dir);
    let pack = dir.join("synthetic.toml");
    let _ = std::fs::write(&pack, synthetic_pack(extra_rules));
    let mut config = Config::builtin();
    config.extends.push(pack.display().to_string());
    match Linter::new(&config) {
        Ok(l) => l,
        Err(e) => panic!("synthetic pack: {e:?}"),
    }
}

fn bench(c: &mut Criterion) {
    let doc = match read(
        LETTER.as_bytes(),
        Some(Format::Markdown),
        &Limits::default(),
    ) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let core = Linter::builtin();
    c.bench_function("lint family-sk.md with core", |b| {
        b.iter(|| core.lint_document(&doc))
    });

    let mut group = c.benchmark_group("rule scaling");
    for extra in [0usize, 446] {
        let linter = linter_with(extra);
        let rules = linter.rules().len();
        group.bench_with_input(BenchmarkId::new("rules", rules), &linter, |b, l| {
            b.iter(|| l.lint_document(&doc))
        });
    }
    group.finish();

    c.bench_function("compile core", |b| {
        b.iter(|| Linter::new(&Config::builtin()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

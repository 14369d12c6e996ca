//! Markdown reader throughput: a typical letter and a generated 5,000-paragraph letter.
//!
//! `cargo bench -p retainer-lint --bench read_markdown`

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pulldown_cmark::{Options, Parser};
use retainer_lint::{read, Format, Limits};

const LETTER: &str = include_str!("../../../fixtures/cross-format/letter.md");

/// 5,000 paragraphs of letter-like Markdown: headings every 25 paragraphs, emphasis, links,
/// soft breaks, an entity, list items and a table row now and then.
fn long_letter() -> String {
    let mut s =
        String::from("---\ntitle: Master Services Engagement\nclient: Example plc\n---\n\n");
    for i in 0..5_000 {
        if i % 25 == 0 {
            s.push_str(&format!("## Clause {}\n\n", i / 25 + 1));
        }
        match i % 5 {
            0 => s.push_str(&format!(
                "- Item {i}: we will **review** the documents and report to you\n  within \
                 10 working days of receiving them.\n\n"
            )),
            1 => s.push_str(&format!(
                "| Fee earner {i} | £250 &amp; VAT |\n|---|---|\n| a | b |\n\n"
            )),
            _ => s.push_str(&format!(
                "Paragraph {i}. Our fees are charged at the *hourly rates* set out in the\n\
                 schedule, plus VAT and expenses; contact [billing](mailto:billing@firm.example)\n\
                 with any question about an invoice. We review rates each year.\n\n"
            )),
        }
    }
    s
}

fn parse_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

fn bench(c: &mut Criterion) {
    let long = long_letter();
    let limits = Limits::default();
    let mut group = c.benchmark_group("read_markdown");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    for (name, src) in [("letter", LETTER), ("5000-paragraphs", long.as_str())] {
        group.throughput(Throughput::Bytes(src.len() as u64));
        group.bench_with_input(BenchmarkId::new("read", name), src, |b, src| {
            b.iter(|| read(src.as_bytes(), Some(Format::Markdown), &limits).map(|d| d.blocks.len()))
        });
        // The floor: pulldown-cmark's events alone, with the reader's options.
        group.bench_with_input(BenchmarkId::new("parse-only", name), src, |b, src| {
            b.iter(|| {
                Parser::new_ext(src, parse_options())
                    .into_offset_iter()
                    .map(|(_, r)| r.len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! DOCX reader speed against the floor of only inflating `word/document.xml`.
//!
//! `cargo bench -p retainer-lint --bench read_docx`; throughput is in bytes of document.xml.
//! Before measuring, each document's sizes and compression ratio are printed on stderr.

#![allow(clippy::print_stderr)]

use std::io::Read;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
use retainer_lint::read::docx;
use retainer_lint::Limits;

const SENTENCE: &str = "The Firm will provide legal services in connection with the matter \
described above, and the Client agrees to pay the fees and disbursements set out below. ";

fn text_paragraph(i: usize) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(format!("{i}. ")).bold())
        .add_run(Run::new().add_text(SENTENCE.repeat(2)))
        .add_run(
            Run::new()
                .add_text("Retainer & deposit terms apply.")
                .italic(),
        )
}

/// A typical three-page engagement letter: headings, ~40 paragraphs, a fee table.
fn letter() -> Vec<u8> {
    let mut doc = Docx::new().add_paragraph(
        Paragraph::new()
            .style("Title")
            .add_run(Run::new().add_text("Engagement letter")),
    );
    for section in 0..6 {
        doc = doc.add_paragraph(
            Paragraph::new()
                .style("Heading1")
                .add_run(Run::new().add_text(format!("Section {section}"))),
        );
        for i in 0..7 {
            doc = doc.add_paragraph(text_paragraph(i));
        }
    }
    let rows = (0..8)
        .map(|i| {
            TableRow::new(vec![
                TableCell::new().add_paragraph(
                    Paragraph::new().add_run(Run::new().add_text(format!("Fee earner {i}"))),
                ),
                TableCell::new()
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_text("$350 per hour"))),
            ])
        })
        .collect();
    pack(doc.add_table(Table::new(rows)))
}

/// A long document: 5,000 paragraphs. Every paragraph is the same sentence with a different
/// number, so the part compresses ~100:1 and inflates at GB/s: a floor no real letter has.
/// Kept because it is the figure first reported; see [`varied_long_document`].
fn long_document() -> Vec<u8> {
    let mut doc = Docx::new();
    for i in 0..5000 {
        doc = doc.add_paragraph(text_paragraph(i));
    }
    pack(doc)
}

/// A typical 3-page letter of the generated corpus (letter 1 of seed 42): varied wording,
/// letterhead header, footer, lists, a table.
fn corpus_letter() -> Vec<u8> {
    let letter = letter_corpus::compose(42, 1, letter_corpus::Shape::Typical);
    letter_corpus::to_docx(&letter).expect("letter-corpus writes DOCX")
}

/// At least 5,000 paragraphs of varied text: the bodies of consecutive corpus letters, one
/// after another in one document (their wording differs letter to letter, so the part
/// compresses like a real long letter, not like one sentence repeated).
fn varied_long_document() -> Vec<u8> {
    let mut long = letter_corpus::compose(42, 1, letter_corpus::Shape::Typical);
    let mut index = 2;
    while paragraphs(&long.blocks) < 5000 {
        let next = letter_corpus::compose(42, index, letter_corpus::Shape::Typical);
        long.blocks.extend(next.blocks);
        index += 1;
    }
    letter_corpus::to_docx(&long).expect("letter-corpus writes DOCX")
}

/// Paragraphs a list of corpus blocks becomes (`w:p` elements, table cells included).
fn paragraphs(blocks: &[letter_corpus::Block]) -> usize {
    blocks.iter().map(|b| b.texts().len()).sum()
}

/// docx-rs stores parts uncompressed; Word deflates them, so the package is re-deflated to
/// make "inflate only" the realistic floor it is for real letters.
fn pack(doc: Docx) -> Vec<u8> {
    let mut stored = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut stored)
        .expect("docx-rs packs in memory");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(stored.into_inner())).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("part");
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).expect("read part");
        out.start_file(part.name(), options).expect("start part");
        std::io::Write::write_all(&mut out, &bytes).expect("write part");
    }
    out.finish().expect("finish zip").into_inner()
}

/// The floor: inflate word/document.xml with the same zip crate, nothing else.
fn inflate_document(bytes: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut file = zip.by_name("word/document.xml").expect("document part");
    let mut out = Vec::with_capacity(file.size() as usize);
    file.read_to_end(&mut out).expect("inflate");
    out.len()
}

/// `w:p` elements in word/document.xml.
fn count_paragraphs(bytes: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut file = zip.by_name("word/document.xml").expect("document part");
    let mut xml = String::new();
    file.read_to_string(&mut xml).expect("inflate");
    xml.matches("<w:p>").count() + xml.matches("<w:p ").count()
}

/// The compressed size of word/document.xml in the package.
fn document_packed_size(bytes: &[u8]) -> u64 {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let file = zip.by_name("word/document.xml").expect("document part");
    file.compressed_size()
}

/// A second reference: inflate, then pull every event with quick-xml's namespace-aware reader
/// and do nothing with it (the parsing floor of any quick-xml reader).
fn inflate_and_parse(bytes: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut file = zip.by_name("word/document.xml").expect("document part");
    let mut xml = Vec::with_capacity(file.size() as usize);
    file.read_to_end(&mut xml).expect("inflate");
    let mut reader = quick_xml::NsReader::from_reader(&xml[..]);
    let mut events = 0;
    loop {
        match reader.read_resolved_event().expect("parse") {
            (_, quick_xml::events::Event::Eof) => break,
            _ => events += 1,
        }
    }
    events
}

/// The same without namespace resolution (quick-xml's plain `Reader`).
fn inflate_and_parse_without_namespaces(bytes: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut file = zip.by_name("word/document.xml").expect("document part");
    let mut xml = Vec::with_capacity(file.size() as usize);
    file.read_to_end(&mut xml).expect("inflate");
    let mut reader = quick_xml::Reader::from_reader(&xml[..]);
    let mut events = 0;
    loop {
        match reader.read_event().expect("parse") {
            quick_xml::events::Event::Eof => break,
            _ => events += 1,
        }
    }
    events
}

fn bench(c: &mut Criterion) {
    let limits = Limits::default();
    for (name, bytes) in [
        ("letter-3-pages", letter()),
        ("paragraphs-5000", long_document()),
        ("corpus-letter-3-pages", corpus_letter()),
        ("corpus-paragraphs-5000-varied", varied_long_document()),
    ] {
        let xml_len = inflate_document(&bytes);
        let packed_len = document_packed_size(&bytes);
        eprintln!(
            "{name}: package {} bytes, document.xml {xml_len} bytes ({} paragraphs) deflated to {packed_len} ({:.1}:1)",
            bytes.len(),
            count_paragraphs(&bytes),
            xml_len as f64 / packed_len.max(1) as f64
        );
        let mut group = c.benchmark_group(name);
        group
            .throughput(Throughput::Bytes(xml_len as u64))
            .sample_size(20)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        group.bench_function("read", |b| {
            b.iter(|| docx::read(std::hint::black_box(&bytes), &limits).expect("reads"))
        });
        group.bench_function("inflate-only", |b| {
            b.iter(|| inflate_document(std::hint::black_box(&bytes)))
        });
        group.bench_function("inflate-and-parse-only", |b| {
            b.iter(|| inflate_and_parse(std::hint::black_box(&bytes)))
        });
        group.bench_function("inflate-and-parse-only-no-namespaces", |b| {
            b.iter(|| inflate_and_parse_without_namespaces(std::hint::black_box(&bytes)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

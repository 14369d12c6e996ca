//! Every limit of `Limits` (docs/limits.md) at its edge, from the library and from the CLI:
//! an input exactly at the limit is read, one unit over ends as the limit's error code.
//! Each case builds its input, finds the value that input needs independently of the reader
//! (bytes, nesting written, blocks written, findings counted without the limit), and checks
//! both sides of it.

use std::path::Path;

use retainer_lint::{read, Format, Limits, Linter};

use crate::cli_common::{code, json, run};
use crate::docx_reader::{document_xml, p, package};

/// One limit: its CLI option, how to set it in `Limits`, and the code past it.
struct Edge {
    option: &'static str,
    set: fn(&mut Limits, u64),
    code: &'static str,
}

const INPUT: Edge = Edge {
    option: "--max-input-size",
    set: |l, v| l.max_input_bytes = v,
    code: "input.too-large",
};
const PART: Edge = Edge {
    option: "--max-part-size",
    set: |l, v| l.max_part_bytes = v,
    code: "input.too-large",
};
const TOTAL: Edge = Edge {
    option: "--max-total-size",
    set: |l, v| l.max_total_bytes = v,
    code: "input.too-large",
};
const RATIO: Edge = Edge {
    option: "--max-compression-ratio",
    set: |l, v| l.max_compression_ratio = v,
    code: "input.zip-bomb",
};
const DEPTH: Edge = Edge {
    option: "--max-depth",
    set: |l, v| l.max_depth = v as usize,
    code: "input.too-deep",
};
const BLOCKS: Edge = Edge {
    option: "--max-blocks",
    set: |l, v| l.max_blocks = v as usize,
    code: "input.too-large",
};
const TEXT: Edge = Edge {
    option: "--max-text-size",
    set: |l, v| l.max_text_bytes = v as usize,
    code: "input.too-large",
};
const FINDINGS: Edge = Edge {
    option: "--max-findings",
    set: |l, v| l.max_findings = v as usize,
    code: "input.too-large",
};

/// Limits with every bound lifted except the one under test, so that nothing else trips.
fn only(edge: &Edge, value: u64) -> Limits {
    let mut limits = Limits {
        max_input_bytes: u64::MAX,
        max_part_bytes: u64::MAX,
        max_total_bytes: u64::MAX,
        max_compression_ratio: u64::MAX,
        max_depth: usize::MAX,
        max_blocks: usize::MAX,
        max_text_bytes: usize::MAX,
        max_findings: usize::MAX,
    };
    (edge.set)(&mut limits, value);
    limits
}

/// Library then CLI: `at` passes, `at - 1` fails with the edge's code.
#[track_caller]
fn check_edge(edge: &Edge, name: &str, bytes: &[u8], at: u64) {
    let linter = Linter::builtin();
    let lint = |value: u64| {
        linter
            .with_limits(only(edge, value))
            .lint_bytes(name, bytes, None)
    };
    if let Err(e) = lint(at) {
        panic!(
            "{} = {at}: {name} should be read: {} {}",
            edge.option,
            e.code(),
            e.message()
        );
    }
    match lint(at - 1) {
        Ok(_) => panic!("{} = {}: {name} should be refused", edge.option, at - 1),
        Err(e) => assert_eq!(e.code(), edge.code, "{}: {}", edge.option, e.message()),
    }
    // The CLI option reaches the same limit (the others at their defaults).
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let cli = |value: u64| {
        let value = value.to_string();
        run(
            dir.path(),
            &["--isolated", "--format", "json", edge.option, &value, name],
        )
    };
    let out = cli(at);
    assert_ne!(
        code(&out),
        2,
        "{} {at}: {}",
        edge.option,
        crate::cli_common::stdout(&out)
    );
    assert!(json(&out)["files"][0]["error"].is_null());
    let out = cli(at - 1);
    assert_eq!(code(&out), 2, "{} {}", edge.option, at - 1);
    assert_eq!(json(&out)["files"][0]["error"]["code"], edge.code);
}

/// A short letter with findings (a placeholder, a vague promise).
const LETTER: &str = "# Retainer letter\n\nDear [CLIENT NAME],\n\nWe will respond promptly.\n";

#[test]
fn input_size_at_its_edge() {
    check_edge(&INPUT, "letter.md", LETTER.as_bytes(), LETTER.len() as u64);
}

/// A package whose only part is `word/document.xml`, so the part and the total are its size.
fn one_part_docx(xml: &str) -> Vec<u8> {
    package(&[("word/document.xml", xml.as_bytes())])
}

#[test]
fn part_and_total_sizes_at_their_edges() {
    let xml = document_xml(&p("We will respond promptly."));
    let docx = one_part_docx(&xml);
    check_edge(&PART, "letter.docx", &docx, xml.len() as u64);
    check_edge(&TOTAL, "letter.docx", &docx, xml.len() as u64);
    // Two parts: the total is their sum, each part under the part limit.
    let styles =
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>"#;
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
    let two = package(&[
        ("word/document.xml", xml.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ]);
    check_edge(
        &TOTAL,
        "letter.docx",
        &two,
        (xml.len() + rels.len() + styles.len()) as u64,
    );
}

#[test]
fn compression_ratio_at_its_edge() {
    // 2 MiB of spaces in one paragraph: far above 1 MiB, compresses about a thousandfold.
    let xml = document_xml(&p(&" ".repeat(2 << 20)));
    let docx = one_part_docx(&xml);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let part = zip.by_name("word/document.xml").unwrap();
    let ratio = part.size() / part.compressed_size();
    assert!(ratio > 200, "a bomb at the default limit: {ratio}");
    check_edge(&RATIO, "letter.docx", &docx, ratio);
}

#[test]
fn xml_depth_at_its_edge() {
    // w:document > w:body > w:tbl > w:tr > w:tc > w:p > w:r > w:t: 8 elements deep.
    let xml = document_xml(&format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>",
        p("In a cell.")
    ));
    check_edge(&DEPTH, "letter.docx", &one_part_docx(&xml), 8);
}

#[test]
fn markdown_depth_at_its_edge() {
    // Three block quotes around a paragraph: four open blocks at the deepest point.
    let md = "> > > We will respond promptly.\n";
    check_edge(&DEPTH, "letter.md", md.as_bytes(), 4);
}

#[test]
fn blocks_at_their_edge() {
    let md = "# Title\n\nOne.\n\nTwo.\n\n- three\n- four\n";
    check_edge(&BLOCKS, "letter.md", md.as_bytes(), 5);
    let txt = "One.\n\nTwo.\n\nThree.\n";
    check_edge(&BLOCKS, "letter.txt", txt.as_bytes(), 3);
    let docx = one_part_docx(&document_xml(&p("para").repeat(7)));
    check_edge(&BLOCKS, "letter.docx", &docx, 7);
}

#[test]
fn text_size_at_its_edge() {
    // Markdown and text: the view is the source.
    check_edge(&TEXT, "letter.md", LETTER.as_bytes(), LETTER.len() as u64);
    check_edge(&TEXT, "letter.txt", LETTER.as_bytes(), LETTER.len() as u64);
    // DOCX: two paragraphs, one line each, joined by a newline.
    let docx = one_part_docx(&document_xml(&format!(
        "{}{}",
        p("First."),
        p("Second one.")
    )));
    check_edge(
        &TEXT,
        "letter.docx",
        &docx,
        ("First.\nSecond one.".len()) as u64,
    );
}

#[test]
fn findings_at_their_edge() {
    let letter = format!("{LETTER}\n{}", "Herein we respond promptly. ".repeat(40));
    let all = Linter::builtin()
        .with_limits(only(&FINDINGS, u64::MAX))
        .lint_bytes("letter.md", letter.as_bytes(), None)
        .unwrap()
        .diagnostics
        .len();
    assert!(all > 80, "two findings per sentence at least: {all}");
    check_edge(&FINDINGS, "letter.md", letter.as_bytes(), all as u64);
}

// Time has no limit of its own: it is bounded through the size limits because reading and
// linting are linear in the text. That is measured in the benchmarks (`benches/pipeline.rs`:
// one letter of 3 to 120 pages), never asserted here: a timed test fails on a busy machine.

#[test]
fn defaults_are_the_documented_table() {
    let d = Limits::default();
    assert_eq!(d.max_input_bytes, 256 << 20);
    assert_eq!(d.max_part_bytes, 64 << 20);
    assert_eq!(d.max_total_bytes, 256 << 20);
    assert_eq!(d.max_compression_ratio, 200);
    assert_eq!(d.max_depth, 256);
    assert_eq!(d.max_blocks, 1_000_000);
    assert_eq!(d.max_text_bytes, 64 << 20);
    assert_eq!(d.max_findings, 100_000);
    // docs/limits.md lists every CLI option of the table, and `--help` offers each.
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/limits.md"))
            .unwrap();
    let help = crate::cli_common::stdout(&run(Path::new("."), &["--help"]));
    for edge in [INPUT, PART, TOTAL, RATIO, DEPTH, BLOCKS, TEXT, FINDINGS] {
        assert!(
            doc.contains(&format!("`{}`", edge.option)),
            "{} in docs/limits.md",
            edge.option
        );
        assert!(help.contains(edge.option), "{} in --help", edge.option);
    }
}

#[test]
fn the_reader_alone_honours_the_limits_too() {
    // `read` (no linter) refuses at the same edges as `lint_bytes`.
    let limits = only(&TEXT, LETTER.len() as u64 - 1);
    assert_eq!(
        read(LETTER.as_bytes(), Some(Format::Markdown), &limits)
            .unwrap_err()
            .code(),
        "input.too-large"
    );
}

#[test]
fn dump_takes_the_limit_options_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("letter.md"), "One.\n\nTwo.\n").unwrap();
    let at = run(dir.path(), &["dump", "--max-blocks", "2", "letter.md"]);
    assert_eq!(code(&at), 0, "{}", crate::cli_common::stderr(&at));
    let over = run(dir.path(), &["dump", "--max-blocks", "1", "letter.md"]);
    assert_eq!(code(&over), 2);
    assert!(crate::cli_common::stderr(&over).starts_with("input.too-large: "));
}

//! Property tests on the core invariants (proptest; case counts in each `proptest_config`):
//!
//! - every diagnostic span (and label span) lies inside the text view on character
//!   boundaries, and the JSON report's `excerpt`, offset and line/column agree with the text at
//!   that span;
//! - linting is deterministic: the same bytes give the same diagnostics again, with a fresh
//!   `Linter`, and with one `Linter` shared by several threads;
//! - a generated letter written as Markdown and as DOCX yields the same diagnostics;
//! - no bytes make a reader or a rule panic (arbitrary bytes, letter-like text, damaged DOCX).
//!
//! Letters are built from fragments that trip the rules and the readers' edge cases: money,
//! durations, placeholders, defined terms, suppression directives, no-break and zero-width
//! spaces, combining marks, astral characters, Markdown markup.

use std::sync::OnceLock;

use proptest::prelude::*;
use retainer_lint::{Config, Diagnostic, Document, Format, InputErrorKind, Linter, Report};

use crate::docx_reader::docx;

/// Every built-in pack, compiled once for the whole module.
fn all_packs() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let mut config = Config::builtin();
        config.extends = all_packs_names();
        Linter::new(&config).expect("the built-in packs compile together")
    })
}

const WORDS: &[&str] = &[
    "We",
    "will",
    "respond",
    "promptly",
    "within",
    "2",
    "business",
    "days",
    "hours",
    "fee",
    "fees",
    "$2,500",
    "$350",
    "per",
    "hour",
    "retainer",
    "trust",
    "account",
    "plus",
    "GST",
    "HST",
    "VAT",
    "tax",
    "30%",
    "five",
    "(5)",
    "[CLIENT NAME]",
    "[DATE]",
    "{{matter}}",
    "herein",
    "hereinafter",
    "Section",
    "3",
    "clause",
    "4.2",
    "the",
    "\u{201c}Services\u{201d}",
    "(the \"Client\")",
    "Client",
    "assistant",
    "Ms.",
    "Lee",
    "call",
    "555-0100",
    "+44 20 7946 0958",
    "a@example.com",
    "1 January 2026",
    "January 32, 2026",
    "e-mail",
    "progress",
    "report",
    "monthly",
    "next",
    "steps",
    "sign",
    "return",
    "estimate",
    "disbursements",
    "complaint",
    "Law Society",
    "contingency",
    "\u{e9}t\u{e9}",
    "e\u{301}",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "\u{1f600}",
    "\u{4e2d}\u{6587}",
    "\u{fb01}",
    "\t",
    "(",
    ")",
    "\"",
    "\u{2014}",
    "\u{2026}",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
];

const MARKUP: &[&str] = &[
    "**",
    "_",
    "`",
    "[",
    "](https://example.invalid)",
    "<!-- a comment -->",
    "<!-- retainer-lint-disable-next-line response.vague -->",
    "<!-- retainer-lint-disable -->",
    "<!-- retainer-lint-enable -->",
    "&amp;",
    "&nbsp;",
    "&#x1F600;",
    "\\",
    "<br>",
    "~~",
];

const BLOCK_PREFIXES: &[&str] = &[
    "", "", "", "# ", "## ", "### ", "- ", "* ", "1. ", "2) ", "> ", "    ", "| ", "---\n",
];

/// One line of words and (sometimes) markup.
fn line(markup: bool) -> impl Strategy<Value = String> {
    let token = if markup {
        prop_oneof![
            4 => prop::sample::select(WORDS),
            1 => prop::sample::select(MARKUP),
        ]
        .boxed()
    } else {
        prop::sample::select(WORDS).boxed()
    };
    (
        prop::collection::vec(token, 0..24),
        prop::bool::weighted(0.8),
    )
        .prop_map(|(tokens, spaced)| tokens.join(if spaced { " " } else { "" }))
}

/// A letter as Markdown-ish source: blocks with prefixes, separated by one or two newlines.
fn letter_source() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(BLOCK_PREFIXES),
            line(true),
            prop::bool::ANY,
        ),
        1..16,
    )
    .prop_map(|blocks| {
        let mut out = String::new();
        for (prefix, text, blank) in blocks {
            out.push_str(prefix);
            out.push_str(&text);
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out
    })
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A Word body of the same fragments: paragraphs (some headings, some tables), runs split
/// anywhere a token ends.
fn docx_body() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::collection::vec(line(false), 1..4),
            0u8..6,
        ),
        1..12,
    )
    .prop_map(|paragraphs| {
        let mut body = String::new();
        for (runs, shape) in paragraphs {
            let runs: String = runs
                .iter()
                .map(|r| {
                    format!(
                        "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                        xml_escape(r)
                    )
                })
                .collect();
            match shape {
                0 => body.push_str(&format!(
                    "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>{runs}</w:p>"
                )),
                1 => body.push_str(&format!(
                    "<w:tbl><w:tr><w:tc><w:p>{runs}</w:p></w:tc><w:tc><w:p>{runs}</w:p></w:tc></w:tr></w:tbl>"
                )),
                _ => body.push_str(&format!("<w:p>{runs}</w:p>")),
            }
        }
        body
    })
}

/// Column (1-based, in characters) and line of a byte offset, computed independently of the
/// library: count newlines and characters before it.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

/// The span invariants, checked on the diagnostics and on the JSON report the CLI would write.
fn check_spans(report: &Report) -> Result<(), TestCaseError> {
    let text = &*report.document.text;
    for d in &report.diagnostics {
        prop_assert!(
            text.get(d.span.clone()).is_some(),
            "{} span {:?} is not inside the {}-byte text view on character boundaries",
            d.rule,
            d.span,
            text.len()
        );
        for l in &d.labels {
            prop_assert!(
                text.get(l.span.clone()).is_some(),
                "{} label {:?}",
                d.rule,
                l.span
            );
        }
        if let Some(b) = d.block {
            prop_assert!(b < report.document.blocks.len());
        }
    }
    let checked = [retainer_lint_cli::check::Checked {
        name: report.name.clone(),
        format: Some(report.document.format),
        outcome: Ok(report.clone()),
    }];
    let run = retainer_lint_cli::report::Run {
        checked: &checked,
        rules: all_packs().rules(),
    };
    let mut out = Vec::new();
    retainer_lint_cli::report::json::write(&run, &mut out).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    prop_assert_eq!(diagnostics.len(), report.diagnostics.len());
    for (j, d) in diagnostics.iter().zip(&report.diagnostics) {
        let offset = j["span"]["offset"].as_u64().unwrap() as usize;
        let length = j["span"]["length"].as_u64().unwrap() as usize;
        prop_assert_eq!(offset..offset + length, d.span.clone());
        prop_assert_eq!(j["excerpt"].as_str().unwrap(), &text[d.span.clone()]);
        let (line, column) = line_column(text, d.span.start);
        prop_assert_eq!(j["span"]["start"]["line"].as_u64(), Some(line as u64));
        prop_assert_eq!(j["span"]["start"]["column"].as_u64(), Some(column as u64));
        let (end_line, end_column) = line_column(text, d.span.end);
        prop_assert_eq!(j["span"]["end"]["line"].as_u64(), Some(end_line as u64));
        prop_assert_eq!(j["span"]["end"]["column"].as_u64(), Some(end_column as u64));
    }
    Ok(())
}

fn lint(name: &str, bytes: &[u8], format: Format) -> Report {
    all_packs()
        .lint_bytes(name, bytes, Some(format))
        .unwrap_or_else(|e| panic!("{name}: {} {}", e.code(), e.message()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// 96 cases × 2 formats (Markdown and plain text of the same source).
    #[test]
    fn spans_of_text_letters_lie_on_the_text_view(source in letter_source()) {
        prop_assume!(!source.trim().is_empty());
        for (name, format) in [("letter.md", Format::Markdown), ("letter.txt", Format::Text)] {
            match all_packs().lint_bytes(name, source.as_bytes(), Some(format)) {
                Ok(report) => check_spans(&report)?,
                // Whitespace-only letters (e.g. only a zero-width space is not: it is text).
                Err(e) => prop_assert_eq!(e.kind(), InputErrorKind::Empty),
            }
        }
    }

    /// 96 cases.
    #[test]
    fn spans_of_docx_letters_lie_on_the_text_view(body in docx_body()) {
        let report = lint("letter.docx", &docx(&body), Format::Docx);
        check_spans(&report)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// 64 cases: the same letter linted twice gives the same document and the same findings.
    #[test]
    fn lint_is_deterministic(source in letter_source()) {
        prop_assume!(!source.trim().is_empty());
        let first = lint("letter.md", source.as_bytes(), Format::Markdown);
        let again = lint("letter.md", source.as_bytes(), Format::Markdown);
        prop_assert_eq!(&first.diagnostics, &again.diagnostics);
        prop_assert_eq!(&*first.document, &*again.document);
    }
}

#[test]
fn a_fresh_linter_gives_the_shared_linters_findings() {
    let fresh = {
        let mut config = Config::builtin();
        config.extends = all_packs_names();
        Linter::new(&config).unwrap()
    };
    for name in ["family-sk.md", "criminal-on.docx", "wills-ca.md"] {
        let path = letters_dir().join(name);
        let a = all_packs().lint_path(&path).unwrap();
        let b = fresh.lint_path(&path).unwrap();
        assert!(!a.diagnostics.is_empty(), "{name} has findings to compare");
        assert_eq!(a.diagnostics, b.diagnostics, "{name}");
    }
}

fn letters_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/letters")
}

fn all_packs_names() -> Vec<String> {
    [
        "core", "ca-sk", "ca-on", "us-ny", "us-ca", "uk-sra", "au-ul",
    ]
    .map(String::from)
    .to_vec()
}

/// Letters linted on 1 thread and on 4 threads sharing one `Linter`, in interleaved orders,
/// give identical diagnostics (the engine's caches are shared state).
#[test]
fn lint_is_the_same_on_one_thread_and_on_many() {
    let letters: Vec<String> = (1..=48)
        .map(|i| {
            letter_corpus::to_markdown(&letter_corpus::compose(7, i, letter_corpus::Shape::Typical))
        })
        .collect();
    let linter = all_packs();
    let single: Vec<Vec<Diagnostic>> = letters
        .iter()
        .map(|l| lint("letter.md", l.as_bytes(), Format::Markdown).diagnostics)
        .collect();
    assert!(
        single.iter().all(|d| !d.is_empty()),
        "every letter has findings"
    );
    let threads = 4;
    let mut many: Vec<Option<Vec<Diagnostic>>> = vec![None; letters.len()];
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let letters = &letters;
                s.spawn(move || {
                    // Thread t takes every t-th letter, walking backwards on odd threads.
                    let mut mine: Vec<usize> = (t..letters.len()).step_by(threads).collect();
                    if t % 2 == 1 {
                        mine.reverse();
                    }
                    mine.into_iter()
                        .map(|i| {
                            let r = linter
                                .lint_bytes(
                                    "letter.md",
                                    letters[i].as_bytes(),
                                    Some(Format::Markdown),
                                )
                                .unwrap();
                            (i, r.diagnostics)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            for (i, d) in h.join().unwrap() {
                many[i] = Some(d);
            }
        }
    });
    let many: Vec<Vec<Diagnostic>> = many.into_iter().map(Option::unwrap).collect();
    assert_eq!(single, many);
}

/// What a finding says, independent of where the format puts it in its text view: the
/// Markdown view is the source, wrapped at 88 columns, where the DOCX view has one paragraph
/// per line, so the words under a span are compared with line breaks as spaces.
fn comparable(report: &Report) -> Vec<(String, String, String)> {
    let mut v: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.to_string(),
                d.message.clone(),
                report.document.text[d.span.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// 24 cases: a generated letter (any seed, any index) as Markdown and as DOCX.
    #[test]
    fn markdown_and_docx_of_a_letter_give_the_same_findings(seed in any::<u64>(), index in 1u64..10_000) {
        let letter = letter_corpus::compose(seed, index, letter_corpus::Shape::Typical);
        let md = lint("letter.md", letter_corpus::to_markdown(&letter).as_bytes(), Format::Markdown);
        let docx = lint("letter.docx", &letter_corpus::to_docx(&letter).unwrap(), Format::Docx);
        prop_assert!(!md.diagnostics.is_empty());
        prop_assert_eq!(comparable(&md), comparable(&docx));
    }
}

/// Reading and linting never panic; a failure is a typed error with a stable code.
fn total(bytes: &[u8], name: &str, format: Option<Format>) -> Result<(), TestCaseError> {
    match all_packs().lint_bytes(name, bytes, format) {
        Ok(report) => {
            check_document(&report.document)?;
            for d in &report.diagnostics {
                prop_assert!(report.document.text.get(d.span.clone()).is_some());
            }
        }
        Err(e) => {
            prop_assert!(e.code().starts_with("input."), "{}", e.code());
            prop_assert!(!e.message().is_empty());
        }
    }
    Ok(())
}

fn check_document(doc: &Document) -> Result<(), TestCaseError> {
    for b in &doc.blocks {
        let extent = b.map.view_extent();
        prop_assert!(extent.end <= doc.text.len());
        let whole = b.view_span(0..b.text.len());
        prop_assert!(whole.end <= doc.text.len());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// 256 cases × 4 ways to read (detected, Markdown, text, DOCX).
    #[test]
    fn no_bytes_make_a_reader_or_rule_panic(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        total(&bytes, "input", None)?;
        total(&bytes, "input.md", Some(Format::Markdown))?;
        total(&bytes, "input.txt", Some(Format::Text))?;
        total(&bytes, "input.docx", Some(Format::Docx))?;
    }

    /// 256 cases: letter-like text (the rules' words and the Markdown markup) as Markdown.
    #[test]
    fn no_letter_text_makes_a_rule_panic(source in letter_source()) {
        total(source.as_bytes(), "letter.md", Some(Format::Markdown))?;
    }
}

/// A small real letter as DOCX, for damaging.
fn sample_docx() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| std::fs::read(letters_dir().join("family-sk.docx")).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// 256 cases: a real DOCX with up to 8 bytes overwritten or the file cut short.
    #[test]
    fn no_damaged_docx_makes_the_reader_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        cut in any::<prop::sample::Index>(),
        truncate in prop::bool::weighted(0.2),
    ) {
        let mut bytes = sample_docx().to_vec();
        for (at, b) in edits {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        total(&bytes, "letter.docx", None)?;
    }
}

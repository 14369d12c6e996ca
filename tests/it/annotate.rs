//! Review copies (`retainer_lint::annotate`): for every DOCX fixture letter and every corpus
//! document the reader reads, the annotated copy reads back with the same body text, one new
//! comment per finding anchored on the finding's words, the old comments kept, and every part
//! but the four a comment needs byte for byte as it was.

use std::collections::{BTreeMap, HashMap};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use retainer_lint::annotate::{annotate_with, Anchor, Options, AUTHOR};
use retainer_lint::{BlockKind, Config, Document, Format, Limits, Linter, Report};

use crate::corpus::{corpus_dir, corpus_files};

const DATE: &str = "2026-01-31T09:00:00Z";

fn all_packs() -> Linter {
    let mut config = Config::builtin();
    config.extends = [
        "core", "ca-sk", "ca-on", "us-ny", "us-ca", "uk-sra", "au-ul",
    ]
    .map(String::from)
    .to_vec();
    Linter::new(&config).expect("the built-in packs compile together")
}

fn fixture_letters() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut files = Vec::new();
    for dir in ["fixtures/letters", "fixtures/cross-format"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "docx") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 10, "the DOCX fixture letters are there");
    files
}

/// Every part of a package, decompressed, by name.
fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        out.insert(file.name().to_string(), data);
    }
    out
}

/// Comment id -> (author, its paragraphs, its anchor's text or `None`).
type Comments = HashMap<String, (Option<String>, Vec<String>, Option<(usize, String)>)>;

fn comments(doc: &Document) -> Comments {
    let mut out: Comments = HashMap::new();
    for b in &doc.blocks {
        let Some(info) = &b.comment else { continue };
        let entry = out.entry(info.id.clone()).or_insert_with(|| {
            let anchored = info.anchor.as_ref().and_then(|a| {
                (a.start.block == a.end.block).then(|| {
                    let text = &doc.blocks[a.start.block].text;
                    (
                        a.start.block,
                        text.get(a.start.offset..a.end.offset)
                            .unwrap_or_default()
                            .to_string(),
                    )
                })
            });
            (info.author.clone(), Vec::new(), anchored)
        });
        entry.1.push(b.text.clone());
    }
    out
}

fn prose(doc: &Document) -> Vec<(BlockKind, &str)> {
    doc.blocks
        .iter()
        .filter(|b| b.kind.is_prose())
        .map(|b| (b.kind, b.text.as_str()))
        .collect()
}

/// Per-document figures: comments added, and how many sat on their words.
#[derive(Debug, Default)]
struct Figures {
    comments: usize,
    words: usize,
    paragraph: usize,
    note_reference: usize,
    holder: usize,
    field: usize,
    field_start: usize,
    first_paragraph: usize,
    /// Where the findings sent to the first paragraph are, by block kind.
    elsewhere: BTreeMap<&'static str, usize>,
}

/// Annotate one document and check everything the issue asks of the copy.
fn check(name: &str, bytes: &[u8], report: &Report) -> Figures {
    let annotated = annotate_with(
        bytes,
        report,
        &Options {
            date: Some(DATE.to_string()),
            command: Some(format!("retainer-lint {name}")),
        },
    )
    .unwrap_or_else(|e| panic!("{name}: {}: {e}", e.code()));
    assert_eq!(
        annotated.comments.len(),
        report.diagnostics.len() + 1,
        "{name}: one comment per finding and a summary"
    );
    let copy = retainer_lint::read(&annotated.bytes, Some(Format::Docx), &Limits::default())
        .unwrap_or_else(|e| panic!("{name}: the review copy does not read back: {e}"));
    let original = &report.document;
    assert_eq!(prose(&copy), prose(original), "{name}: body text changed");
    assert_eq!(
        copy.metadata, original.metadata,
        "{name}: properties changed"
    );
    // Tracked changes are all there, where they were. (A change left in a paragraph with no
    // text after the last one resolves into the next story read, here the new comments: the
    // reader's placement, not a change in the document.)
    assert_eq!(
        copy.tracked_changes.len(),
        original.tracked_changes.len(),
        "{name}"
    );
    for (a, b) in original.tracked_changes.iter().zip(&copy.tracked_changes) {
        assert_eq!(
            (a.kind, &a.author),
            (b.kind, &b.author),
            "{name}: tracked change"
        );
        let in_body =
            |d: &Document, p: &retainer_lint::document::Position| d.blocks[p.block].kind.is_prose();
        if in_body(original, &a.at.start) && in_body(&copy, &b.at.start) {
            assert_eq!(a.at, b.at, "{name}: tracked change moved");
        }
    }

    let before = comments(original);
    let after = comments(&copy);
    for (id, (author, lines, _)) in &before {
        let kept = after
            .get(id)
            .unwrap_or_else(|| panic!("{name}: comment {id} lost"));
        assert_eq!(
            (&kept.0, &kept.1),
            (author, lines),
            "{name}: comment {id} changed"
        );
    }
    let ours = after
        .values()
        .filter(|(a, _, _)| a.as_deref() == Some(AUTHOR))
        .count();
    let theirs = before
        .values()
        .filter(|(a, _, _)| a.as_deref() == Some(AUTHOR))
        .count();
    assert_eq!(
        ours - theirs,
        annotated.comments.len(),
        "{name}: exactly one new comment per finding (and the summary)"
    );

    let summary = &annotated.comments[0];
    let summary_anchor = after
        .get(&summary.id)
        .and_then(|c| c.2.clone())
        .unwrap_or_else(|| panic!("{name}: the summary comment has no anchor"));
    let mut figures = Figures::default();
    for c in &annotated.comments {
        let (author, lines, anchor) = after
            .get(&c.id)
            .unwrap_or_else(|| panic!("{name}: comment {} missing from the copy", c.id));
        assert_eq!(author.as_deref(), Some(AUTHOR));
        assert_eq!(lines, &c.lines, "{name}: comment {} text", c.id);
        assert!(!before.contains_key(&c.id), "{name}: id {} reused", c.id);
        figures.comments += 1;
        let Some(i) = c.diagnostic else { continue };
        let d = &report.diagnostics[i];
        let anchor = anchor
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: {} comment has no anchor", d.rule));
        match c.anchor {
            Anchor::Words => {
                figures.words += 1;
                assert_eq!(
                    anchor.1,
                    &original.text[d.span.clone()],
                    "{name}: {} anchored on other words",
                    d.rule
                );
                assert_eq!(
                    Some(anchor.0),
                    d.block,
                    "{name}: {} in another block",
                    d.rule
                );
            }
            Anchor::Paragraph => {
                figures.paragraph += 1;
                let block = d.block.expect("a paragraph anchor has a block");
                assert_eq!(anchor.0, block, "{name}: {}", d.rule);
                assert_eq!(anchor.1, original.blocks[block].text, "{name}: {}", d.rule);
            }
            Anchor::Field => {
                figures.field += 1;
                assert!(
                    anchor.1.contains(&original.text[d.span.clone()]),
                    "{name}: {} not around its words: {:?}",
                    d.rule,
                    anchor.1
                );
                assert_eq!(Some(anchor.0), d.block, "{name}: {}", d.rule);
            }
            Anchor::FieldStart => {
                figures.field_start += 1;
                assert!(anchor.1.is_empty(), "{name}: {} is a point", d.rule);
                assert!(copy.blocks[anchor.0].kind.is_prose(), "{name}: {}", d.rule);
                assert!(
                    c.lines
                        .last()
                        .unwrap()
                        .contains("of the field that begins here"),
                    "{name}: {:?}",
                    c.lines
                );
            }
            Anchor::Holder => {
                figures.holder += 1;
                assert!(copy.blocks[anchor.0].kind.is_prose(), "{name}: {}", d.rule);
                assert!(
                    c.lines.last().unwrap().starts_with("Where: in a text box"),
                    "{name}: {:?}",
                    c.lines
                );
            }
            Anchor::NoteReference => {
                figures.note_reference += 1;
                let block = &copy.blocks[anchor.0];
                assert!(
                    anchor.1.is_empty(),
                    "{name}: {} on the reference mark",
                    d.rule
                );
                assert!(block.kind.is_prose(), "{name}: {} in the body", d.rule);
                assert!(
                    c.lines.last().unwrap().contains("note marked here"),
                    "{name}: {:?}",
                    c.lines
                );
            }
            Anchor::FirstParagraph => {
                figures.first_paragraph += 1;
                let kind = d.block.map_or("none", |b| original.blocks[b].kind.name());
                *figures.elsewhere.entry(kind).or_default() += 1;
                assert_eq!(
                    anchor, &summary_anchor,
                    "{name}: {} not with the summary",
                    d.rule
                );
            }
        }
    }

    // Every part but the four a comment needs is byte for byte as it was.
    let old = parts(bytes);
    let new = parts(&annotated.bytes);
    // The main part is `word/document.xml` unless the package names another.
    let main = original
        .blocks
        .iter()
        .filter(|b| {
            !matches!(
                b.kind,
                BlockKind::Header
                    | BlockKind::Footer
                    | BlockKind::Footnote
                    | BlockKind::Endnote
                    | BlockKind::Comment
            )
        })
        .find_map(|b| b.docx.as_ref().map(|o| o.part.to_ascii_lowercase()))
        .unwrap_or_else(|| "word/document.xml".to_string());
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", &main));
    let main_rels = format!("{dir}/_rels/{file}.rels");
    let changeable = |n: &str| {
        let n = n.to_ascii_lowercase();
        n == "[content_types].xml" || n == main || n == main_rels || n.ends_with("comments.xml")
    };
    for (part, data) in &old {
        if changeable(part) {
            continue;
        }
        assert!(
            new.get(part) == Some(data),
            "{name}: part {part} changed or went missing"
        );
    }
    for part in new.keys() {
        assert!(
            old.contains_key(part) || changeable(part),
            "{name}: unexpected new part {part}"
        );
    }
    figures
}

#[test]
fn fixture_letters_annotate_and_read_back() {
    let linter = all_packs();
    let mut total = Figures::default();
    for path in fixture_letters() {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let report = linter.lint_bytes(&name, &bytes, None).unwrap();
        assert!(!report.diagnostics.is_empty(), "{name} has findings");
        let f = check(&name, &bytes, &report);
        total.comments += f.comments;
        total.words += f.words;
        // The fixture letters are plain body text: every finding sits on its words or, when
        // it names something missing, on its paragraph.
        assert_eq!(f.first_paragraph, 0, "{name}: {f:?}");
    }
    eprintln!("fixture letters: {total:?}");
    assert!(total.words > 20, "{total:?}");
}

#[test]
fn every_readable_corpus_document_annotates_and_reads_back() {
    let Some(dir) = corpus_dir() else {
        eprintln!("shared corpus not found: skipped");
        return;
    };
    let linter = all_packs();
    let mut total = Figures::default();
    let mut documents = 0;
    let mut failed = Vec::new();
    for path in corpus_files(&dir) {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.strip_prefix(&dir).unwrap().display().to_string();
        let Ok(report) = linter.lint_bytes(&name, &bytes, None) else {
            continue;
        };
        let f = match std::panic::catch_unwind(|| check(&name, &bytes, &report)) {
            Ok(f) => f,
            Err(_) => {
                failed.push(name);
                continue;
            }
        };
        documents += 1;
        total.comments += f.comments;
        total.words += f.words;
        total.paragraph += f.paragraph;
        total.note_reference += f.note_reference;
        total.holder += f.holder;
        total.field += f.field;
        total.field_start += f.field_start;
        total.first_paragraph += f.first_paragraph;
        for (k, n) in f.elsewhere {
            *total.elsewhere.entry(k).or_default() += n;
        }
    }
    eprintln!("corpus: {documents} documents annotated, {total:?}");
    assert!(
        total.note_reference > 0,
        "findings in notes sit on their marks: {total:?}"
    );
    assert!(failed.is_empty(), "review copies failed: {failed:?}");
    assert!(
        documents > 150,
        "most corpus documents are read: {documents}"
    );
}

fn docx_rs_bytes(docx: docx_rs::Docx) -> Vec<u8> {
    let mut bytes = Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).unwrap();
    bytes.into_inner()
}

fn main_xml(bytes: &[u8]) -> String {
    String::from_utf8(parts(bytes).remove("word/document.xml").unwrap()).unwrap()
}

#[test]
fn a_run_split_inside_keeps_its_properties_on_both_halves() {
    use docx_rs::{Docx, Paragraph, Run};
    let docx = Docx::new()
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Retainer letter")))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("Dear client, "))
                .add_run(
                    Run::new()
                        .add_text("we will respond promptly to your messages")
                        .italic()
                        .color("C00000")
                        .size(26),
                )
                .add_run(Run::new().add_text(" and keep you informed.").bold()),
        );
    let bytes = docx_rs_bytes(docx);
    let report = Linter::builtin()
        .lint_bytes("split.docx", &bytes, None)
        .unwrap();
    let vague = report
        .diagnostics
        .iter()
        .position(|d| &report.document.text[d.span.clone()] == "promptly")
        .expect("the vague promise is found");
    let annotated = annotate_with(&bytes, &report, &Options::default()).unwrap();
    let placed = annotated
        .comments
        .iter()
        .find(|c| c.diagnostic == Some(vague))
        .unwrap();
    assert_eq!(placed.anchor, Anchor::Words);

    let before = main_xml(&bytes);
    let after = main_xml(&annotated.bytes);
    let start = before.find("we will respond").unwrap();
    let run_start = before[..start].rfind("<w:r>").unwrap();
    let rpr_start = before[run_start..].find("<w:rPr>").unwrap() + run_start;
    let rpr_end = before[rpr_start..].find("</w:rPr>").unwrap() + rpr_start + "</w:rPr>".len();
    let rpr = &before[rpr_start..rpr_end];
    assert!(rpr.contains("<w:i />") || rpr.contains("<w:i/>"), "{rpr}");
    // The run is now three, each with the italic, coloured properties.
    for words in ["we will respond ", "promptly", " to your messages"] {
        let piece = format!("<w:r>{rpr}<w:t xml:space=\"preserve\">{words}</w:t></w:r>");
        assert!(after.contains(&piece), "{piece} not in {after}");
    }
    assert_eq!(after.matches(rpr).count(), before.matches(rpr).count() + 2);
    let id = &placed.id;
    assert!(after.contains(&format!("<w:commentRangeStart w:id=\"{id}\"/>")));
    // Nothing else in the part changed: without the marks, the reference runs and the seams
    // of the splits, the part is the original.
    let marks = regex::Regex::new(
        r#"<w:commentRange(Start|End) w:id="\d+"/>|<w:r><w:commentReference w:id="\d+"/></w:r>"#,
    )
    .unwrap();
    let undone = marks.replace_all(&after, "").into_owned();
    assert_eq!(merge_runs(&undone), merge_runs(&before));
}

/// The part with adjacent runs of identical properties joined into one (how docx-rs writes
/// them: properties, then one preserved text element).
fn merge_runs(xml: &str) -> String {
    let run = regex::Regex::new(
        r#"<w:r>(<w:rPr>.*?</w:rPr>|<w:rPr />)<w:t xml:space="preserve">([^<]*)</w:t></w:r>"#,
    )
    .unwrap();
    let mut out = String::new();
    let mut last: Option<(usize, String, String)> = None; // (end, props, text)
    let flush = |out: &mut String, last: &mut Option<(usize, String, String)>| {
        if let Some((_, props, text)) = last.take() {
            out.push_str(&format!(
                "<w:r>{props}<w:t xml:space=\"preserve\">{text}</w:t></w:r>"
            ));
        }
    };
    let mut from = 0;
    for m in run.captures_iter(xml) {
        let whole = m.get(0).unwrap();
        let (props, text) = (m[1].to_string(), m[2].to_string());
        if let Some((end, p, t)) = last.as_mut() {
            if *end == whole.start() && *p == props {
                t.push_str(&text);
                *end = whole.end();
                from = whole.end();
                continue;
            }
        }
        flush(&mut out, &mut last);
        out.push_str(&xml[from..whole.start()]);
        last = Some((whole.end(), props, text));
        from = whole.end();
    }
    flush(&mut out, &mut last);
    out.push_str(&xml[from..]);
    out
}

#[test]
fn header_findings_go_on_the_first_paragraph_and_name_the_header() {
    let letter = crate::support::letter_docx::LetterDescription::from_markdown(
        "# Retainer letter\n\nDear [CLIENT NAME],\n\nWe will respond promptly.\n",
    )
    .letterhead_to_header();
    let bytes = letter.to_docx_bytes();
    let report = Linter::builtin()
        .lint_bytes("h.docx", &bytes, None)
        .unwrap();
    let annotated = annotate_with(&bytes, &report, &Options::default()).unwrap();
    let in_header: Vec<_> = annotated
        .comments
        .iter()
        .filter(|c| {
            c.diagnostic
                .and_then(|i| report.diagnostics[i].block)
                .is_some_and(|b| report.document.blocks[b].kind == BlockKind::Header)
        })
        .collect();
    for c in &in_header {
        assert_eq!(c.anchor, Anchor::FirstParagraph);
        assert!(
            c.lines
                .last()
                .unwrap()
                .starts_with("Where: in the page header"),
            "{:?}",
            c.lines
        );
    }
    check("h.docx", &bytes, &report);
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A package of the given parts, written by hand.
fn package(parts: &[(&str, String)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const PACKAGE_RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A package written by hand: WordprocessingML as the default namespace (no prefix), a
/// comment already there, a tracked insertion, and a `&amp;` inside the words of a finding.
fn hand_written() -> Vec<u8> {
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#.to_string(),
        ),
        ("_rels/.rels", PACKAGE_RELS.to_string()),
        (
            "word/_rels/document.xml.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#.to_string(),
        ),
        (
            "word/document.xml",
            format!(
                r#"<?xml version="1.0"?><document xmlns="{W}" xmlns:x="{W}"><body><p><r><t>Retainer letter</t></r></p><p><commentRangeStart x:id="7"/><r><rPr><b/></rPr><t xml:space="preserve">Dear Ms. Doe, we will reply promptly &amp; fully </t></r><commentRangeEnd x:id="7"/><r><commentReference x:id="7"/></r><ins x:id="1" x:author="Ann"><r><t>and prior to the hearing.</t></r></ins></p></body></document>"#
            ),
        ),
        (
            "word/comments.xml",
            format!(
                r#"<?xml version="1.0"?><comments xmlns="{W}" xmlns:x="{W}"><comment x:id="7" x:author="Ann"><p><r><t>Check the greeting.</t></r></p></comment></comments>"#
            ),
        ),
    ];
    package(&parts)
}

/// A package whose body is `body` (WordprocessingML with the `w:` prefix), no comments part.
fn with_body(body: &str) -> Vec<u8> {
    package(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_string(),
        ),
        ("_rels/.rels", PACKAGE_RELS.to_string()),
        (
            "word/document.xml",
            format!(r#"<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#),
        ),
    ])
}

/// A complex field: begin, instruction, separate, then `result` (runs and paragraph breaks,
/// as raw XML), then end.
fn field(result: &str) -> String {
    format!(
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_BIBL CSL_BIBLIOGRAPHY </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{result}<w:r><w:fldChar w:fldCharType="end"/></w:r>"#
    )
}

/// The comment marks and reference runs of a main part, taken out again.
fn without_marks(xml: &str) -> String {
    regex::Regex::new(
        r#"<w:commentRange(Start|End) w:id="\d+"/>|<w:r><w:commentReference w:id="\d+"/></w:r>"#,
    )
    .unwrap()
    .replace_all(xml, "")
    .into_owned()
}

/// The comment on the finding whose words are `words`, with the report.
fn comment_on(bytes: &[u8], words: &str) -> (Report, retainer_lint::annotate::Annotated, usize) {
    let report = Linter::builtin()
        .lint_bytes("field.docx", bytes, None)
        .unwrap();
    let finding = report
        .diagnostics
        .iter()
        .position(|d| &report.document.text[d.span.clone()] == words)
        .unwrap_or_else(|| panic!("{words:?} is found: {:?}", report.diagnostics));
    let annotated = annotate_with(bytes, &report, &Options::default()).unwrap();
    let comment = annotated
        .comments
        .iter()
        .position(|c| c.diagnostic == Some(finding))
        .unwrap();
    (report, annotated, comment)
}

#[test]
fn a_finding_in_a_field_result_that_spans_paragraphs_goes_just_before_the_field() {
    // A bibliography field whose result is two paragraphs, "promptly" in the first: comment
    // marks there are read by LibreOffice as a comment with no text.
    let body = format!(
        r#"<w:p><w:r><w:t>Retainer letter</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Dear Ms. Doe, thank you for your instructions.</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Our sources: </w:t></w:r>{}</w:p><w:p><w:r><w:t>Yours sincerely, Ann Smith</w:t></w:r></w:p>"#,
        field(
            r#"<w:r><w:t xml:space="preserve">Smith (2016): we answer promptly.</w:t></w:r></w:p><w:p><w:r><w:t>Jones (2013): a second work.</w:t></w:r></w:p><w:p>"#
        )
    );
    let bytes = with_body(&body);
    let (report, annotated, i) = comment_on(&bytes, "promptly");
    let placed = &annotated.comments[i];
    assert_eq!(placed.anchor, Anchor::FieldStart);
    let block = report.diagnostics[placed.diagnostic.unwrap()]
        .block
        .unwrap();
    assert_eq!(
        placed.lines.last().unwrap(),
        &format!(
            "Where: in paragraph {}, in the result of the field that begins here, \u{201c}promptly\u{201d}",
            block + 1
        )
    );
    // A point just before the run holding the field's begin: start, end, reference, begin.
    let after = main_xml(&annotated.bytes);
    let id = &placed.id;
    let point = format!(
        r#"<w:commentRangeStart w:id="{id}"/><w:commentRangeEnd w:id="{id}"/><w:r><w:commentReference w:id="{id}"/></w:r>"#
    );
    let at = after.find(&point).unwrap_or_else(|| panic!("{after}"));
    let rest = without_marks(&after[at..]);
    assert!(
        rest.starts_with(r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#),
        "{rest}"
    );
    assert!(
        without_marks(&after[..at])
            .ends_with(r#"<w:t xml:space="preserve">Our sources: </w:t></w:r>"#),
        "{after}"
    );
    // No mark inside the field: between its begin and its end there are none.
    let begin = after.find(r#"w:fldCharType="begin""#).unwrap();
    let end = after.find(r#"w:fldCharType="end""#).unwrap();
    assert!(!after[begin..end].contains("comment"), "{after}");
    // The body is the original, and reads back the same.
    assert_eq!(without_marks(&after), main_xml(&bytes));
    let f = check("field.docx", &bytes, &report);
    assert!(f.field_start >= 1, "{f:?}");
}

#[test]
fn a_finding_in_a_one_paragraph_field_result_encloses_the_whole_field() {
    let body = format!(
        r#"<w:p><w:r><w:t>Retainer letter</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Dear Ms. Doe, we will reply </w:t></w:r>{}<w:r><w:t xml:space="preserve"> to your messages.</w:t></w:r></w:p>"#,
        field(r#"<w:r><w:t>promptly</w:t></w:r>"#)
    );
    let bytes = with_body(&body);
    let (report, annotated, i) = comment_on(&bytes, "promptly");
    let placed = &annotated.comments[i];
    assert_eq!(placed.anchor, Anchor::Field);
    let after = main_xml(&annotated.bytes);
    let id = &placed.id;
    let start = after
        .find(&format!(r#"<w:commentRangeStart w:id="{id}"/>"#))
        .unwrap();
    let end = after
        .find(&format!(r#"<w:commentRangeEnd w:id="{id}"/>"#))
        .unwrap();
    // From just before the begin run to just after the end run, nothing cut in between.
    let enclosed = without_marks(&after[start..end]);
    assert!(
        enclosed.starts_with(r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#),
        "{enclosed}"
    );
    assert!(
        enclosed.ends_with(r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#),
        "{enclosed}"
    );
    assert!(enclosed.contains("<w:t>promptly</w:t>"), "{enclosed}");
    assert_eq!(without_marks(&after), main_xml(&bytes));
    let f = check("field.docx", &bytes, &report);
    assert!(f.field >= 1, "{f:?}");
}

#[test]
fn a_default_namespace_package_with_a_comment_gets_prefixed_marks() {
    let bytes = hand_written();
    let report = Linter::builtin()
        .lint_bytes("hand.docx", &bytes, None)
        .unwrap();
    let words: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| &report.document.text[d.span.clone()])
        .collect();
    assert!(words.contains(&"promptly"), "{words:?}");
    assert!(words.contains(&"prior to"), "{words:?}");
    let f = check("hand.docx", &bytes, &report);
    // "promptly &amp; fully" is cut inside the bold run, next to an entity; "prior to" inside
    // the tracked insertion: both on their words, none sent to the first paragraph.
    assert!(f.words >= 2, "{f:?}");
    assert_eq!(f.first_paragraph, 0, "{f:?}");
    let annotated = annotate_with(&bytes, &report, &Options::default()).unwrap();
    let xml = main_xml(&annotated.bytes);
    let id = &annotated.comments[0].id;
    assert_ne!(id, "7");
    assert!(
        xml.contains(&format!("<w:commentRangeStart xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" w:id=\"{id}\"/>")),
        "{xml}"
    );
    let comments =
        String::from_utf8(parts(&annotated.bytes).remove("word/comments.xml").unwrap()).unwrap();
    assert!(
        comments.starts_with(r#"<?xml version="1.0"?><comments xmlns="#),
        "the part is extended, not rewritten"
    );
    assert!(comments.contains(r#"<comment x:id="7" x:author="Ann">"#));
}

#[test]
fn a_markdown_report_is_refused_with_a_code() {
    let report = Linter::builtin()
        .lint_bytes("l.md", b"# Letter\n\nWe will respond promptly.\n", None)
        .unwrap();
    let e = retainer_lint::annotate(b"# Letter", &report).unwrap_err();
    assert_eq!(e.code(), "annotate.not-docx");
}

#[test]
fn bytes_that_are_not_the_reported_letter_are_refused() {
    let linter = Linter::builtin();
    let files = fixture_letters();
    let report = linter.lint_path(&files[0]).unwrap();
    let e = retainer_lint::annotate(b"not a zip at all", &report).unwrap_err();
    assert_eq!(e.code(), "input.corrupt-zip");
    let other = std::fs::read(&files[1]).unwrap();
    let e = retainer_lint::annotate(&other, &report).unwrap_err();
    assert_eq!(e.code(), "annotate.mismatch", "{e}");
}

mod cli {
    use std::fs;

    use crate::cli_common::{code, run};

    fn letter_in(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap();
        let to = dir.join(name);
        fs::copy(root.join("fixtures/letters/family-sk.docx"), &to).unwrap();
        to
    }

    #[test]
    fn annotate_writes_a_review_copy_and_never_the_letter() {
        let dir = tempfile::tempdir().unwrap();
        let letter = letter_in(dir.path(), "letter.docx");
        let original = fs::read(&letter).unwrap();
        let out = run(
            dir.path(),
            &["--isolated", "letter.docx", "--annotate", "reviewed.docx"],
        );
        assert_eq!(code(&out), 0, "warnings only, so exit 0: {out:?}");
        let copy = fs::read(dir.path().join("reviewed.docx")).unwrap();
        assert_ne!(copy, original);
        assert_eq!(
            fs::read(&letter).unwrap(),
            original,
            "the letter is untouched"
        );

        // The letter itself, by path, by another spelling, by a symbolic or a hard link.
        fs::hard_link(&letter, dir.path().join("hard.docx")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&letter, dir.path().join("soft.docx")).unwrap();
        for target in ["letter.docx", "./letter.docx", "hard.docx", "soft.docx"] {
            if !dir.path().join(target).exists() {
                continue;
            }
            let out = run(
                dir.path(),
                &["--isolated", "letter.docx", "--annotate", target],
            );
            assert_eq!(code(&out), 2, "{target}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("annotate.same-file"), "{target}: {err}");
            assert_eq!(fs::read(&letter).unwrap(), original, "{target}");
        }
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with(".retainer-lint-"))
            .collect();
        assert!(names.is_empty(), "no temporary files left: {names:?}");
    }

    #[test]
    fn annotate_takes_one_letter_and_annotate_dir_takes_many() {
        let dir = tempfile::tempdir().unwrap();
        letter_in(dir.path(), "a.docx");
        letter_in(dir.path(), "b.docx");
        fs::write(
            dir.path().join("c.md"),
            "# Letter\n\nWe will respond promptly.\n",
        )
        .unwrap();
        let out = run(
            dir.path(),
            &["--isolated", "a.docx", "b.docx", "--annotate", "x.docx"],
        );
        assert_eq!(code(&out), 2);
        assert!(String::from_utf8_lossy(&out.stderr).contains("args.annotate-one"));
        assert!(!dir.path().join("x.docx").exists());

        let out = run(
            dir.path(),
            &[
                "--isolated",
                "a.docx",
                "b.docx",
                "c.md",
                "--annotate-dir",
                "review",
            ],
        );
        assert_eq!(code(&out), 1, "{out:?}");
        let mut names: Vec<_> = fs::read_dir(dir.path().join("review"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        assert_eq!(names, ["a.reviewed.docx", "b.reviewed.docx"]);

        // Two letters of one name in two folders: the second is not written over the first.
        fs::create_dir(dir.path().join("sub")).unwrap();
        letter_in(&dir.path().join("sub"), "a.docx");
        let out = run(
            dir.path(),
            &[
                "--isolated",
                "a.docx",
                "sub/a.docx",
                "--annotate-dir",
                "again",
            ],
        );
        assert_eq!(code(&out), 2);
        assert!(String::from_utf8_lossy(&out.stderr).contains("annotate.name-clash"));
        assert!(dir.path().join("again/a.reviewed.docx").is_file());
    }

    const MARKDOWN: &str =
        "# Retainer letter\n\nDear Ms. Doe,\n\nWe will answer your emails promptly. \
        Prior to the hearing we will give a prompt update.\nWe hereby confirm the fees.\n";

    #[test]
    fn diff_shows_only_the_safe_fixes_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("l.md"), MARKDOWN).unwrap();
        let out = run(dir.path(), &["--isolated", "--diff", "l.md"]);
        let diff = String::from_utf8_lossy(&out.stdout).to_string();
        assert_eq!(
            diff,
            "--- a/l.md\n+++ b/l.md\n@@ -5,1 +5,1 @@\n\
             -We will answer your emails promptly. Prior to the hearing we will give a prompt update.\n\
             +We will answer your emails within 2 business days. Before the hearing we will give a prompt update.\n"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("l.md")).unwrap(),
            MARKDOWN
        );
    }

    #[test]
    fn fix_applies_the_safe_fixes_in_place_and_leaves_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("l.md"), MARKDOWN).unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap();
        let docx = root.join("fixtures/letters/small-claims-ny.docx");
        fs::copy(&docx, dir.path().join("w.docx")).unwrap();
        let out = run(dir.path(), &["--isolated", "--fix", "l.md", "w.docx"]);
        assert_ne!(code(&out), 2, "{out:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("fixed 2 findings in l.md"));
        // "a prompt update" cannot become "a within 2 business days update"; "hereby" has no
        // replacement text. Both stay for a person.
        assert_eq!(
            fs::read_to_string(dir.path().join("l.md")).unwrap(),
            MARKDOWN
                .replace("promptly", "within 2 business days")
                .replace("Prior to", "Before")
        );
        assert_eq!(
            fs::read(dir.path().join("w.docx")).unwrap(),
            fs::read(&docx).unwrap()
        );
        let left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with(".retainer-lint-"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
        // Fixed once, nothing more to fix.
        let again = run(dir.path(), &["--isolated", "--diff", "l.md"]);
        assert!(again.stdout.is_empty(), "{again:?}");
    }
}

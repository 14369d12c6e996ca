//! What every fuzz target checks beyond "no panic": the invariants a reader's `Document` and
//! a lint's diagnostics promise (ARCHITECTURE.md, "Architecture invariants"). A broken
//! invariant panics, so libFuzzer keeps the input as a crash.

#![forbid(unsafe_code)]

use std::io::Write;

use retainer_lint::{Diagnostic, Document, Limits};

/// Limits small enough that the fuzzer spends its time on structure, not on huge inputs, yet
/// large enough for every seed; the default limits are exercised by the test suite.
pub fn limits() -> Limits {
    Limits {
        max_input_bytes: 4 << 20,
        max_part_bytes: 4 << 20,
        max_total_bytes: 8 << 20,
        max_text_bytes: 4 << 20,
        ..Limits::default()
    }
}

/// Every block maps into the text view: each plain byte to a range inside it, on character
/// boundaries, and the whole extent too.
pub fn check_document(doc: &Document) {
    let text = &*doc.text;
    for (i, block) in doc.blocks.iter().enumerate() {
        let extent = block.map.view_extent();
        assert!(
            extent.end <= text.len(),
            "block {i} extent {extent:?} past the text view ({})",
            text.len()
        );
        for (at, _) in block.text.char_indices() {
            let Some(r) = block.map.byte(at) else {
                panic!("block {i}: plain byte {at} has no view position");
            };
            assert!(r.end <= text.len(), "block {i}: byte {at} maps to {r:?}");
        }
        let whole = block.view_span(0..block.text.len());
        assert!(
            whole.start <= whole.end && whole.end <= text.len(),
            "block {i} view span {whole:?}"
        );
        if let Some(section) = block.section {
            assert!(section < doc.sections.len(), "block {i} section {section}");
        }
    }
    for s in &doc.sections {
        assert!(s.heading < doc.blocks.len());
    }
}

/// A diagnostic's spans lie in the text view on character boundaries and its block exists.
pub fn check_diagnostics(doc: &Document, diagnostics: &[Diagnostic]) {
    let text = &*doc.text;
    for d in diagnostics {
        assert!(
            text.get(d.span.clone()).is_some(),
            "{}: span {:?} not on character boundaries of a {}-byte view",
            d.rule,
            d.span,
            text.len()
        );
        for l in &d.labels {
            assert!(
                text.get(l.span.clone()).is_some(),
                "{}: label span {:?}",
                d.rule,
                l.span
            );
        }
        if let Some(b) = d.block {
            assert!(b < doc.blocks.len(), "{}: block {b}", d.rule);
        }
    }
    // Sorted by offset, then rule id: the order the output contract promises.
    for w in diagnostics.windows(2) {
        assert!(
            (w[0].span.start, &*w[0].rule) <= (w[1].span.start, &*w[1].rule),
            "diagnostics out of order: {} at {:?}, {} at {:?}",
            w[0].rule,
            w[0].span,
            w[1].rule,
            w[1].span
        );
    }
}

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A Word package around a fuzzed `word/document.xml`: content types, package and document
/// relationships, and small real styles, numbering, header, footer, footnotes and comments
/// parts the fuzzed body can reach through `rId1`…`rId6`. Stored, not deflated: the fuzzer's
/// time goes to the XML, and the deflate path has its own target (`docx_bytes`).
pub fn package_with_document(document_xml: &[u8]) -> Vec<u8> {
    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let root_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>"#
    );
    let doc_rels = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rId1" Type="{r}/styles" Target="styles.xml"/>"#,
            r#"<Relationship Id="rId2" Type="{r}/numbering" Target="numbering.xml"/>"#,
            r#"<Relationship Id="rId3" Type="{r}/header" Target="header1.xml"/>"#,
            r#"<Relationship Id="rId4" Type="{r}/footer" Target="footer1.xml"/>"#,
            r#"<Relationship Id="rId5" Type="{r}/footnotes" Target="footnotes.xml"/>"#,
            r#"<Relationship Id="rId6" Type="{r}/comments" Target="comments.xml"/>"#,
            r#"<Relationship Id="rId7" Type="{r}/hyperlink" Target="https://example.invalid/" TargetMode="External"/>"#,
            r#"</Relationships>"#
        ),
        r = REL
    );
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#
    );
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let header = format!(r#"<w:hdr {W}><w:p><w:r><w:t>Header</w:t></w:r></w:p></w:hdr>"#);
    let footer = format!(r#"<w:ftr {W}><w:p><w:r><w:t>Footer</w:t></w:r></w:p></w:ftr>"#);
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:id="1"><w:p><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let comments = format!(
        r#"<w:comments {W}><w:comment w:id="0" w:author="A"><w:p><w:r><w:t>A comment.</w:t></w:r></w:p></w:comment></w:comments>"#
    );
    let parts: [(&str, &[u8]); 10] = [
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", root_rels.as_bytes()),
        ("word/document.xml", document_xml),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/header1.xml", header.as_bytes()),
        ("word/footer1.xml", footer.as_bytes()),
        ("word/footnotes.xml", footnotes.as_bytes()),
        ("word/comments.xml", comments.as_bytes()),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in parts {
        // Writing to memory cannot fail; a zip error here is a harness bug worth a crash.
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(bytes).expect("zip write");
    }
    zip.finish().expect("zip finish").into_inner()
}

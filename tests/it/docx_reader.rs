//! The DOCX reader on small hand-written packages: structure, kinds, text rules, links,
//! fields, tracked changes, comments and run positions.

use std::io::Write;

use retainer_lint::document::{BlockKind, ChangeKind, Document};
use retainer_lint::read::docx;
use retainer_lint::Limits;

pub(crate) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A zip package of the given parts (deflated), built in memory.
pub(crate) fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

pub(crate) const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

pub(crate) fn package_rels(main: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="{main}"/></Relationships>"#
    )
}

/// A document part with the usual namespace declarations around `body` (content of w:body).
pub(crate) fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
    )
}

/// A DOCX whose body is `body`, plus extra `word/` parts and document relationships.
pub(crate) fn docx_with(
    body: &str,
    extra: &[(&str, &str)],
    rels: &[(&str, &str, &str)],
) -> Vec<u8> {
    let document = document_xml(body);
    let mut doc_rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (id, kind, target) in rels {
        let mode = if target.contains(':') {
            r#" TargetMode="External""#
        } else {
            ""
        };
        doc_rels.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{REL}/{kind}" Target="{target}"{mode}/>"#
        ));
    }
    doc_rels.push_str("</Relationships>");
    let root_rels = package_rels("word/document.xml");
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", root_rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
    ];
    for (name, xml) in extra {
        parts.push((name, xml.as_bytes()));
    }
    package(&parts)
}

pub(crate) fn docx(body: &str) -> Vec<u8> {
    docx_with(body, &[], &[])
}

pub(crate) fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn read(bytes: &[u8]) -> Document {
    docx::read(bytes, &Limits::default()).unwrap()
}

fn kinds_and_text(doc: &Document) -> Vec<(String, String)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind.to_string(), b.text.clone()))
        .collect()
}

/// Every block's text is its line of the text view, and its runs point at `w:t` content.
fn check_invariants(doc: &Document, parts: &[(&str, String)]) {
    let lines: Vec<&str> = doc.text.split('\n').collect();
    assert_eq!(lines.len(), doc.blocks.len(), "one line per block");
    for (i, block) in doc.blocks.iter().enumerate() {
        assert_eq!(lines[i], block.text);
        let origin = block.docx.as_ref().unwrap();
        assert_eq!(origin.paragraph as usize, i + 1);
        assert_eq!(&doc.text[block.view_span(0..block.text.len())], block.text);
        let xml = &parts.iter().find(|(n, _)| *n == &*origin.part).unwrap().1;
        for run in &origin.runs {
            assert_eq!(
                unescape(&xml[run.xml.clone()]),
                block.text[run.text.clone()]
            );
        }
    }
}

/// XML text unescaping for tests (predefined and numeric references), line breaks as spaces.
pub(crate) fn unescape(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').unwrap() + i;
        let name = &rest[i + 1..end];
        out.push(match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            n if n.starts_with("#x") => {
                char::from_u32(u32::from_str_radix(&n[2..], 16).unwrap()).unwrap()
            }
            n => char::from_u32(n[1..].parse().unwrap()).unwrap(),
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out.replace(['\n', '\r'], " ")
}

#[test]
fn paragraphs_one_per_line_with_empty_ones_skipped() {
    let body = format!(
        "{}<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>{}",
        p("First."),
        p("Second &amp;amp; third.")
    );
    let doc = read(&docx(&body));
    assert_eq!(&*doc.text, "First.\nSecond &amp; third.");
    assert_eq!(doc.blocks.len(), 2);
    assert_eq!(doc.blocks[1].kind, BlockKind::Paragraph);
    check_invariants(&doc, &[("word/document.xml", document_xml(&body))]);
}

#[test]
fn special_characters_show_as_the_characters_they_are() {
    let body = r#"<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>non</w:t><w:noBreakHyphen/><w:t>breaking soft</w:t><w:softHyphen/><w:t>hyphen </w:t><w:sym w:font="Symbol" w:char="F0A3"/><w:sym w:font="Arial" w:char="00A7"/><w:t xml:space="preserve"> &#169;&#x2014;&lt;&gt;&quot;&apos;</w:t></w:r></w:p>"#;
    let doc = read(&docx(body));
    assert_eq!(
        doc.blocks[0].text,
        "a\tb c non\u{2011}breaking softhyphen ≤§ ©—<>\"'"
    );
    check_invariants(&doc, &[("word/document.xml", document_xml(body))]);
}

#[test]
fn strict_namespace_and_odd_prefixes_resolve_by_uri() {
    let strict = r#"<?xml version="1.0"?><x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:r><x:t>Strict text</x:t></x:r></x:p></x:body></x:document>"#;
    let root_rels = package_rels("word/document.xml");
    let bytes = package(&[
        ("_rels/.rels", root_rels.as_bytes()),
        ("word/document.xml", strict.as_bytes()),
    ]);
    assert_eq!(&*read(&bytes).text, "Strict text");
    let ns0 = format!(
        r#"<ns0:document xmlns:ns0="{W}"><ns0:body><ns0:p><ns0:r><ns0:t>ns0 text</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>"#
    );
    let bytes = package(&[("word/document.xml", ns0.as_bytes())]);
    assert_eq!(&*read(&bytes).text, "ns0 text");
    // A `w:` prefix bound to another namespace is not WordprocessingML.
    let wrong = r#"<w:document xmlns:w="urn:other"><w:body><w:p><w:r><w:t>not word</w:t></w:r></w:p></w:body></w:document>"#;
    let bytes = package(&[("word/document.xml", wrong.as_bytes())]);
    assert!(read(&bytes).blocks.is_empty());
    // A prefix re-bound inside a subtree (or on an empty element) only for that scope.
    let rebound = document_xml(concat!(
        r#"<w:p><w:r><w:t>a</w:t></w:r><o:wrap xmlns:o="urn:o" xmlns:w="urn:other"><w:r><w:t>not word</w:t></w:r></o:wrap>"#,
        r#"<w:r><w:t>b</w:t><w:tab xmlns:w="urn:other"/><w:t>c</w:t></w:r></w:p>"#
    ));
    let bytes = package(&[("word/document.xml", rebound.as_bytes())]);
    assert_eq!(&*read(&bytes).text, "abc");
}

const STYLES: &str = r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titre"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="FeesHeading"><w:name w:val="Fees heading"/><w:basedOn w:val="H2"/></w:style>
<w:style w:type="paragraph" w:styleId="Outline1"><w:name w:val="Outline one"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
</w:styles>"#;

fn styled(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

#[test]
fn headings_titles_and_list_items_by_style_and_numbering() {
    let body = [
        styled("Titre", "Engagement letter"),
        styled("H2", "Fees"),
        styled("FeesHeading", "Deposit"),
        styled("Outline1", "Scope"),
        styled("Heading3", "No styles entry"),
        styled("ListBullet", "Bullet via style"),
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>Direct level 2</w:t></w:r></w:p>"#.into(),
        r#"<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Numbering off</w:t></w:r></w:p>"#.into(),
        r#"<w:p><w:pPr><w:pStyle w:val="H2"/><w:pPrChange w:author="A"><w:pPr><w:pStyle w:val="Titre"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Changed style</w:t></w:r></w:p>"#.into(),
    ]
    .concat();
    let doc = read(&docx_with(
        &body,
        &[("word/styles.xml", STYLES)],
        &[("rId9", "styles", "styles.xml")],
    ));
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        vec![
            BlockKind::Title,
            BlockKind::Heading { level: 2 },
            BlockKind::Heading { level: 2 },
            BlockKind::Heading { level: 1 },
            BlockKind::Heading { level: 3 },
            BlockKind::ListItem { level: 0 },
            BlockKind::ListItem { level: 2 },
            BlockKind::Paragraph,
            BlockKind::Heading { level: 2 },
        ]
    );
    assert_eq!(doc.section_title(2), Some("Deposit"));
    assert_eq!(doc.tracked_changes.len(), 1);
    assert_eq!(doc.tracked_changes[0].kind, ChangeKind::Other);
}

#[test]
fn tables_nest_and_cells_know_their_row_and_column() {
    let cell = |content: &str| format!("<w:tc><w:tcPr/>{content}</w:tc>");
    let inner = format!(
        "<w:tbl><w:tblPr/><w:tblGrid/><w:tr>{}{}</w:tr></w:tbl>",
        cell(&p("inner a")),
        cell(&p("inner b"))
    );
    let body = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>{}",
        cell(&p("r0c0")),
        cell(&p("r0c1")),
        cell(&p("r1c0")),
        cell(&format!("{}{}{}", p("before"), inner, p("after"))),
        p("Below")
    );
    let doc = read(&docx(&body));
    assert_eq!(
        kinds_and_text(&doc),
        [
            ("table-cell[0,0]", "r0c0"),
            ("table-cell[0,1]", "r0c1"),
            ("table-cell[1,0]", "r1c0"),
            ("table-cell[1,1]", "before"),
            ("table-cell[0,0]", "inner a"),
            ("table-cell[0,1]", "inner b"),
            ("table-cell[1,1]", "after"),
            ("paragraph", "Below"),
        ]
        .map(|(k, t)| (k.to_string(), t.to_string()))
    );
}

#[test]
fn nested_tables_a_thousand_deep_read_without_recursion() {
    let depth = 1000;
    let body = format!(
        "{}{}{}",
        "<w:tbl><w:tr><w:tc>".repeat(depth),
        p("deep"),
        "</w:tc></w:tr></w:tbl>".repeat(depth)
    );
    let limits = Limits {
        max_depth: 4 * depth,
        ..Limits::default()
    };
    let doc = docx::read(&docx(&body), &limits).unwrap();
    assert_eq!(
        kinds_and_text(&doc),
        [("table-cell[0,0]".to_string(), "deep".to_string())]
    );
}

#[test]
fn text_boxes_read_once_from_one_alternate_branch() {
    let txbx = |text: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(text));
    let body = format!(
        r#"<w:p><w:r><w:t>Anchor </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>text.</w:t></w:r></w:p><w:p><w:r><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></w:r></w:p>"#,
        txbx("DrawingML box"),
        txbx("VML copy of the box"),
        txbx("VML only box")
    );
    let doc = read(&docx(&body));
    assert_eq!(
        kinds_and_text(&doc),
        [
            ("paragraph", "Anchor text."),
            ("text-box", "DrawingML box"),
            ("text-box", "VML only box")
        ]
        .map(|(k, t)| (k.to_string(), t.to_string()))
    );
    check_invariants(&doc, &[("word/document.xml", document_xml(&body))]);
}

#[test]
fn fields_show_results_not_instructions_and_hyperlinks_have_targets() {
    let body = concat!(
        r#"<w:p><w:r><w:t xml:space="preserve">Call </w:t></w:r>"#,
        r#"<w:hyperlink r:id="rId5"><w:r><w:t>us</w:t></w:r></w:hyperlink>"#,
        r#"<w:r><w:t xml:space="preserve"> or see </w:t></w:r>"#,
        r#"<w:hyperlink w:anchor="fees"><w:r><w:t>Fees</w:t></w:r></w:hyperlink>"#,
        r#"<w:r><w:t xml:space="preserve">, page </w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF fees \h </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"<w:r><w:t xml:space="preserve">, mail </w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:a@example.com" </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>a@example.com</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"<w:r><w:t xml:space="preserve">, phone </w:t></w:r>"#,
        r#"<w:fldSimple w:instr=" HYPERLINK &quot;tel:+15551234&quot; "><w:r><w:t>555-1234</w:t></w:r></w:fldSimple>"#,
        r#"<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve"> (control)</w:t></w:r></w:sdtContent></w:sdt>"#,
        r#"</w:p>"#
    );
    let doc = docx_with(body, &[], &[("rId5", "hyperlink", "tel:+15550000")]);
    let doc = read(&doc);
    let block = &doc.blocks[0];
    assert_eq!(
        block.text,
        "Call us or see Fees, page 3, mail a@example.com, phone 555-1234 (control)"
    );
    let links: Vec<(&str, &str)> = block
        .links
        .iter()
        .map(|l| (&block.text[l.text.clone()], l.target.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            ("us", "tel:+15550000"),
            ("Fees", "#fees"),
            ("a@example.com", "mailto:a@example.com"),
            ("555-1234", "tel:+15551234"),
        ]
    );
}

#[test]
fn tracked_changes_read_as_accepted_and_are_recorded() {
    let body = concat!(
        r#"<w:p><w:r><w:t xml:space="preserve">The fee is </w:t></w:r>"#,
        r#"<w:del w:id="1" w:author="Opposing"><w:r><w:delText>$500</w:delText></w:r></w:del>"#,
        r#"<w:ins w:id="2" w:author="Partner"><w:r><w:t>$900</w:t></w:r></w:ins>"#,
        r#"<w:moveFrom w:id="3" w:author="P"><w:r><w:t> moved-away</w:t></w:r></w:moveFrom>"#,
        r#"<w:r><w:rPr><w:b/><w:rPrChange w:id="4" w:author="Fmt"><w:rPr/></w:rPrChange></w:rPr><w:t>.</w:t></w:r>"#,
        r#"<w:moveTo w:id="5" w:author="P"><w:r><w:t> Moved here.</w:t></w:r></w:moveTo>"#,
        r#"</w:p>"#
    );
    let doc = read(&docx(body));
    assert_eq!(doc.blocks[0].text, "The fee is $900. Moved here.");
    let changes: Vec<(ChangeKind, usize, usize, Option<&str>)> = doc
        .tracked_changes
        .iter()
        .map(|c| {
            (
                c.kind,
                c.at.start.offset,
                c.at.end.offset,
                c.author.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            (ChangeKind::Deletion, 11, 11, Some("Opposing")),
            (ChangeKind::Insertion, 11, 15, Some("Partner")),
            (ChangeKind::Other, 15, 15, Some("P")),
            (ChangeKind::Other, 15, 15, Some("Fmt")),
            (ChangeKind::Other, 16, 28, Some("P")),
        ]
    );
}

#[test]
fn headers_footers_of_every_section_then_notes_then_comments() {
    let sect = |h: &str, f: &str| {
        format!(
            r#"<w:sectPr><w:headerReference w:type="default" r:id="{h}"/><w:headerReference w:type="first" r:id="{h}f"/><w:footerReference w:type="even" r:id="{f}"/></w:sectPr>"#
        )
    };
    let body = format!(
        r#"<w:p><w:pPr>{}</w:pPr><w:r><w:t xml:space="preserve">Section one </w:t></w:r><w:commentRangeStart w:id="7"/><w:r><w:t>commented words</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>{}{}"#,
        sect("rH1", "rF1"),
        p("Section two"),
        sect("rH2", "rF2")
    );
    let hdr = |t: &str| format!(r#"<w:hdr xmlns:w="{W}">{}</w:hdr>"#, p(t));
    let ftr = |t: &str| format!(r#"<w:ftr xmlns:w="{W}">{}</w:ftr>"#, p(t));
    let notes = format!(
        r#"<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/><w:t>SEP</w:t></w:r></w:p></w:footnote><w:footnote w:id="1">{}</w:footnote></w:footnotes>"#,
        p("A footnote.")
    );
    let endnotes = format!(
        r#"<w:endnotes xmlns:w="{W}"><w:endnote w:id="1">{}</w:endnote></w:endnotes>"#,
        p("An endnote.")
    );
    let comments = format!(
        r#"<w:comments xmlns:w="{W}"><w:comment w:id="7" w:author="Reviewer">{}</w:comment><w:comment w:author="No id"><w:p w:w="1440dxa"><w:r><w:t>Odd comment</w:t></w:r></w:p></w:comment></w:comments>"#,
        p("Check this.")
    );
    let (h1, h1f, f1, h2, h2f, f2) = (
        hdr("Header one"),
        hdr("First-page header"),
        ftr("Even footer"),
        hdr("Header two"),
        hdr("First two"),
        ftr("Footer two"),
    );
    let core = r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Retainer &amp; fees</dc:title><dc:creator>A. Lawyer</dc:creator></cp:coreProperties>"#;
    let bytes = docx_with(
        &body,
        &[
            ("word/header1.xml", &h1),
            ("word/header1f.xml", &h1f),
            ("word/footer1.xml", &f1),
            ("word/header2.xml", &h2),
            ("word/header2f.xml", &h2f),
            ("word/footer2.xml", &f2),
            ("word/footnotes.xml", &notes),
            ("word/endnotes.xml", &endnotes),
            ("word/comments.xml", &comments),
            ("docProps/core.xml", core),
        ],
        &[
            ("rH1", "header", "header1.xml"),
            ("rH1f", "header", "header1f.xml"),
            ("rF1", "footer", "footer1.xml"),
            ("rH2", "header", "header2.xml"),
            ("rH2f", "header", "header2f.xml"),
            ("rF2", "footer", "footer2.xml"),
            ("rN", "footnotes", "footnotes.xml"),
            ("rE", "endnotes", "endnotes.xml"),
            ("rC", "comments", "comments.xml"),
        ],
    );
    let doc = read(&bytes);
    assert_eq!(
        kinds_and_text(&doc),
        [
            ("paragraph", "Section one commented words"),
            ("paragraph", "Section two"),
            ("header", "Header one"),
            ("header", "First-page header"),
            ("footer", "Even footer"),
            ("header", "Header two"),
            ("header", "First two"),
            ("footer", "Footer two"),
            ("footnote", "A footnote."),
            ("endnote", "An endnote."),
            ("comment", "Check this."),
            ("comment", "Odd comment"),
        ]
        .map(|(k, t)| (k.to_string(), t.to_string()))
    );
    assert_eq!(
        doc.blocks[2].docx.as_ref().unwrap().part.as_ref(),
        "word/header1.xml"
    );
    let comment = doc.blocks[10].comment.as_ref().unwrap();
    assert_eq!(comment.id, "7");
    assert_eq!(comment.author.as_deref(), Some("Reviewer"));
    let anchor = comment.anchor.clone().unwrap();
    assert_eq!((anchor.start.block, anchor.end.block), (0, 0));
    assert_eq!(
        &doc.blocks[0].text[anchor.start.offset..anchor.end.offset],
        "commented words"
    );
    assert!(doc.blocks[11].comment.as_ref().unwrap().anchor.is_none());
    assert_eq!(
        doc.metadata,
        [
            ("title".to_string(), "Retainer & fees".to_string()),
            ("creator".to_string(), "A. Lawyer".to_string())
        ]
    );
}

#[test]
fn documents_written_by_docx_rs_read() {
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
    let mut buf = std::io::Cursor::new(Vec::new());
    Docx::new()
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Dear client,")))
        .add_paragraph(
            Paragraph::new()
                .style("Heading1")
                .add_run(Run::new().add_text("Fees")),
        )
        .add_table(Table::new(vec![TableRow::new(vec![
            TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text("Hourly"))),
            TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text("$300"))),
        ])]))
        .build()
        .pack(&mut buf)
        .unwrap();
    let doc = read(buf.get_ref());
    assert_eq!(
        kinds_and_text(&doc),
        [
            ("paragraph", "Dear client,"),
            ("heading1", "Fees"),
            ("table-cell[0,0]", "Hourly"),
            ("table-cell[0,1]", "$300")
        ]
        .map(|(k, t)| (k.to_string(), t.to_string()))
    );
}

//! Hostile inputs, generated in memory: every one ends fast as a typed error with its stable
//! code, never a panic, a hang or an allocation the size of a lie; the library stays usable.

use std::time::{Duration, Instant};

use retainer_lint::document::Format;
use retainer_lint::read::docx;
use retainer_lint::{read, InputErrorKind, Limits};

use crate::docx_reader::{document_xml, docx, docx_with, p, package, package_rels, CONTENT_TYPES};

/// A correctness bound (no hang, no quadratic blow-up), not a benchmark.
const TIME_BOUND: Duration = Duration::from_secs(2);

#[track_caller]
fn expect_error(bytes: &[u8], limits: &Limits, kind: InputErrorKind) -> String {
    let started = Instant::now();
    let result = read(bytes, Some(Format::Docx), limits);
    let elapsed = started.elapsed();
    let err = match result {
        Ok(doc) => panic!("expected {kind:?}, read {} blocks", doc.blocks.len()),
        Err(e) => e,
    };
    assert_eq!(err.kind(), kind, "{}", err.message());
    assert_eq!(err.code(), kind.code());
    assert!(elapsed < TIME_BOUND, "{kind:?} took {elapsed:?}");
    assert!(!err.message().is_empty());
    // The library is still usable after the failure.
    let fine = read(
        &docx(&p("Still fine.")),
        Some(Format::Docx),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(&*fine.text, "Still fine.");
    err.message().to_string()
}

fn limits() -> Limits {
    Limits::default()
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A stored (uncompressed) zip written byte by byte, with the declared uncompressed size of
/// each entry given freely: sizes above 4 GiB use the zip64 extra field.
fn raw_zip(entries: &[(&str, &[u8], u64)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, declared) in entries {
        let offset = out.len() as u32;
        let zip64 = *declared > u64::from(u32::MAX - 1);
        let mut extra = Vec::new();
        if zip64 {
            extra.extend_from_slice(&1u16.to_le_bytes());
            extra.extend_from_slice(&16u16.to_le_bytes());
            extra.extend_from_slice(&declared.to_le_bytes());
            extra.extend_from_slice(&(data.len() as u64).to_le_bytes());
        }
        let (comp, uncomp) = if zip64 {
            (u32::MAX, u32::MAX)
        } else {
            (data.len() as u32, *declared as u32)
        };
        let crc = crc32(data);
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central {
                h.extend_from_slice(&45u16.to_le_bytes());
            }
            h.extend_from_slice(&45u16.to_le_bytes()); // version needed
            h.extend_from_slice(&0u16.to_le_bytes()); // flags
            h.extend_from_slice(&0u16.to_le_bytes()); // stored
            h.extend_from_slice(&0u16.to_le_bytes()); // time
            h.extend_from_slice(&0x21u16.to_le_bytes()); // date
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&comp.to_le_bytes());
            h.extend_from_slice(&uncomp.to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&(extra.len() as u16).to_le_bytes());
            if central {
                h.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
                h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h.extend_from_slice(&extra);
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend_from_slice(data);
        central.extend(header(0x0201_4b50, true));
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// Offsets of every local header and central directory entry of `name` in a zip.
fn headers_of(zip: &[u8], name: &str) -> (usize, usize) {
    let find = |sig: u32, name_at: usize| {
        (0..zip.len() - 4)
            .find(|&i| {
                zip[i..i + 4] == sig.to_le_bytes()
                    && zip.get(i + name_at..i + name_at + name.len()) == Some(name.as_bytes())
            })
            .unwrap()
    };
    (find(0x0403_4b50, 30), find(0x0201_4b50, 46))
}

#[test]
fn empty_and_random_bytes() {
    let err = read(b"", None, &limits()).unwrap_err();
    assert_eq!(err.code(), "input.empty");
    let err = read(b"", Some(Format::Docx), &limits()).unwrap_err();
    assert_eq!(err.code(), "input.empty");
    assert_eq!(
        docx::read(b"", &limits()).unwrap_err().code(),
        "input.corrupt-zip"
    );
    // A simple deterministic generator: no dependency, same bytes every run.
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut random = vec![0u8; 64 * 1024];
    for b in &mut random {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        *b = state as u8;
    }
    expect_error(&random, &limits(), InputErrorKind::CorruptZip);
    let mut zip_magic = b"PK\x03\x04".to_vec();
    zip_magic.extend_from_slice(&random);
    expect_error(&zip_magic, &limits(), InputErrorKind::CorruptZip);
}

#[test]
fn truncated_zip_at_many_points() {
    let whole = docx(&p("A letter cut short.").repeat(50));
    for cut in [
        1,
        4,
        30,
        whole.len() / 4,
        whole.len() / 2,
        whole.len() - 22,
        whole.len() - 1,
    ] {
        expect_error(&whole[..cut], &limits(), InputErrorKind::CorruptZip);
    }
}

#[test]
fn legacy_and_encrypted_ole_files() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    let message = expect_error(&ole, &limits(), InputErrorKind::LegacyDoc);
    assert!(message.contains(".docx"));
    assert_eq!(
        read(&ole, None, &limits()).unwrap_err().code(),
        "input.legacy-doc"
    );
}

#[test]
fn spreadsheets_and_presentations_are_not_letters() {
    let rels = package_rels("xl/workbook.xml");
    let xlsx = package(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", b"<workbook/>"),
    ]);
    let message = expect_error(&xlsx, &limits(), InputErrorKind::NotWordDocument);
    assert!(message.contains("Excel"), "{message}");
    let rels = package_rels("ppt/presentation.xml");
    let pptx = package(&[
        ("_rels/.rels", rels.as_bytes()),
        ("ppt/presentation.xml", b"<presentation/>"),
    ]);
    let message = expect_error(&pptx, &limits(), InputErrorKind::NotWordDocument);
    assert!(message.contains("PowerPoint"), "{message}");
}

#[test]
fn a_zip_without_a_document_part() {
    let zip = package(&[("notes.txt", b"just a zip")]);
    expect_error(&zip, &limits(), InputErrorKind::MissingPart);
    // The package relationships name a main part that is not there.
    let rels = package_rels("word/missing.xml");
    let zip = package(&[("_rels/.rels", rels.as_bytes())]);
    expect_error(&zip, &limits(), InputErrorKind::MissingPart);
}

fn with_document(xml: &str) -> Vec<u8> {
    package(&[("word/document.xml", xml.as_bytes())])
}

#[test]
fn malformed_xml() {
    let cases = [
        document_xml("<w:p><w:r><w:t>mismatched</w:r></w:p>"),
        document_xml("<w:p><w:r><w:t>unclosed attribute <w:b w:val=\"1/></w:t></w:r></w:p>"),
        document_xml("<w:p></w:p></w:p>"),
        String::new(),
        "not xml at all".to_string(),
        document_xml("<w:p><w:r><w:t>bad &amp entity</w:t></w:r></w:p>"),
    ];
    for xml in &cases {
        expect_error(&with_document(xml), &limits(), InputErrorKind::MalformedXml);
    }
    // Invalid UTF-8 in text.
    let mut bytes = document_xml("<w:p><w:r><w:t>X</w:t></w:r></w:p>").into_bytes();
    let x = bytes.iter().position(|&b| b == b'X').unwrap();
    bytes[x] = 0xFF;
    expect_error(
        &package(&[("word/document.xml", &bytes)]),
        &limits(),
        InputErrorKind::MalformedXml,
    );
    // A broken styles part is as damaged as a broken body.
    let broken_styles = docx_with(
        &p("x"),
        &[("word/styles.xml", "<w:styles")],
        &[("rS", "styles", "styles.xml")],
    );
    expect_error(&broken_styles, &limits(), InputErrorKind::MalformedXml);
}

#[test]
fn xml_cut_off_anywhere_is_malformed() {
    let full = document_xml(&format!(
        "{}<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>{}",
        p("Mid paragraph &amp; run"),
        p("In a cell"),
        p("After")
    ));
    // Every proper prefix: mid-paragraph, mid-run, mid-table, mid-tag, mid-entity.
    let started = Instant::now();
    for cut in 0..full.len() {
        let bytes = with_document(&full[..cut]);
        let err = docx::read(&bytes, &limits()).unwrap_err();
        assert_eq!(
            err.code(),
            "input.malformed-xml",
            "cut at {cut}: {}",
            err.message()
        );
    }
    assert!(started.elapsed() < TIME_BOUND * 5);
    assert!(docx::read(&with_document(&full), &limits()).is_ok());
}

#[test]
fn doctype_entities_and_billion_laughs_are_refused() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#;
    expect_error(
        &with_document(laughs),
        &limits(),
        InputErrorKind::DtdForbidden,
    );
    let external = r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"#;
    expect_error(
        &with_document(external),
        &limits(),
        InputErrorKind::DtdForbidden,
    );
    // An undefined entity without any DOCTYPE, in text and in an attribute.
    expect_error(
        &with_document(&document_xml("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>")),
        &limits(),
        InputErrorKind::DtdForbidden,
    );
    expect_error(
        &with_document(&document_xml(
            r#"<w:p><w:pPr><w:pStyle w:val="&xxe;"/></w:pPr></w:p>"#,
        )),
        &limits(),
        InputErrorKind::DtdForbidden,
    );
    // A DOCTYPE in a relationships part or the styles part.
    let rels = r#"<!DOCTYPE r [<!ENTITY a "b">]><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"#;
    let zip = package(&[
        ("_rels/.rels", rels.as_bytes()),
        ("word/document.xml", document_xml("").as_bytes()),
    ]);
    expect_error(&zip, &limits(), InputErrorKind::DtdForbidden);
    let styles = r#"<!DOCTYPE s><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>"#;
    let zip = docx_with(
        &p("x"),
        &[("word/styles.xml", styles)],
        &[("rS", "styles", "styles.xml")],
    );
    expect_error(&zip, &limits(), InputErrorKind::DtdForbidden);
}

#[test]
fn nesting_beyond_the_cap() {
    let deep_tables = format!(
        "{}{}{}",
        "<w:tbl><w:tr><w:tc>".repeat(1000),
        p("deep"),
        "</w:tc></w:tr></w:tbl>".repeat(1000)
    );
    let message = expect_error(&docx(&deep_tables), &limits(), InputErrorKind::TooDeep);
    assert!(message.contains("word/document.xml"), "{message}");
    let deep_controls = format!(
        "<w:p>{}<w:r><w:t>x</w:t></w:r>{}</w:p>",
        "<w:sdt><w:sdtContent>".repeat(200),
        "</w:sdtContent></w:sdt>".repeat(200)
    );
    expect_error(&docx(&deep_controls), &limits(), InputErrorKind::TooDeep);
    // Fields nest without element nesting: a flood of unmatched field starts.
    let fields = format!(
        "<w:p>{}</w:p>",
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#.repeat(1000)
    );
    expect_error(&docx(&fields), &limits(), InputErrorKind::TooDeep);
}

#[test]
fn a_part_declaring_32_tib_is_refused_without_allocating() {
    let document = document_xml(&p("tiny"));
    let zip = raw_zip(&[("word/document.xml", document.as_bytes(), 32 << 40)]);
    let message = expect_error(&zip, &limits(), InputErrorKind::TooLarge);
    assert!(message.contains("word/document.xml"), "{message}");
    // The same builder with an honest size reads: the refusal is about the size alone.
    let honest = raw_zip(&[(
        "word/document.xml",
        document.as_bytes(),
        document.len() as u64,
    )]);
    assert_eq!(&*docx::read(&honest, &limits()).unwrap().text, "tiny");
}

fn bomb_body(size: usize) -> String {
    format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", " ".repeat(size))
}

#[test]
fn zip_bombs_are_refused() {
    // Declared honestly: 20 MiB from about 20 KiB.
    let bomb = docx(&bomb_body(20 << 20));
    expect_error(&bomb, &limits(), InputErrorKind::ZipBomb);
    // The same bomb declaring a small size: caught while inflating, long before the cap.
    let mut lying = bomb.clone();
    let (local, central) = headers_of(&lying, "word/document.xml");
    lying[local + 22..local + 26].copy_from_slice(&1000u32.to_le_bytes());
    lying[central + 24..central + 28].copy_from_slice(&1000u32.to_le_bytes());
    expect_error(&lying, &limits(), InputErrorKind::ZipBomb);
}

#[test]
fn parts_and_packages_over_the_size_caps() {
    let small_parts = Limits {
        max_part_bytes: 1 << 20,
        max_compression_ratio: u64::MAX,
        ..Limits::default()
    };
    let big = docx(&bomb_body(2 << 20));
    expect_error(&big, &small_parts, InputErrorKind::TooLarge);
    // Declared small, actually larger than the cap: bounded by what is read.
    let mut lying = big.clone();
    let (local, central) = headers_of(&lying, "word/document.xml");
    lying[local + 22..local + 26].copy_from_slice(&1000u32.to_le_bytes());
    lying[central + 24..central + 28].copy_from_slice(&1000u32.to_le_bytes());
    expect_error(&lying, &small_parts, InputErrorKind::TooLarge);
    let small_total = Limits {
        max_total_bytes: 4000,
        ..Limits::default()
    };
    let styles = format!(
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{}</w:styles>"#,
        " ".repeat(3000)
    );
    let two_parts = docx_with(
        &p(&"word ".repeat(500)),
        &[("word/styles.xml", &styles)],
        &[("rS", "styles", "styles.xml")],
    );
    expect_error(&two_parts, &small_total, InputErrorKind::TooLarge);
    let few_blocks = Limits {
        max_blocks: 10,
        ..Limits::default()
    };
    expect_error(
        &docx(&p("para").repeat(11)),
        &few_blocks,
        InputErrorKind::TooLarge,
    );
    assert!(docx::read(&docx(&p("para").repeat(10)), &few_blocks).is_ok());
    let short_text = Limits {
        max_text_bytes: 100,
        ..Limits::default()
    };
    expect_error(
        &docx(&p(&"x".repeat(101))),
        &short_text,
        InputErrorKind::TooLarge,
    );
}

#[test]
fn bad_crc_is_a_corrupt_zip() {
    let mut zip = docx(&p("Checksummed text."));
    let (local, central) = headers_of(&zip, "word/document.xml");
    for at in [local + 14, central + 16] {
        zip[at] ^= 0xFF;
    }
    let message = expect_error(&zip, &limits(), InputErrorKind::CorruptZip);
    assert!(message.contains("checksum"), "{message}");
}

#[test]
fn odd_but_harmless_markup_reads() {
    // What crashed other readers: a comment without w:id, a unit-suffixed width, unknown
    // elements, an unmatched field end, a hyperlink to a missing relationship.
    let body = r#"<w:p w:w="1440dxa"><w:r><w:fldChar w:fldCharType="end"/><w:t>Fine</w:t></w:r><w:hyperlink r:id="nope"><w:r><w:t> text</w:t></w:r></w:hyperlink><w:commentRangeStart/><foo:bar xmlns:foo="urn:x"><w:r><w:t>!</w:t></w:r></foo:bar></w:p>"#;
    let comments = r#"<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment><w:p><w:r><w:t>no id</w:t></w:r></w:p></w:comment></w:comments>"#;
    let doc = docx::read(
        &docx_with(
            body,
            &[("word/comments.xml", comments)],
            &[("rC", "comments", "comments.xml")],
        ),
        &limits(),
    )
    .unwrap();
    assert_eq!(&*doc.text, "Fine text!\nno id");
}

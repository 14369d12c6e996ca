//! The plain-text reader and format detection.

use std::time::{Duration, Instant};

use retainer_lint::read::detect;
use retainer_lint::{read, Document, Format, InputErrorKind, Limits};

fn text(source: &str) -> Document {
    read(source.as_bytes(), Some(Format::Text), &Limits::default()).unwrap()
}

fn kinds_texts(doc: &Document) -> Vec<(String, String)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind.to_string(), b.text.clone()))
        .collect()
}

const LETTER: &str = "\
LETTER OF ENGAGEMENT

Dear Ms Okafor,

Thank you for instructing us. This letter sets out
   the basis on which we will act.

Our fees:

- review of the lease;
- negotiation, including:
  • the rent review; and
  • any break clause;
(a) advice on tax is excluded.
1. First numbered point
   continues here.

IN NO EVENT SHALL THE FIRM BE LIABLE FOR ANY LOSS OF PROFIT, REVENUE OR OPPORTUNITY, HOWEVER \
ARISING, WHETHER IN CONTRACT OR OTHERWISE.

Yours sincerely,
Jane Marsh
";

#[test]
fn paragraphs_headings_and_list_items() {
    let doc = text(LETTER);
    let got = kinds_texts(&doc);
    let want: Vec<(String, String)> = [
        ("heading1", "LETTER OF ENGAGEMENT"),
        ("paragraph", "Dear Ms Okafor,"),
        (
            "paragraph",
            "Thank you for instructing us. This letter sets out the basis on which we will act.",
        ),
        ("heading1", "Our fees:"),
        ("list-item0", "review of the lease;"),
        ("list-item0", "negotiation, including:"),
        ("list-item1", "the rent review; and"),
        ("list-item1", "any break clause;"),
        // A typed label stays in the text (drafting.numbering checks it); a bullet does not.
        ("list-item0", "(a) advice on tax is excluded."),
        ("list-item0", "1. First numbered point continues here."),
        // A long paragraph in capitals is a shouted clause, not a heading.
        (
            "paragraph",
            "IN NO EVENT SHALL THE FIRM BE LIABLE FOR ANY LOSS OF PROFIT, REVENUE OR \
             OPPORTUNITY, HOWEVER ARISING, WHETHER IN CONTRACT OR OTHERWISE.",
        ),
        ("paragraph", "Yours sincerely, Jane Marsh"),
    ]
    .iter()
    .map(|(k, t)| (k.to_string(), t.to_string()))
    .collect();
    assert_eq!(got, want);
    assert_eq!(doc.format, Format::Text);
    assert_eq!(doc.section_title(5), Some("Our fees:"));
}

#[test]
fn every_plain_byte_maps_back_to_the_view() {
    for src in [LETTER.to_string(), LETTER.replace('\n', "\r\n")] {
        let doc = text(&src);
        for block in &doc.blocks {
            let mut i = 0;
            for (word_start, word) in split_words(&block.text) {
                let span = block.view_span(word_start..word_start + word.len());
                assert_eq!(&src[span], word, "{:?}", block.text);
                i += 1;
            }
            assert!(i > 0);
            // Each joining space stands for the line ending (and nothing else).
            for (at, _) in block.text.match_indices(' ') {
                let shown = &src[block.view_span(at..at + 1)];
                assert!(
                    shown == " " || shown == "\n" || shown == "\r\n",
                    "{shown:?}"
                );
            }
        }
    }
}

fn split_words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[test]
fn lossy_utf8_bom_and_utf16() {
    let doc = read(
        b"\xEF\xBB\xBFFee \xA3250\n",
        Some(Format::Text),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(doc.blocks[0].text, "Fee \u{FFFD}250");
    assert!(doc.text.starts_with("Fee"));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "FEES\r\n\r\nOne hour."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let doc = read(&utf16, Some(Format::Text), &Limits::default()).unwrap();
    assert_eq!(
        kinds_texts(&doc),
        [("heading1", "FEES"), ("paragraph", "One hour.")]
            .map(|(k, t)| (k.to_string(), t.to_string()))
            .to_vec()
    );
}

#[test]
fn limits_apply_to_text() {
    let limits = Limits {
        max_blocks: 2,
        ..Limits::default()
    };
    let err = read(b"a\n\nb\n\nc\n", Some(Format::Text), &limits).unwrap_err();
    assert_eq!(err.code(), "input.too-large");
    let limits = Limits {
        max_text_bytes: 4,
        ..Limits::default()
    };
    let err = read(b"hello", Some(Format::Text), &limits).unwrap_err();
    assert_eq!(err.kind(), InputErrorKind::TooLarge);
    // Many items with deep indentation (1.6 MB) read in linear time, even in a debug build.
    let deep = (0..10_000)
        .map(|i| format!("{}- item {i}\n", " ".repeat(i % 200)))
        .collect::<String>();
    let started = Instant::now();
    let doc = read(deep.as_bytes(), Some(Format::Text), &Limits::default()).unwrap();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(doc.blocks.len(), 10_000);
    assert!(doc
        .blocks
        .iter()
        .any(|b| b.kind == retainer_lint::BlockKind::ListItem { level: 199 }));
}

#[test]
fn detection_by_content_then_name() {
    let zip_docx = b"PK\x03\x04....[Content_Types].xml....";
    assert_eq!(detect(zip_docx, Some("letter.md")), Some(Format::Docx));
    assert_eq!(detect(b"PK\x03\x04 just a zip", Some("x.docx")), None);
    // Named as Word without being a zip: DOCX, so that reading reports a damaged package.
    assert_eq!(detect(b"Dear Sir", Some("Letter.DOCX")), Some(Format::Docx));
    assert_eq!(detect(b"{\\rtf1\\ansi Dear Sir", Some("letter.docx")), None);
    assert_eq!(detect(b"%PDF-1.7\n", Some("letter.txt")), None);
    assert_eq!(
        detect(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", Some("x.docx")),
        None
    );
    assert_eq!(
        detect(b"Dear Sir", Some("letter.md")),
        Some(Format::Markdown)
    );
    assert_eq!(detect(b"# Fees", Some("letter.txt")), Some(Format::Text));
    assert_eq!(detect(b"# Fees\n", None), Some(Format::Markdown));
    assert_eq!(
        detect(b"See [terms](https://x)", Some("letter")),
        Some(Format::Markdown)
    );
    assert_eq!(
        detect(b"---\ntitle: x\n---\n", None),
        Some(Format::Markdown)
    );
    assert_eq!(detect(b"Dear Sir,\n\nFEES\n", None), Some(Format::Text));
    // A letter that happens to begin with "PK" is text, not a damaged zip.
    assert_eq!(detect(b"PKF Francis Clark", None), Some(Format::Text));
    assert_eq!(
        read(b"PKF Francis Clark", None, &Limits::default())
            .unwrap()
            .format,
        Format::Text
    );
}

#[test]
fn read_reports_non_text_inputs() {
    let err = read(b"\xEF\xBB\xBF \n\t", None, &Limits::default()).unwrap_err();
    assert_eq!(err.code(), "input.empty");
    let err = read(
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
        Some(Format::Markdown),
        &Limits::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "input.legacy-doc");
    let err = read(b"not a zip", Some(Format::Docx), &Limits::default()).unwrap_err();
    assert_eq!(err.code(), "input.corrupt-zip");
    for (bytes, says) in [
        (&b"{\\rtf1\\ansi Dear Sir}"[..], "RTF"),
        (&b"%PDF-1.7\n%\xE2\xE3"[..], "PDF"),
    ] {
        let err = read(bytes, Some(Format::Text), &Limits::default()).unwrap_err();
        assert_eq!(err.code(), "input.unknown-format");
        assert!(err.message().contains(says), "{}", err.message());
    }
}

#[test]
fn a_flush_left_line_after_a_short_list_item_is_a_new_paragraph() {
    let doc = text(
        "Current hourly rates:\n- Marcus Feld, partner: $650 per hour\n- Kira Lindqvist, associate: $425 per hour\nOther timekeepers are billed at their then-current hourly rates.\n\n- a list item long enough to have been wrapped by the writer's mail program at\nSeventy-odd characters continues on the next line.\n",
    );
    let got = kinds_texts(&doc);
    let want: Vec<(String, String)> = [
        ("paragraph", "Current hourly rates:"),
        ("list-item0", "Marcus Feld, partner: $650 per hour"),
        ("list-item0", "Kira Lindqvist, associate: $425 per hour"),
        ("paragraph", "Other timekeepers are billed at their then-current hourly rates."),
        (
            "list-item0",
            "a list item long enough to have been wrapped by the writer's mail program at Seventy-odd characters continues on the next line.",
        ),
    ]
    .iter()
    .map(|(k, t)| ((*k).to_string(), (*t).to_string()))
    .collect();
    assert_eq!(got, want);
}

//! The Markdown reader: blocks, plain text, offset maps, links, comments, front matter,
//! hostile input.

use std::time::{Duration, Instant};

use retainer_lint::document::{Block, Position};
use retainer_lint::{read, Document, Format, InputErrorKind, Limits};

fn md(source: &str) -> Document {
    read(
        source.as_bytes(),
        Some(Format::Markdown),
        &Limits::default(),
    )
    .unwrap()
}

fn kinds_texts(doc: &Document) -> Vec<(String, String)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind.to_string(), b.text.clone()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(k, t)| (k.to_string(), t.to_string()))
        .collect()
}

pub(crate) fn letter_md() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fixtures/cross-format/letter.md"
    );
    std::fs::read_to_string(path).unwrap()
}

/// Markdown with every construct the reader handles, used by the mapping property test.
const KITCHEN_SINK: &str = "---\r\ntitle: 'Terms of Business'\r\nfirm: Example LLP\r\n---\r\n\
# Our *fees*  #\r\n\r\nSetext heading\r\n--------------\r\n\r\n\
Fees are **£250** per hour &amp; VAT &#169; 2024, see [our terms](https://x.example/t \"T\")\r\n\
and <mailto:billing@x.example> or <ops@x.example>. Code `a  b\r\nc` and \\*literal\\* stars  \r\n\
hard break, then<br>a tag and <u>underline</u> and ~~struck~~ words.[^n]\r\n\r\n\
> Quoted advice\r\n> over two lines.\r\n\r\n\
- tight one\r\n- tight two\r\n  - nested ![logo *x*](logo.png) item\r\n\r\n\
1. loose one\r\n\r\n   second paragraph\r\n\r\n2. loose two\r\n\r\n\
| Item | Cost |\r\n|---|---:|\r\n| Search | £5 \\| each |\r\n| Filing | |\r\n\r\n\
```\r\nfenced code\r\nline two\r\n```\r\n\r\n\
[^n]: A note with &lt;angle&gt; text\r\n    over lines.\r\n";

#[test]
fn blocks_of_every_kind() {
    let doc = md(KITCHEN_SINK);
    let got = kinds_texts(&doc);
    let want = pairs(&[
        ("title", "Terms of Business"),
        ("heading1", "Our fees"),
        ("heading2", "Setext heading"),
        (
            "paragraph",
            "Fees are £250 per hour & VAT © 2024, see our terms and mailto:billing@x.example \
             or ops@x.example. Code a  b  c and *literal* stars hard break, then a tag and \
             underline and struck words.",
        ),
        ("paragraph", "Quoted advice over two lines."),
        ("list-item0", "tight one"),
        ("list-item0", "tight two"),
        // The image is dropped, its surrounding spaces stay.
        ("list-item1", "nested  item"),
        ("list-item0", "loose one"),
        ("paragraph", "second paragraph"),
        ("list-item0", "loose two"),
        ("table-cell[0,0]", "Item"),
        ("table-cell[0,1]", "Cost"),
        ("table-cell[1,0]", "Search"),
        ("table-cell[1,1]", "£5 | each"),
        ("table-cell[2,0]", "Filing"),
        ("paragraph", "fenced code line two"),
        ("footnote", "A note with <angle> text over lines."),
    ]);
    // pulldown-cmark turns each of CR and LF inside inline code into a space ("a  b  c").
    assert_eq!(got, want);
    assert_eq!(
        doc.metadata,
        vec![
            ("title".to_string(), "Terms of Business".to_string()),
            ("firm".to_string(), "Example LLP".to_string()),
        ]
    );
    // The title maps to the value inside the quotes in the front matter.
    let title = &doc.blocks[0];
    assert_eq!(
        &doc.text[title.view_span(0..title.text.len())],
        "Terms of Business"
    );
    // Sections: the title, then each heading opens one.
    assert_eq!(doc.sections.len(), 3);
    assert_eq!(doc.section_title(3), Some("Setext heading"));
}

#[test]
fn links_keep_text_and_expose_targets() {
    let doc = md(KITCHEN_SINK);
    let para = &doc.blocks[3];
    let links: Vec<(&str, &str)> = para
        .links
        .iter()
        .map(|l| (&para.text[l.text.clone()], l.target.as_str()))
        .collect();
    assert_eq!(
        links,
        vec![
            ("our terms", "https://x.example/t"),
            ("mailto:billing@x.example", "mailto:billing@x.example"),
            ("ops@x.example", "mailto:ops@x.example"),
        ]
    );
    assert!(!para.text.contains("https://"));
}

#[test]
fn tight_and_loose_lists_give_the_same_blocks() {
    let tight = md("- Fees\n- Costs\n  - Disbursements\n- Billing\n");
    let loose = md("- Fees\n\n- Costs\n\n  - Disbursements\n\n- Billing\n");
    assert_eq!(kinds_texts(&tight), kinds_texts(&loose));
    assert_eq!(
        kinds_texts(&tight),
        pairs(&[
            ("list-item0", "Fees"),
            ("list-item0", "Costs"),
            ("list-item1", "Disbursements"),
            ("list-item0", "Billing"),
        ])
    );
}

#[test]
fn ordered_list_items_carry_the_number_a_renderer_shows() {
    // Renderers count from each list's first marker: "1. 1." shows 1, 2; a list after a
    // paragraph that starts at "5." shows 5.
    let doc =
        md("1. Fees\n1. Costs\n   - Disbursements\n\nText.\n\n5. COMMUNICATION\n\n- Billing\n");
    let numbers: Vec<(&str, Option<u32>)> = doc
        .blocks
        .iter()
        .map(|b| (b.text.as_str(), b.list_number))
        .collect();
    assert_eq!(
        numbers,
        [
            ("Fees", Some(1)),
            ("Costs", Some(2)),
            ("Disbursements", None),
            ("Text.", None),
            ("COMMUNICATION", Some(5)),
            ("Billing", None),
        ]
    );
}

#[test]
fn entities_map_to_the_whole_entity() {
    let src = "Smith &amp; Jones&nbsp;LLP";
    let doc = md(src);
    let b = &doc.blocks[0];
    assert_eq!(b.text, "Smith & Jones\u{a0}LLP");
    let amp = b.text.find('&').unwrap();
    assert_eq!(&src[b.view_span(amp..amp + 1)], "&amp;");
    let nbsp = b.text.find('\u{a0}').unwrap();
    assert_eq!(&src[b.view_span(nbsp..nbsp + 2)], "&nbsp;");
    assert_eq!(&src[b.view_span(0..5)], "Smith");
}

#[test]
fn soft_breaks_are_spaces_mapped_to_the_newline() {
    for src in [
        "Payment is due\nwithin 30 days.",
        "Payment is due\r\nwithin 30 days.",
    ] {
        let doc = md(src);
        let b = &doc.blocks[0];
        assert_eq!(b.text, "Payment is due within 30 days.");
        let space = "Payment is due".len();
        let nl = &src[b.view_span(space..space + 1)];
        assert!(nl == "\n" || nl == "\r\n", "{nl:?}");
        let within = b.text.find("within").unwrap();
        assert_eq!(&src[b.view_span(within..within + 6)], "within");
    }
}

#[test]
fn bom_is_stripped_from_the_view() {
    let bytes = b"\xEF\xBB\xBF# Fees\n\nOne hour.";
    let doc = read(bytes, Some(Format::Markdown), &Limits::default()).unwrap();
    assert!(doc.text.starts_with("# Fees"));
    assert_eq!(&doc.text[doc.blocks[0].view_span(0..4)], "Fees");
    assert_eq!(doc.line_col(doc.blocks[1].view_span(0..3).start), (3, 1));
}

#[test]
fn non_utf8_is_decoded_lossily() {
    let bytes = b"Fee: \xA3250 per hour\n\n\xFF\xFE\xFD";
    let doc = read(bytes, Some(Format::Markdown), &Limits::default()).unwrap();
    assert_eq!(doc.blocks[0].text, "Fee: \u{FFFD}250 per hour");
    assert_eq!(doc.blocks[1].text, "\u{FFFD}\u{FFFD}\u{FFFD}");
    check_mapping(&doc);
}

#[test]
fn images_are_dropped_and_inline_code_kept() {
    let doc = md("See ![the firm's logo](logo.png) and `clause 4.2`.");
    assert_eq!(doc.blocks[0].text, "See  and clause 4.2.");
    let b = &doc.blocks[0];
    let at = b.text.find("clause").unwrap();
    assert_eq!(&doc.text[b.view_span(at..at + 10)], "clause 4.2");
}

#[test]
fn html_comments_are_comment_blocks_anchored_where_they_stand() {
    let src = "<!-- retainer-lint: disable fees.rate -->\n\n# Fees\n\nWe charge <!-- inline\nnote --> hourly.\n\n<!-- trailing -->\n";
    let doc = md(src);
    assert_eq!(
        kinds_texts(&doc),
        pairs(&[
            ("comment", "retainer-lint: disable fees.rate"),
            ("heading1", "Fees"),
            ("paragraph", "We charge  hourly."),
            ("comment", "inline note"),
            ("comment", "trailing"),
        ])
    );
    let anchor = |i: usize| doc.blocks[i].comment.as_ref().unwrap().anchor.clone();
    let at = |block, offset| Some(Position { block, offset }..Position { block, offset });
    assert_eq!(anchor(0), at(1, 0));
    assert_eq!(anchor(3), at(2, "We charge ".len()));
    assert_eq!(anchor(4), None);
    let ids: Vec<&str> = [0, 3, 4]
        .iter()
        .map(|&i| doc.blocks[i].comment.as_ref().unwrap().id.as_str())
        .collect();
    assert_eq!(ids, ["1", "2", "3"]);
    // The inline comment's text maps into the source, and it is in the section it stands in.
    let c = &doc.blocks[3];
    assert_eq!(&src[c.view_span(0..6)], "inline");
    assert_eq!(doc.section_title(3), Some("Fees"));
    assert!(!doc.blocks[3].kind.is_prose());
}

#[test]
fn front_matter_is_metadata_not_prose() {
    let doc = md("---\ntitle: Engagement\nfee: 250\n---\n\nBody text.\n");
    assert_eq!(
        kinds_texts(&doc),
        pairs(&[("title", "Engagement"), ("paragraph", "Body text.")])
    );
    assert!(doc.blocks.iter().all(|b| !b.text.contains("fee")));
    assert_eq!(doc.metadata[1], ("fee".to_string(), "250".to_string()));
}

/// Every plain byte of every block maps into the view: maximal verbatim pieces map to the same
/// text; every other byte is a line break's space (landing on a line ending, a hard break or a
/// `<br>`), or part of a decoded entity (mapping to the whole `&…;`).
fn check_mapping(doc: &Document) {
    for (index, block) in doc.blocks.iter().enumerate() {
        check_block(doc, index, block);
    }
}

fn check_block(doc: &Document, index: usize, block: &Block) {
    let view = &doc.text;
    let plain = block.text.as_bytes();
    let mut piece_start: Option<usize> = None;
    let mut previous_end = 0;
    let mut previous_replaced = None;
    let mut i = 0;
    while i <= plain.len() {
        let verbatim = (i < plain.len())
            .then(|| {
                block
                    .map
                    .byte(i)
                    .unwrap_or_else(|| panic!("block {index} byte {i} unmapped"))
            })
            .filter(|r| r.len() == 1 && view.as_bytes()[r.start] == plain[i]);
        let contiguous = match (&verbatim, piece_start) {
            (Some(r), Some(s)) => block.map.byte(i - 1).unwrap().end == r.start && s < i,
            _ => false,
        };
        if !contiguous {
            if let Some(s) = piece_start.take() {
                // A maximal verbatim piece: the view text it maps to is the same text.
                let range = block.view_span(s..i);
                assert_eq!(
                    &view.as_bytes()[range.clone()],
                    &plain[s..i],
                    "block {index} piece {s}..{i}"
                );
                assert!(
                    range.start >= previous_end,
                    "block {index}: map goes backwards"
                );
                previous_end = range.end;
            }
            if verbatim.is_some() {
                piece_start = Some(i);
            }
        }
        if i < plain.len() && verbatim.is_none() {
            let r = block.map.byte(i).unwrap();
            let shown = &view[r.clone()];
            let is_break = plain[i] == b' '
                && (shown.ends_with('\n')
                    || shown.ends_with('\r')
                    || shown.eq_ignore_ascii_case("<br>"));
            let is_entity = shown.starts_with('&') && shown.ends_with(';');
            let is_code_break = plain[i] == b' ' && shown.trim().is_empty();
            let is_replacement = shown == "\u{FFFD}";
            assert!(
                is_break || is_entity || is_code_break || is_replacement,
                "block {index} ({}) byte {i} of {:?} maps to {shown:?}",
                block.kind,
                block.text
            );
            if is_break && shown.contains('\n') && !shown.starts_with([' ', '\t', '\\']) {
                // A soft break lands exactly on the line ending.
                assert!(shown == "\n" || shown == "\r\n", "{shown:?}");
            }
            // Bytes of one replaced segment share its range; otherwise the map moves forward.
            assert!(
                r.start >= previous_end || Some(&r) == previous_replaced.as_ref(),
                "block {index}: map goes backwards at {i}"
            );
            previous_end = r.end;
            previous_replaced = Some(r);
        }
        i += 1;
    }
}

#[test]
fn every_plain_byte_maps_back_to_its_source() {
    let sources = [
        KITCHEN_SINK.to_string(),
        KITCHEN_SINK.replace("\r\n", "\n"),
        letter_md(),
        "Über die Gebühren: 250 € &euro; je Stunde\nund\tTabs.  \nEnde\\\nhier.".to_string(),
        "<!-- a -->\n\n- x &amp;\n  y\n\n  > q\n  > r\n\n| a | b |\n|-|-|\n| `c\\|d` | e |\n"
            .to_string(),
    ];
    let mut checked = 0;
    for src in &sources {
        let doc = md(src);
        check_mapping(&doc);
        checked += doc.blocks.len();
    }
    assert!(checked > 60, "only {checked} blocks checked");
}

#[test]
fn deep_nesting_is_refused_fast() {
    for unit in ["> ", "- ", "* ", "1. ", "[", "*a "] {
        let src = format!("{}text\n", unit.repeat(100_000));
        let started = Instant::now();
        let result = read(src.as_bytes(), Some(Format::Markdown), &Limits::default());
        let took = started.elapsed();
        assert!(took < Duration::from_secs(2), "{unit:?}: {took:?}");
        match result {
            Err(e) => assert_eq!(e.kind(), InputErrorKind::TooDeep, "{unit:?}"),
            // Brackets and emphasis openers without closers are literal text, not nesting.
            Ok(doc) => assert!(
                matches!(unit, "[" | "*a "),
                "{unit:?}: {:?}",
                doc.blocks.len()
            ),
        }
    }
    // The cap is the configured one, and a letter within it reads.
    let limits = Limits {
        max_depth: 8,
        ..Limits::default()
    };
    let shallow = "> > > quoted\n";
    assert!(read(shallow.as_bytes(), Some(Format::Markdown), &limits).is_ok());
    let deep = "> > > > > > > > > quoted\n";
    let err = read(deep.as_bytes(), Some(Format::Markdown), &limits).unwrap_err();
    assert_eq!(err.code(), "input.too-deep");
}

#[test]
fn many_comments_resolve_anchors_in_linear_time() {
    let src = format!("{}Final paragraph.\n", "<!-- note -->\n\n".repeat(50_000));
    let started = Instant::now();
    let doc = md(&src);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(doc.blocks.len(), 50_001);
    let last = Position {
        block: 50_000,
        offset: 0,
    };
    assert!(doc
        .blocks
        .iter()
        .filter_map(|b| b.comment.as_ref())
        .all(|c| c.anchor == Some(last..last)));
}

#[test]
fn size_limits_are_enforced() {
    let text_limit = Limits {
        max_text_bytes: 100,
        ..Limits::default()
    };
    let long = "word ".repeat(30);
    let err = read(long.as_bytes(), Some(Format::Markdown), &text_limit).unwrap_err();
    assert_eq!(err.code(), "input.too-large");
    let block_limit = Limits {
        max_blocks: 3,
        ..Limits::default()
    };
    let many = "one\n\ntwo\n\nthree\n";
    assert_eq!(md(many).blocks.len(), 3);
    assert!(read(many.as_bytes(), Some(Format::Markdown), &block_limit).is_ok());
    let err = read(
        format!("{many}\nfour\n").as_bytes(),
        Some(Format::Markdown),
        &block_limit,
    )
    .unwrap_err();
    assert_eq!(err.code(), "input.too-large");
}

#[test]
fn random_bytes_never_panic() {
    // A small deterministic generator: xorshift over Markdown-ish bytes and raw bytes.
    let alphabet = b"#>-*_`[]()!<>&;|\\\n\r \t:abc123\xC3\xA9\xFF\x00";
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..300 {
        let len = (round * 7) % 400 + 1;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                alphabet[(state % alphabet.len() as u64) as usize]
            })
            .collect();
        if let Ok(doc) = read(&bytes, Some(Format::Markdown), &Limits::default()) {
            check_mapping(&doc);
        }
    }
}

#[test]
fn angle_bracket_placeholders_are_words_and_html_tags_are_not() {
    let doc = md("Our reference: <<Matter No>> for <Client Name>, <u>underlined</u> <span class=\"x\">text</span>.\n");
    let got = kinds_texts(&doc);
    assert_eq!(
        got,
        pairs(&[(
            "paragraph",
            "Our reference: <<Matter No>> for <Client Name>, underlined text."
        )])
    );
}

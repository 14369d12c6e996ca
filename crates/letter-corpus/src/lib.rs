//! A deterministic corpus of realistic retainer letters for retainer-lint's benchmarks and
//! tests: varied wording from phrase banks, a few deliberate defects per letter (so rules
//! really fire), written as Markdown and as DOCX. Same seed, same bytes.

#![forbid(unsafe_code)]

pub mod banks;
pub mod compose;
pub mod docx;
pub mod markdown;
pub mod model;
pub mod rng;
pub mod words;

pub use compose::{compose, Shape, WORDS_PER_PAGE};
pub use docx::to_docx;
pub use markdown::to_markdown;
pub use model::{Block, Clause, Defect, Letter};

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn corpus(seed: u64, n: u64) -> Vec<Letter> {
        (1..=n).map(|i| compose(seed, i, Shape::Typical)).collect()
    }

    #[test]
    fn same_seed_gives_byte_identical_letters_on_any_thread() {
        for i in 1..=4 {
            let a = compose(42, i, Shape::Typical);
            let b = compose(42, i, Shape::Typical);
            assert_eq!(a, b);
            assert_eq!(to_markdown(&a), to_markdown(&b));
            let docx_a = to_docx(&a).unwrap();
            // docx-rs keeps thread-local counters; another thread must not change the bytes.
            let docx_b = std::thread::spawn(move || to_docx(&b).unwrap())
                .join()
                .unwrap();
            assert_eq!(docx_a, docx_b, "letter {i}");
            // And generating other letters first must not either.
            let _ = to_docx(&compose(7, 99, Shape::Typical)).unwrap();
            assert_eq!(to_docx(&a).unwrap(), docx_a, "letter {i} after another");
        }
    }

    #[test]
    fn different_seeds_and_indices_give_different_letters() {
        let a = to_markdown(&compose(42, 1, Shape::Typical));
        let b = to_markdown(&compose(43, 1, Shape::Typical));
        let c = to_markdown(&compose(42, 2, Shape::Typical));
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_ne!(
            compose(42, 1, Shape::Typical).defects,
            compose(42, 1, Shape::Long { pages: 50 }).defects,
            "long letters draw from their own stream"
        );
    }

    #[test]
    fn typical_letters_are_two_to_four_pages_and_long_ones_fifty_plus() {
        for letter in corpus(1, 40) {
            let words = letter.word_count();
            assert!(
                (2 * WORDS_PER_PAGE - 100..=4 * WORDS_PER_PAGE).contains(&words),
                "{} has {words} words",
                letter.name
            );
        }
        let long = compose(1, 1, Shape::Long { pages: 50 });
        assert!(
            long.word_count() >= 50 * WORDS_PER_PAGE,
            "{}",
            long.word_count()
        );
    }

    #[test]
    fn a_small_corpus_covers_every_defect_and_some_clean_letters() {
        let letters = corpus(42, 400);
        let seen: std::collections::BTreeSet<Defect> = letters
            .iter()
            .flat_map(|l| l.defects.iter().copied())
            .collect();
        for d in Defect::WRITTEN {
            assert!(seen.contains(&d), "{d:?} never generated");
        }
        for c in Clause::ALL {
            assert!(seen.contains(&Defect::Omitted(c)), "{c:?} never omitted");
        }
        let clean = letters.iter().filter(|l| l.defects.is_empty()).count();
        assert!((20..=120).contains(&clean), "{clean} clean letters of 400");
    }

    /// The text really carries each defect the letter claims, and a clean letter carries
    /// every clause.
    #[test]
    fn defects_are_visible_in_the_text() {
        let letters = corpus(42, 400);
        for letter in &letters {
            let text = letter.plain_text();
            for d in &letter.defects {
                let visible = match d {
                    Defect::Omitted(Clause::Tax) => {
                        !["GST", "HST", "VAT", "tax is", "Sales tax", "sales tax"]
                            .iter()
                            .any(|t| text.contains(t))
                    }
                    Defect::Omitted(Clause::Termination) => {
                        !text.contains("end this retainer") && !text.contains("end our retainer")
                    }
                    Defect::Omitted(Clause::Signature) => !text.contains("Signature of"),
                    Defect::Omitted(_) => true,
                    Defect::VagueTiming => [
                        "promptly",
                        "as soon as possible",
                        "in a timely",
                        "in due course",
                        "earliest convenience",
                    ]
                    .iter()
                    .any(|t| text.contains(t)),
                    Defect::SlowResponse => ["10 business", "two weeks", "5 working", "seven days"]
                        .iter()
                        .any(|t| text.contains(t)),
                    Defect::Placeholder => [
                        "{{matter_number}}",
                        "[describe matter]",
                        "[CLIENT NAME]",
                        "TBD",
                    ]
                    .iter()
                    .any(|t| text.contains(t)),
                    Defect::DraftingNote => {
                        text.contains("[Note:")
                            || text.contains("[Optional]")
                            || text.contains("[amend as necessary]")
                            || text.contains("[Option 1]")
                    }
                    Defect::WordsFigures => {
                        text.contains(" dollars (") || text.contains(" pounds (")
                    }
                    Defect::MalformedEmail => text
                        .split_whitespace()
                        .any(|w| w.contains('@') && !w.contains(".example.com")),
                    Defect::MalformedPhone => true,
                    Defect::NonRefundable => text.contains("non-refundable"),
                    Defect::Legalese => ["herein", "hereof", "hereby"]
                        .iter()
                        .any(|t| text.contains(t)),
                    Defect::Guarantee => text.contains("win") || text.contains("guarantee"),
                    Defect::VagueFeeBasis => ["usual rates", "Standard rates", "reasonable fee"]
                        .iter()
                        .any(|t| text.contains(t)),
                    Defect::NoCurrency => has_bare_amount(&text),
                    Defect::VagueBilling => {
                        text.contains("from time to time") || text.contains("periodically")
                    }
                    Defect::MonthlyInterest => text.contains("per month"),
                    Defect::IncompleteDeposit => {
                        !text.contains("trust account") && !text.contains("held in trust")
                    }
                    Defect::AssistantAdvice => {
                        text.contains("any questions about your case")
                            || text.contains("advise you on any aspect")
                            || text.contains("give you advice")
                    }
                    Defect::ImpossibleDate => [
                        "31 April",
                        "April 31",
                        "31 June",
                        "June 31",
                        "31 September",
                        "September 31",
                        "31 November",
                        "November 31",
                        "30 February",
                        "February 30",
                    ]
                    .iter()
                    .any(|t| text.contains(t)),
                    Defect::UnbalancedBracket => text
                        .lines()
                        .any(|l| l.matches('(').count() != l.matches(')').count()),
                };
                assert!(visible, "{}: {d:?} not visible", letter.name);
            }
            if letter.defects.is_empty() {
                let lower = text.to_lowercase();
                for needle in ["within", "trust", "@", "next", "signature of", "refund"] {
                    assert!(
                        lower.contains(needle),
                        "{}: clean letter lacks {needle:?}",
                        letter.name
                    );
                }
                assert!(!text.contains("per month"), "{}", letter.name);
                assert!(
                    !has_bare_amount(&text),
                    "{}: amount without currency",
                    letter.name
                );
                assert!(
                    !text.contains("{"),
                    "{}: unfilled template field",
                    letter.name
                );
            }
        }
    }

    /// An amount like "3,500" or "350 per hour" with no currency marker before it.
    fn has_bare_amount(text: &str) -> bool {
        let words: Vec<&str> = text.split([' ', '(']).collect();
        words.iter().enumerate().any(|(i, w)| {
            let after_code = i > 0
                && words
                    .get(i - 1)
                    .is_some_and(|p| ["CAD", "USD", "GBP", "AUD"].contains(p));
            let w = w.trim_end_matches(['.', ',', ')']);
            let grouped = w.split(',').count() > 1
                && w.split(',')
                    .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
            let rate = !w.is_empty()
                && w.bytes().all(|b| b.is_ascii_digit())
                && words.get(i + 1) == Some(&"per")
                && words.get(i + 2).is_some_and(|u| u.starts_with("hour"));
            !after_code && (grouped || rate)
        })
    }

    #[test]
    fn markdown_has_the_structure_of_a_letter() {
        let letter = compose(42, 3, Shape::Typical);
        let md = to_markdown(&letter);
        assert_eq!(md.lines().filter(|l| l.starts_with("# ")).count(), 1);
        assert!(md.lines().filter(|l| l.starts_with("## ")).count() >= 10);
        assert!(md.contains("\n1. "), "a numbered list");
        assert!(md.contains("**"), "bold text");
        assert!(!md.contains('{'), "no unfilled field");
    }

    #[test]
    fn docx_is_deflated_and_carries_body_header_footer_lists_and_a_table() {
        // Find an hourly letter: it has the rates table.
        let letter = (1..50)
            .map(|i| compose(42, i, Shape::Typical))
            .find(|l| l.blocks.iter().any(|b| matches!(b, Block::Table { .. })))
            .unwrap();
        let bytes = to_docx(&letter).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut part = |name: &str| {
            let mut f = zip.by_name(name).unwrap();
            assert_eq!(f.compression(), zip::CompressionMethod::Deflated, "{name}");
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            s
        };
        let document = part("word/document.xml");
        let header = part("word/header1.xml");
        let footer = part("word/footer1.xml");
        let core = part("docProps/core.xml");
        assert!(document.contains("<w:tbl>"));
        assert!(document.contains("<w:numPr>"));
        assert!(document.contains(r#"w:val="Heading1""#));
        assert!(header.contains("LLP") || header.contains("Law") || header.contains("Co."));
        assert!(footer.contains("www."));
        assert!(core.contains("2026-01-15T09:00:00Z"));
        for block in &letter.blocks {
            if let Block::Heading(h) = block {
                assert!(document.contains(h.as_str()), "{h}");
            }
        }
    }
}

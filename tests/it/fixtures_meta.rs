//! The fixture letters' ground truth is itself checked: every letter has a parsing expected
//! file, every rule id exists, every excerpt is really in the letter, the seeded defects cover
//! every core rule at least twice, and the docx-rs letters match their generator.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::support::letter_docx::{docx_rs_letters, LetterDescription};

/// The `core` pack's rule ids, from the rule catalog (public interface: they never change).
const CORE_RULE_IDS: &[&str] = &[
    "identity.client",
    "identity.lawyer",
    "identity.verification",
    "scope.services",
    "scope.exclusions",
    "scope.client-duties",
    "scope.next-steps",
    "scope.guarantee",
    "fees.basis",
    "fees.rates",
    "fees.currency",
    "fees.words-figures",
    "fees.tax",
    "fees.estimate",
    "fees.disbursements",
    "fees.rate-changes",
    "fees.contingency",
    "trust.deposit",
    "trust.nonrefundable",
    "billing.frequency",
    "billing.due",
    "billing.interest",
    "comms.channels",
    "comms.cost",
    "comms.availability",
    "comms.urgent",
    "response.commitment",
    "response.vague",
    "response.limit",
    "response.acknowledgement",
    "staff.assistant",
    "staff.assistant-topics",
    "staff.legal-advice",
    "staff.contact-format",
    "status.updates",
    "termination.terms",
    "file.retention",
    "disputes.route",
    "plain.legalese",
    "plain.sentence-length",
    "plain.readability",
    "drafting.undefined-term",
    "drafting.unused-definition",
    "drafting.duplicate-definition",
    "drafting.cross-reference",
    "drafting.numbering",
    "drafting.brackets",
    "drafting.date",
    "drafting.party-name",
    "template.placeholder",
    "template.drafting-note",
    "template.signature",
    "template.tracked-changes",
    "template.comments",
];

/// The jurisdiction packs' own rule ids, from the rule catalog.
const JURISDICTION_RULE_IDS: &[&str] = &[
    "sk.contingency-court-review",
    "sk.contingency-prohibited-terms",
    "sk.family-contingency",
    "sk.trust-invoice",
    "sk.assessment",
    "on.contingency-cap",
    "on.standard-form",
    "ny.fee-arbitration",
    "ny.billing-interval",
    "ny.clients-rights",
    "ca.bp6148",
    "ca.bp6147-negotiable",
    "uk.complaints",
    "uk.stale-ombudsman-limits",
    "uk.supervisor",
    "au.client-rights",
    "au.estimate-updates",
];

const JURISDICTION_PACKS: &[&str] = &["ca-sk", "ca-on", "us-ny", "us-ca", "uk-sra", "au-ul"];

/// `NAME.expected.toml`: the hand-reviewed findings for one letter.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    jurisdiction: String,
    clean: bool,
    #[serde(default)]
    finding: Vec<ExpectedFinding>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFinding {
    rule: String,
    excerpt: Option<String>,
    note: String,
    #[serde(default)]
    optional: bool,
}

/// A letter file and the expected file that describes it.
#[derive(Debug)]
struct FixtureLetter {
    letter: PathBuf,
    expected_path: PathBuf,
    expected: Expected,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn letters_dir() -> PathBuf {
    repo_root().join("fixtures/letters")
}

fn holdout_dir() -> PathBuf {
    repo_root().join("fixtures/holdout")
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The expected file of a letter: `NAME.docx.expected.toml` when a DOCX has its own, else
/// `NAME.expected.toml`.
fn expected_path_for(letter: &Path) -> PathBuf {
    let name = file_name(letter);
    let own = letter.with_file_name(format!("{name}.expected.toml"));
    if name.ends_with(".docx") && own.exists() {
        return own;
    }
    let stem = name
        .rsplit_once('.')
        .map_or(name.as_str(), |(stem, _)| stem);
    letter.with_file_name(format!("{stem}.expected.toml"))
}

fn fixture_letters(dir: &Path) -> Vec<FixtureLetter> {
    let mut letters: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = file_name(path);
            name != "README.md"
                && (name.ends_with(".md") || name.ends_with(".txt") || name.ends_with(".docx"))
        })
        .collect();
    letters.sort();
    letters
        .into_iter()
        .map(|letter| {
            let expected_path = expected_path_for(&letter);
            let source = std::fs::read_to_string(&expected_path).unwrap_or_else(|e| {
                panic!(
                    "{}: no expected file {}: {e}",
                    letter.display(),
                    expected_path.display()
                )
            });
            let expected: Expected = toml::from_str(&source)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
            FixtureLetter {
                letter,
                expected_path,
                expected,
            }
        })
        .collect()
}

/// Whitespace collapsed, so an excerpt may cross a soft line break.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read_zip_part(docx: &[u8], part: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut file = archive.by_name(part).ok()?;
    let mut xml = String::new();
    file.read_to_string(&mut xml).unwrap();
    Some(xml)
}

/// The words of one XML part, run after run; a space after each paragraph.
fn xml_text(xml: &str) -> String {
    let mut text = String::new();
    for paragraph in xml.split("</w:p>") {
        for chunk in paragraph.split("<w:t").skip(1) {
            let Some((tag, rest)) = chunk.split_once('>') else {
                continue;
            };
            // `<w:t>` or `<w:t xml:space=...>`, not `<w:tbl>`, `<w:tc>`, `<w:tab/>`...
            if tag.ends_with('/') || !(tag.is_empty() || tag.starts_with(' ')) {
                continue;
            }
            if let Some((run, _)) = rest.split_once("</w:t>") {
                text.push_str(run);
            }
        }
        text.push(' ');
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
}

/// The visible words of a DOCX (body, headers, footers, comments): crude, but enough to check
/// that an excerpt is there.
fn docx_text(docx: &[u8]) -> String {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut parts: Vec<String> = archive
        .file_names()
        .filter(|n| n.starts_with("word/") && n.ends_with(".xml"))
        .map(str::to_owned)
        .collect();
    parts.sort();
    parts
        .iter()
        .map(|part| xml_text(&read_zip_part(docx, part).unwrap()))
        .collect()
}

fn letter_text(letter: &Path) -> String {
    let bytes = std::fs::read(letter).unwrap();
    if file_name(letter).ends_with(".docx") {
        normalize(&docx_text(&bytes))
    } else {
        normalize(&String::from_utf8(bytes).unwrap())
    }
}

#[test]
fn every_letter_has_an_expected_file_that_names_real_rules_and_real_excerpts() {
    let known: BTreeSet<&str> = CORE_RULE_IDS
        .iter()
        .chain(JURISDICTION_RULE_IDS)
        .copied()
        .collect();
    let mut checked = 0;
    for dir in [letters_dir(), holdout_dir()] {
        for fixture in fixture_letters(&dir) {
            let name = fixture.letter.display();
            let expected = &fixture.expected;
            assert!(
                JURISDICTION_PACKS.contains(&expected.jurisdiction.as_str()),
                "{name}: unknown jurisdiction pack {:?}",
                expected.jurisdiction
            );
            assert_eq!(
                expected.clean,
                expected.finding.is_empty(),
                "{name}: a clean letter lists no finding, a letter with defects lists some"
            );
            let text = letter_text(&fixture.letter);
            for finding in &expected.finding {
                assert!(
                    known.contains(finding.rule.as_str()),
                    "{name}: unknown rule {}",
                    finding.rule
                );
                assert!(
                    !finding.note.trim().is_empty(),
                    "{name}: {} has no note",
                    finding.rule
                );
                if let Some(excerpt) = &finding.excerpt {
                    assert!(
                        text.contains(&normalize(excerpt)),
                        "{name}: excerpt {excerpt:?} of {} is not in the letter",
                        finding.rule
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} letters checked");
}

#[test]
fn every_markdown_letter_has_its_own_expected_file() {
    for dir in [letters_dir(), holdout_dir()] {
        for fixture in fixture_letters(&dir) {
            let name = file_name(&fixture.letter);
            if name.ends_with(".md") || name.ends_with(".txt") {
                let stem = name.rsplit_once('.').unwrap().0;
                assert_eq!(
                    file_name(&fixture.expected_path),
                    format!("{stem}.expected.toml")
                );
            }
        }
    }
}

#[test]
fn fixture_set_has_enough_letters_formats_and_clean_models() {
    let letters = fixture_letters(&letters_dir());
    let markdown: Vec<_> = letters
        .iter()
        .filter(|f| file_name(&f.letter).ends_with(".md"))
        .collect();
    let docx = letters
        .iter()
        .filter(|f| file_name(&f.letter).ends_with(".docx"))
        .count();
    let clean = markdown.iter().filter(|f| f.expected.clean).count();
    let packs: BTreeSet<&str> = markdown
        .iter()
        .map(|f| f.expected.jurisdiction.as_str())
        .collect();
    assert!(markdown.len() >= 16, "{} Markdown letters", markdown.len());
    assert!(
        docx * 3 >= markdown.len(),
        "{docx} DOCX for {} letters",
        markdown.len()
    );
    assert!(clean >= 5, "{clean} clean letters");
    assert_eq!(
        packs.len(),
        JURISDICTION_PACKS.len(),
        "packs used: {packs:?}"
    );
    assert!(
        letters_dir().join("family-sk.md").exists(),
        "the README lints family-sk.md"
    );
}

#[test]
fn seeded_defects_cover_every_core_rule_at_least_twice() {
    // Letters (a DOCX with its own expected file counts as a letter) listing each rule.
    let mut listed: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut required: BTreeSet<String> = BTreeSet::new();
    for fixture in fixture_letters(&letters_dir()) {
        if fixture.expected.clean {
            continue;
        }
        for finding in &fixture.expected.finding {
            if let Some(id) = CORE_RULE_IDS.iter().find(|id| **id == finding.rule) {
                listed
                    .entry(id)
                    .or_default()
                    .insert(file_name(&fixture.expected_path));
                if !finding.optional {
                    required.insert(finding.rule.clone());
                }
            }
        }
    }
    let thin: Vec<String> = CORE_RULE_IDS
        .iter()
        .filter(|id| listed.get(**id).map_or(0, BTreeSet::len) < 2)
        .map(|id| format!("{id} ({:?})", listed.get(id)))
        .collect();
    assert!(
        thin.is_empty(),
        "core rules seeded in fewer than two letters: {thin:?}"
    );
    let only_optional: Vec<&&str> = CORE_RULE_IDS
        .iter()
        .filter(|id| !required.contains(**id))
        .collect();
    assert!(
        only_optional.is_empty(),
        "core rules never listed as certain: {only_optional:?}"
    );
}

/// Attributes docx-rs numbers from process-wide counters: they depend on how many documents
/// the test process built before, not on the letter.
const VOLATILE_ATTRIBUTES: &[&str] = &["w14:paraId", "w14:textId", "r:id"];

fn without_volatile_attributes(xml: &str) -> String {
    let mut out = xml.to_owned();
    for attribute in VOLATILE_ATTRIBUTES {
        let needle = format!(" {attribute}=\"");
        while let Some(start) = out.find(&needle) {
            let value_start = start + needle.len();
            let end = value_start + out[value_start..].find('"').unwrap();
            out.replace_range(start..=end, "");
        }
    }
    out
}

#[test]
fn regenerate_docx_rs_letters() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some_and(|v| v == "1");
    for fixture in docx_rs_letters() {
        let markdown_path = letters_dir().join(format!("{}.md", fixture.name));
        let docx_path = letters_dir().join(format!("{}.docx", fixture.name));
        let markdown = std::fs::read_to_string(&markdown_path).unwrap();
        let fresh = (fixture.layout)(LetterDescription::from_markdown(&markdown)).to_docx_bytes();
        if update {
            std::fs::write(&docx_path, &fresh).unwrap();
            continue;
        }
        let committed = std::fs::read(&docx_path).unwrap_or_else(|e| {
            panic!("{}: {e} (run with UPDATE_FIXTURES=1)", docx_path.display())
        });
        for part in ["word/document.xml", "word/comments.xml"] {
            let want = read_zip_part(&fresh, part).map(|x| without_volatile_attributes(&x));
            let got = read_zip_part(&committed, part).map(|x| without_volatile_attributes(&x));
            assert!(
                want == got,
                "{}: {part} differs from the generator; run UPDATE_FIXTURES=1 cargo test -p \
                 retainer-lint-tests --test it regenerate_docx_rs_letters",
                docx_path.display()
            );
        }
    }
}

#[test]
fn docx_rs_letters_put_contacts_in_header_and_footer_and_fees_in_a_table() {
    for fixture in docx_rs_letters() {
        let docx = std::fs::read(letters_dir().join(format!("{}.docx", fixture.name))).unwrap();
        let header = read_zip_part(&docx, "word/header1.xml").unwrap_or_default();
        let footer = read_zip_part(&docx, "word/footer1.xml").unwrap_or_default();
        let document = read_zip_part(&docx, "word/document.xml").unwrap();
        let margins = format!("{header}{footer}");
        assert!(
            margins.contains("555-01") || margins.contains("5550 "),
            "{}: no phone in header/footer",
            fixture.name
        );
        assert!(
            margins.contains("@"),
            "{}: no email in header/footer",
            fixture.name
        );
        assert!(document.contains("<w:tbl>"), "{}: no table", fixture.name);
        let letterhead = normalize(&xml_text(&header));
        assert!(
            !letterhead.is_empty(),
            "{}: empty page header",
            fixture.name
        );
        assert!(
            !normalize(&xml_text(&document)).contains(&letterhead),
            "{}: the letterhead is still in the body",
            fixture.name
        );
    }
}

#[test]
fn markdown_reader_of_the_generator_keeps_every_word() {
    let markdown = "# Title\n\nDear **Ms.** Doe:\n\n- one\n- two\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n1. First step\n\nLast line";
    let letter = LetterDescription::from_markdown(markdown).letterhead_to_header();
    assert_eq!(letter.header, vec!["Dear Ms. Doe:".to_owned()]);
    let letter = letter.last_line_to_footer();
    assert_eq!(letter.footer, vec!["Last line".to_owned()]);
    assert_eq!(letter.body.len(), 5, "{:?}", letter.body);
    let text = normalize(&docx_text(
        &letter.comment("First", "check").to_docx_bytes(),
    ));
    for words in [
        "Title",
        "one",
        "two",
        "A",
        "2",
        "First step",
        "Ms.",
        "check",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text:?}");
    }
}

/// The excerpts must survive the project's own readers: a rule can only point at words that
/// are in some block's plain text. A format whose reader is not built yet is skipped.
#[test]
fn every_excerpt_is_in_the_text_the_readers_produce() {
    let mut read_letters = 0;
    for dir in [letters_dir(), holdout_dir()] {
        for fixture in fixture_letters(&dir) {
            let bytes = std::fs::read(&fixture.letter).unwrap();
            let name = file_name(&fixture.letter);
            let format = retainer_lint::read::detect(&bytes, Some(&name));
            let document =
                match retainer_lint::read(&bytes, format, &retainer_lint::Limits::default()) {
                    Ok(document) => document,
                    Err(e)
                        if name.ends_with(".docx")
                            && e.kind() == retainer_lint::InputErrorKind::UnknownFormat =>
                    {
                        continue
                    }
                    Err(e) => panic!("{name}: {}: {}", e.code(), e.message()),
                };
            let text = normalize(
                &document
                    .blocks
                    .iter()
                    .map(|b| b.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            for finding in &fixture.expected.finding {
                if let Some(excerpt) = &finding.excerpt {
                    assert!(
                        text.contains(&normalize(excerpt)),
                        "{name}: excerpt {excerpt:?} of {} is not in the blocks the reader made",
                        finding.rule
                    );
                }
            }
            read_letters += 1;
        }
    }
    assert!(read_letters >= 26, "only {read_letters} letters read");
}

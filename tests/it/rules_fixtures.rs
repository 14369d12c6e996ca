//! The rule engine against the fixture letters (`fixtures/letters/`): every seeded defect of an
//! enabled rule is found, and no error or warning fires that the letter's expected file does
//! not list. Prints a per-rule table (run with `--nocapture` to see it).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use retainer_lint::{Diagnostic, Document, Severity};

use crate::support::linter_for;

pub(crate) fn letters_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/letters")
}

#[derive(Debug, Clone)]
pub(crate) struct Expected {
    pub(crate) rule: String,
    pub(crate) excerpt: Option<String>,
    pub(crate) optional: bool,
}

pub(crate) fn expected(path: &Path) -> (Option<String>, Vec<Expected>) {
    let text = std::fs::read_to_string(path).unwrap();
    let v: toml::Table = toml::from_str(&text).unwrap();
    let jurisdiction = v
        .get("jurisdiction")
        .and_then(|j| j.as_str())
        .map(str::to_string);
    let findings = v
        .get("finding")
        .and_then(|f| f.as_array())
        .map(|a| {
            a.iter()
                .map(|f| Expected {
                    rule: f["rule"].as_str().unwrap().to_string(),
                    excerpt: f
                        .get("excerpt")
                        .and_then(|e| e.as_str())
                        .map(str::to_string),
                    optional: f.get("optional").and_then(|o| o.as_bool()).unwrap_or(false),
                })
                .collect()
        })
        .unwrap_or_default();
    (jurisdiction, findings)
}

/// Where an excerpt stands in the text view (whitespace-insensitive).
fn locate(text: &str, excerpt: &str) -> Vec<std::ops::Range<usize>> {
    let pattern = excerpt
        .split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"[\s*_>#|-]+");
    let re = regex::RegexBuilder::new(&pattern)
        .case_insensitive(true)
        .build()
        .unwrap();
    re.find_iter(text).map(|m| m.range()).collect()
}

pub(crate) fn covers(d: &Diagnostic, e: &Expected, doc: &Document) -> bool {
    if *d.rule != e.rule {
        return false;
    }
    let text = &doc.text;
    // A missing clause is reported at a heading, whatever words the expected file quotes.
    if d.label.as_deref() == Some("the clause belongs here") {
        return true;
    }
    match &e.excerpt {
        None => true,
        Some(x) => {
            let spots = locate(text, x);
            // Findings point at the words, or (for a missing element) at the heading of the
            // section the words are in.
            let section_of = |at: usize| {
                doc.blocks
                    .iter()
                    .position(|b| b.kind.is_prose() && b.map.view_extent().contains(&at))
                    .and_then(|b| doc.section_title(b))
            };
            spots.is_empty()
                || spots
                    .iter()
                    .any(|s| s.start <= d.span.end && d.span.start <= s.end)
                || d.labels.iter().any(|l| {
                    spots
                        .iter()
                        .any(|s| s.start <= l.span.end && l.span.start <= s.end)
                })
                || spots.iter().any(|s| {
                    section_of(s.start).is_some() && section_of(s.start) == d.section.as_deref()
                })
        }
    }
}

#[derive(Default, Debug)]
struct Tally {
    found: usize,
    missed: usize,
    false_pos: usize,
}

/// Lint every fixture letter; returns per-rule tallies and a list of problems.
fn evaluate() -> (BTreeMap<String, Tally>, Vec<String>, usize, usize) {
    evaluate_dir(&letters_dir())
}

/// The letters of a fixture directory (Markdown, DOCX, text; not its README), sorted.
pub(crate) fn letter_files(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("md" | "docx" | "txt")
            )
        })
        .filter(|p| p.file_name().and_then(|n| n.to_str()) != Some("README.md"))
        .collect();
    entries.sort();
    entries
}

/// A letter's expected file: `NAME.EXT.expected.toml` when the format has its own, else
/// `NAME.expected.toml`.
pub(crate) fn expected_file(letter: &Path) -> PathBuf {
    let dir = letter.parent().unwrap();
    let stem = letter.file_stem().unwrap().to_str().unwrap();
    let ext = letter.extension().unwrap().to_str().unwrap();
    let specific = dir.join(format!("{stem}.{ext}.expected.toml"));
    if specific.exists() {
        specific
    } else {
        dir.join(format!("{stem}.expected.toml"))
    }
}

/// Lint every letter of `dir` against its expected file.
fn evaluate_dir(dir: &Path) -> (BTreeMap<String, Tally>, Vec<String>, usize, usize) {
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut seeded = 0;
    let mut found = 0;
    for path in letter_files(dir) {
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let ext = path.extension().unwrap().to_str().unwrap();
        let exp_path = expected_file(&path);
        let (jurisdiction, exp) = expected(&exp_path);
        let linter = linter_for(jurisdiction.as_deref());
        let enabled: Vec<&str> = linter.rules().iter().map(|r| r.id.as_str()).collect();
        let report = match linter.lint_path(&path) {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("{}: unreadable: {e}", path.display()));
                continue;
            }
        };
        let text = &report.document.text;
        let doc = &*report.document;
        let name = format!("{stem}.{ext}");
        for e in exp.iter().filter(|e| enabled.contains(&e.rule.as_str())) {
            let hit = report.diagnostics.iter().any(|d| covers(d, e, doc));
            let t = tally.entry(e.rule.clone()).or_default();
            if hit {
                t.found += 1;
                if !e.optional {
                    found += 1;
                    seeded += 1;
                }
            } else if !e.optional {
                t.missed += 1;
                seeded += 1;
                problems.push(format!("{name}: MISSED {} {:?}", e.rule, e.excerpt));
            }
        }
        for d in &report.diagnostics {
            if d.severity < Severity::Warning {
                continue;
            }
            if !exp.iter().any(|e| covers(d, e, doc)) {
                tally.entry(d.rule.to_string()).or_default().false_pos += 1;
                problems.push(format!(
                    "{name}: FALSE {} {:?} at {:?}",
                    d.rule,
                    d.message,
                    text.get(d.span.clone())
                        .unwrap_or("")
                        .chars()
                        .take(60)
                        .collect::<String>()
                ));
            }
        }
    }
    (tally, problems, seeded, found)
}

#[test]
fn fixture_letters_recall_and_precision() {
    let (tally, problems, seeded, found) = evaluate();
    let mut table = String::from("rule | found | missed | false positives\n");
    for (rule, t) in &tally {
        table.push_str(&format!(
            "{rule} | {} | {} | {}\n",
            t.found, t.missed, t.false_pos
        ));
    }
    let false_pos: usize = tally.values().map(|t| t.false_pos).sum();
    eprintln!(
        "{table}\nseeded {seeded}, found {found}, false positives {false_pos}\n{}",
        problems.join("\n")
    );
    assert!(seeded > 50, "the fixtures seed defects");
    // The target is 95% of seeded defects with no unexpected error or warning; these floors
    // guard what has been reached (188/188 found, no false positive, 2026-12-02) against
    // regressions.
    assert!(found == seeded, "recall {found}/{seeded}");
    assert!(false_pos == 0, "{false_pos} false positives");
}

/// The first held-out letters (`fixtures/holdout/`) were written by another hand. Unseen until
/// 2026-12-02 (measured then at 23/33 found, 14 false errors/warnings), they were used that day
/// to generalise the rules and are now development letters like `fixtures/letters/`; the
/// floors keep what was reached (33/33, none false).
/// Evaluates one held-out set and prints its figures and problems: (seeded, found, false).
fn held_out(set: &str) -> (usize, usize, usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(set);
    let (tally, problems, seeded, found) = evaluate_dir(&dir);
    let false_pos: usize = tally.values().map(|t| t.false_pos).sum();
    eprintln!(
        "{set}: seeded {seeded}, found {found}, false positives {false_pos}\n{}",
        problems.join("\n")
    );
    assert!(seeded > 10, "the {set} letters seed defects");
    (seeded, found, false_pos)
}

/// Every seeded finding: the floor of a set whose misses were all fixed.
const ALL: usize = usize::MAX;

/// A studied set's floors: at least `found` of its seeded findings (or `ALL`), and at most
/// `false_allowed` false errors or warnings, each a judgement call its test documents.
fn floor(set: &str, found: usize, false_allowed: usize) {
    let (seeded, got, false_pos) = held_out(set);
    assert!(
        got >= found.min(seeded),
        "{set} recall {got}/{seeded}, floor {}",
        found.min(seeded)
    );
    assert!(
        false_pos <= false_allowed,
        "{set}: {false_pos} false positives, {false_allowed} allowed"
    );
}

#[test]
fn holdout_letters_recall_and_precision() {
    floor("holdout", ALL, 0);
}

/// The second held-out set (`fixtures/holdout2/`), written on 2026-12-02 by two writers who
/// read only the rule catalog: no rule, pattern or other letter. Measured once before any rule
/// was changed for it (49/59 found, 13 false errors/warnings); its misses were then studied
/// and the rules generalised, so it too is now a development set. The floors keep what was
/// reached (59/59, none false). The next unseen measurement needs new letters.
#[test]
fn holdout2_letters_recall_and_precision() {
    floor("holdout2", ALL, 0);
}

/// The third held-out set (`fixtures/holdout3/`), written on 2026-12-02 by two more writers who
/// read only the rule catalog, and measured once, after the day's rule changes, before anyone
/// read them: 53/58 found, 9 false errors/warnings. Its misses were then studied too; the floors
/// keep what was reached after that (58/58, none false).
#[test]
fn holdout3_letters_recall_and_precision() {
    floor("holdout3", ALL, 0);
}

/// The fourth held-out set (`fixtures/holdout4/`), written on 2026-12-02 by two more writers
/// from the catalog alone, measured once after the changes that holdout3 prompted and before
/// anyone read the letters: 56/66 found, 5 false errors/warnings. Studied since; the floors
/// keep what was reached (66/66, none false).
#[test]
fn holdout4_letters_recall_and_precision() {
    floor("holdout4", ALL, 0);
}

/// The fifth held-out set (`fixtures/holdout5/`), written on 2026-12-02 by two more writers
/// from the catalog alone, measured once after the changes that holdout4 prompted and before
/// anyone read the letters: 47/59 found, 11 false errors/warnings. Studied since; the floors
/// keep what was reached (58/59, none false; the miss is a status-update call the catalog
/// leaves open: a 90-day statement of costs read as an update).
#[test]
fn holdout5_letters_recall_and_precision() {
    floor("holdout5", ALL, 0);
}

/// The sixth held-out set (`fixtures/holdout6/`), written on 2026-12-02 by two more writers
/// from the catalog alone, measured once after the changes that holdout5 prompted and before
/// anyone read the letters: 54/65 found, 10 false errors/warnings. Studied since; the floors
/// keep what was reached (61/65, none false). Left: "the Shareholders' Agreement" (a possessive
/// inside a term), a hybrid hourly-and-contingency New York letter billed quarterly (the
/// contingency exemption wins), a rate in a table cell without a currency marker.
#[test]
fn holdout6_letters_recall_and_precision() {
    floor("holdout6", ALL, 0);
}

/// The seventh held-out set (`fixtures/holdout7/`), written on 2026-12-02 by two more writers
/// from the catalog alone, measured once after the changes that holdout6 prompted and before
/// anyone read the letters: 49/63 found, 11 false errors/warnings. Studied since; the floors
/// keep what was reached (57/63, none false). Left: party-name drift by a dropped or added word
/// ("Bayview Elder Law LLP" for "... Law Group LLP", "Calder & Brooks"), "Facility Letter"
/// used bare, a contingency element read as satisfied.
#[test]
fn holdout7_letters_recall_and_precision() {
    floor("holdout7", 61, 0);
}

/// The eighth held-out set (`fixtures/holdout8/`), written on 2026-12-02 (session 4) by two
/// more writers from the catalog alone, measured once before any rule was changed for it:
/// 59/64 found, 6 false errors/warnings (neither clean letter clean), rules as of `86ebcba`.
/// Its misses were then studied like the others' (64/64, none false, is the floor now).
#[test]
fn holdout8_letters_recall_and_precision() {
    floor("holdout8", ALL, 0);
}

/// The ninth held-out set (`fixtures/holdout9/`), written on 2026-12-02 (session 4) by three
/// more writers from the catalog alone, measured once before any rule was changed for it:
/// 71/82 found, 12 false errors/warnings (none of the three clean letters clean), rules as of
/// `f43dc4a`. Its misses were then studied (82/82, none false, is the floor now).
#[test]
fn holdout9_letters_recall_and_precision() {
    floor("holdout9", ALL, 0);
}

/// The tenth held-out set (`fixtures/holdout10/`), written on 2026-12-02 (session 4) by three
/// more writers from the catalog alone, measured once before any rule was changed for it:
/// 69/86 found, 7 false errors/warnings (two of the three clean letters clean), rules as of
/// `08f3493`. Its misses were then studied (86/86, none false, is the floor now).
#[test]
fn holdout10_letters_recall_and_precision() {
    floor("holdout10", ALL, 0);
}

/// The eleventh held-out set (`fixtures/holdout11/`), written on 2026-12-02 (session 4) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 74/86 found, 19 false errors/warnings (none of the three clean letters clean), rules as of
/// `b6cf443`. Its misses were then studied (86/86, none false, is the floor now).
#[test]
fn holdout11_letters_recall_and_precision() {
    floor("holdout11", ALL, 0);
}

/// The twelfth held-out set (`fixtures/holdout12/`), written on 2026-12-02 (session 4) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 80/87 found, 12 false errors/warnings (two of the three clean letters clean), rules as of
/// `20125e5`. Its misses were then studied (85/87, none false, is the floor now).
#[test]
fn holdout12_letters_recall_and_precision() {
    floor("holdout12", 85, 0);
}

/// The thirteenth held-out set (`fixtures/holdout13/`), written on 2026-12-02 (session 4) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 68/83 found, 9 false errors/warnings (all three clean letters clean), rules as of `e4141ef`.
/// Its misses were then studied (77/83, none false, is the floor now).
#[test]
fn holdout13_letters_recall_and_precision() {
    floor("holdout13", 77, 0);
}

/// The fourteenth held-out set (`fixtures/holdout14/`), written on 2026-12-02 (session 4) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 74/79 found, 11 false errors/warnings (one of the three clean letters clean), rules as of
/// `36b7806`. Its misses were then studied (79/79, none false, is the floor now).
#[test]
fn holdout14_letters_recall_and_precision() {
    floor("holdout14", ALL, 0);
}

/// The fifteenth held-out set (`fixtures/holdout15/`), written on 2026-12-02 (session 5) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 69/75 found, 4 false errors/warnings (all three clean letters clean), rules as of `e2bb10b`.
/// Its misses were then studied (75/75, none false, is the floor now).
#[test]
fn holdout15_letters_recall_and_precision() {
    floor("holdout15", ALL, 0);
}

/// The sixteenth held-out set (`fixtures/holdout16/`), written on 2026-12-03 (session 6) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 73/79 found, 11 false errors/warnings (one of the three clean letters clean), rules as of `01f6181`.
/// Its misses were then studied (79/79, none false, is the floor now).
#[test]
fn holdout16_letters_recall_and_precision() {
    floor("holdout16", ALL, 0);
}

/// The seventeenth held-out set (`fixtures/holdout17/`), written on 2026-12-03 (session 6) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 75/79 found, 15 false errors/warnings (one of the three clean letters clean), rules as of `d447f13`.
/// Its misses were then studied (79/79, none false, is the floor now).
#[test]
fn holdout17_letters_recall_and_precision() {
    floor("holdout17", ALL, 0);
}

/// The eighteenth held-out set (`fixtures/holdout18/`), written on 2026-12-03 (session 6) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 74/80 found, 17 false errors/warnings (two of the three clean letters clean), rules as of `f0d3adc`.
/// Its misses were then studied (80/80, none false, is the floor now).
#[test]
fn holdout18_letters_recall_and_precision() {
    floor("holdout18", ALL, 0);
}

/// The nineteenth held-out set (`fixtures/holdout19/`), written on 2026-12-03 (session 6) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 62/71 found, 13 false errors/warnings (one of the three clean letters clean), rules as of
/// `07c11c9`. Its misses were then studied (session 7; 71/71, none false, is the floor now).
#[test]
fn holdout19_letters_recall_and_precision() {
    floor("holdout19", ALL, 0);
}

/// The twentieth held-out set (`fixtures/holdout20/`), written on 2026-12-03 (session 7) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 68/71 found, 12 false errors/warnings (one of the three clean letters clean), rules as of
/// `866a5d3`. Its misses were then studied (70/70, none false, is the floor now; one finding the
/// writer expected was made optional, see its expected file).
#[test]
fn holdout20_letters_recall_and_precision() {
    floor("holdout20", ALL, 0);
}

/// The twenty-first held-out set (`fixtures/holdout21/`), written on 2026-12-03 (session 7) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 65/70 found, 6 false errors/warnings (none of the three clean letters clean), rules as of
/// `5146fe2`. Its misses were then studied (70/70, none false, is the floor now).
#[test]
fn holdout21_letters_recall_and_precision() {
    floor("holdout21", ALL, 0);
}

/// The twenty-second held-out set (`fixtures/holdout22/`), written on 2026-12-03 (session 7) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 71/71 found, 3 false errors/warnings, all in defective letters (all three clean letters
/// clean), rules as of `70b2a86`. Its false findings were then studied (71/71, none false, is
/// the floor now).
#[test]
fn holdout22_letters_recall_and_precision() {
    floor("holdout22", ALL, 0);
}

/// The twenty-third held-out set (`fixtures/holdout23/`), written on 2026-12-03 (session 7) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 67/69 found, 9 false errors/warnings, all in defective letters (all three
/// clean letters clean), rules as of `7a57a44`. Its misses and false findings were then
/// studied (70/70 with one expected finding added on review, none false, is the floor now).
#[test]
fn holdout23_letters_recall_and_precision() {
    floor("holdout23", ALL, 0);
}

/// The twenty-fourth held-out set (`fixtures/holdout24/`), written on 2026-12-03 (session 7) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 70/72 found, 6 false errors/warnings (none of the three clean letters
/// clean), rules as of `7a57a44`. Its misses and false findings were then studied (72/72,
/// none false, is the floor now).
#[test]
fn holdout24_letters_recall_and_precision() {
    floor("holdout24", ALL, 0);
}

/// The twenty-fifth held-out set (`fixtures/holdout25/`), written on 2026-12-03 (session 7) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 66/70 found, 6 false errors/warnings (two of the three clean letters
/// clean), rules as of `531d283`. Its misses and false findings were then studied (68/69,
/// none false, is the floor now; still missed: `shareholder-exit-sk`'s billing.frequency, whose 'periodically' is hidden by an account sent for each
/// withdrawal from trust). In session 12 an account sent for each withdrawal from trust stopped
/// counting as a billing interval, so that miss is found too and the floor is all of them.
#[test]
fn holdout25_letters_recall_and_precision() {
    floor("holdout25", ALL, 0);
}

/// The twenty-sixth held-out set (`fixtures/holdout26/`), written on 2026-12-03 (session 7) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 65/70 found, 8 false errors/warnings (none of the three clean letters
/// clean), rules as of `531d283`. Its misses and false findings were then studied (69/70,
/// none false, is the floor now; still missed: `solar-lease-ca`'s response.limit, a reply time in a table row with no subject).
#[test]
fn holdout26_letters_recall_and_precision() {
    floor("holdout26", 69, 0);
}

/// The twenty-seventh held-out set (`fixtures/holdout27/`), written on 2026-12-03 (session 7) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 65/69 found, 2 false errors/warnings (two of the three clean letters
/// clean), rules as of `d1643ac`. Studied in sessions 7 and 8 (67/69, none false, is the floor;
/// still missed: an '&' firm name on a signature line that runs into the signer's name, and an
/// outcome promise ('we will get Atlas to pay your full repair costs')).
#[test]
fn holdout27_letters_recall_and_precision() {
    floor("holdout27", 67, 0);
}

/// The twenty-eighth held-out set (`fixtures/holdout28/`), written on 2026-12-03 (session 7) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 71/72 found, 3 false errors/warnings (two of the three clean letters
/// clean), rules as of `d1643ac`. Studied in sessions 7 and 8 (71/72, none false, is the floor;
/// still missed: an '&' firm name on a signature line).
#[test]
fn holdout28_letters_recall_and_precision() {
    floor("holdout28", 71, 0);
}

/// The twenty-ninth held-out set (`fixtures/holdout29/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 65/70 found, 8 false errors/warnings (one of the three clean letters clean), rules as of
/// `a58fdd1`. Then studied (68/70, none false, is the floor; still missed: "the Prize Fund",
/// used once and never defined, whose head word "Fund" is left out of the defined-term nouns
/// because regulators' funds ("the Compensation Fund") are proper names; and an assistant,
/// Rosa, with no topics when a paralegal named earlier has some: the rule asks that the
/// letter say what its assistant helps with, and checking every person named in a support
/// role made six false findings in earlier sets: trainees listed with a rate, "California
/// Secretary" of State).
#[test]
fn holdout29_letters_recall_and_precision() {
    floor("holdout29", 68, 0);
}

/// The thirtieth held-out set (`fixtures/holdout30/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 69/72 found, 10 false errors/warnings (two of the three clean letters clean), rules as of
/// `a58fdd1`. Then studied (72/72, none false, is the floor).
#[test]
fn holdout30_letters_recall_and_precision() {
    floor("holdout30", 72, 0);
}

/// The thirty-first held-out set (`fixtures/holdout31/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 71/72 found, 8 false errors/warnings (one of the three clean letters clean), rules as of
/// `91fbe55`. Then studied (71/72, none false, is the floor; still missed: `probate-bond-ny`'s
/// disputes.route, where the letter says the fees "may be reviewed by the Court" as an estate
/// expense, which the rule reads as a route to have a bill reviewed).
#[test]
fn holdout31_letters_recall_and_precision() {
    floor("holdout31", 71, 0);
}

/// The thirty-second held-out set (`fixtures/holdout32/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 63/69 found, 6 false errors/warnings (all three clean letters clean), rules as of `91fbe55`.
/// Then studied (69/69, none false, is the floor).
#[test]
fn holdout32_letters_recall_and_precision() {
    floor("holdout32", 69, 0);
}

/// The thirty-third held-out set (`fixtures/holdout33/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 67/71 found, 10 false errors/warnings (two of the three clean letters clean), rules as of
/// `aa38c9a`. Then studied (71/71, none false, is the floor).
#[test]
fn holdout33_letters_recall_and_precision() {
    floor("holdout33", 71, 0);
}

/// The thirty-fourth held-out set (`fixtures/holdout34/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 70/73 found, 4 false errors/warnings (all three clean letters clean), rules as of `aa38c9a`.
/// Then studied (73/73, none false, is the floor).
#[test]
fn holdout34_letters_recall_and_precision() {
    floor("holdout34", 73, 0);
}

/// The thirty-fifth held-out set (`fixtures/holdout35/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 68/71 found, 11 false errors/warnings (one of the three clean letters clean), rules as of
/// `160ba4e`. Then studied (70/71, none false, is the floor; still missed: the firm named
/// "Callaway Brennan" beside its full name, a party-name drift).
#[test]
fn holdout35_letters_recall_and_precision() {
    floor("holdout35", 70, 0);
}

/// The thirty-sixth held-out set (`fixtures/holdout36/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 67/72 found, 2 false errors/warnings (all three clean letters clean), rules as of `160ba4e`.
/// Then studied (72/72, none false, is the floor).
#[test]
fn holdout36_letters_recall_and_precision() {
    floor("holdout36", 72, 0);
}

/// The thirty-seventh held-out set (`fixtures/holdout37/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 69/71 found, 2 false errors/warnings (two of the three clean letters clean), rules as of
/// `b7e515c`. Then studied (71/71, none false, is the floor).
#[test]
fn holdout37_letters_recall_and_precision() {
    floor("holdout37", 71, 0);
}

/// The thirty-eighth held-out set (`fixtures/holdout38/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 70/71 found, 9 false errors/warnings (none of the three clean letters clean), rules as of
/// `b7e515c`. Then studied (71/71, none false, is the floor).
#[test]
fn holdout38_letters_recall_and_precision() {
    floor("holdout38", 71, 0);
}

/// The thirty-ninth held-out set (`fixtures/holdout39/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 68/71 found, 10 false errors/warnings (two of the three clean letters clean), rules as of
/// `7f8e603`. Then studied (71/71, none false, is the floor).
#[test]
fn holdout39_letters_recall_and_precision() {
    floor("holdout39", 71, 0);
}

/// The fortieth held-out set (`fixtures/holdout40/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 68/70 found, 3 false errors/warnings (two of the three clean letters clean), rules as of
/// `7f8e603`. Then studied (70/70, none false, is the floor).
#[test]
fn holdout40_letters_recall_and_precision() {
    floor("holdout40", 70, 0);
}

/// The forty-first held-out set (`fixtures/holdout41/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 67/70 found, 8 false errors/warnings (two of the three clean letters clean), rules as of
/// `93f54eb`. Then studied (69/70, none false, is the floor; still missed: "Eastbrook Food
/// Bank" for the defined client's longer name, a party-name drift).
#[test]
fn holdout41_letters_recall_and_precision() {
    floor("holdout41", 69, 0);
}

/// The forty-second held-out set (`fixtures/holdout42/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 64/70 found, 9 false errors/warnings (one of the three clean letters clean), rules as of
/// `93f54eb`. Then studied (70/70, none false, is the floor).
#[test]
fn holdout42_letters_recall_and_precision() {
    floor("holdout42", 70, 0);
}

/// The forty-third held-out set (`fixtures/holdout43/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 71/73 found, 3 false errors/warnings (two of the three clean letters clean), rules as of
/// `aa964c1`. Then studied (session 9): 73/73 with one false finding left, the floor:
/// scope.next-steps on opal-jewellery-au, whose only "next step" is the regulator's deadline
/// for the client's response; a judgement call left as a finding.
#[test]
fn holdout43_letters_recall_and_precision() {
    floor("holdout43", 73, 1);
}

/// The forty-fourth held-out set (`fixtures/holdout44/`), written on 2026-12-03 (session 8) by
/// three more writers from the catalog alone, measured once before any rule was changed for it:
/// 67/71 found, no false error or warning (all three clean letters clean), rules as of
/// `aa964c1`. Then studied (session 9; 71/71, none false, is the floor).
#[test]
fn holdout44_letters_recall_and_precision() {
    floor("holdout44", 71, 0);
}

/// The forty-fifth held-out set (`fixtures/holdout45/`), written on 2026-12-03 (session 9) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `5d70ee3`): 63/65 found, 5 false errors/warnings (all three clean letters
/// clean). Then studied: 65/65 with one false finding left, the floor: identity.lawyer on
/// film-location-ca, a first-person letter signed by a partner that never says who is
/// responsible for the file (a judgement call left as a finding).
#[test]
fn holdout45_letters_recall_and_precision() {
    floor("holdout45", 65, 1);
}

/// The forty-sixth held-out set (`fixtures/holdout46/`), written on 2026-12-03 (session 9) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `5d70ee3`): 62/65 found, 1 false error/warning (all three clean letters
/// clean). Then studied (65/65, none false, is the floor).
#[test]
fn holdout46_letters_recall_and_precision() {
    floor("holdout46", 65, 0);
}

/// The forty-seventh held-out set (`fixtures/holdout47/`), written on 2026-12-03 (session 9) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `fd6b591`): 62/64 found, 7 false errors/warnings (two of the three clean
/// letters clean). Then studied: 64/64 with one false finding left, the floor:
/// scope.next-steps on rugby-club-uk, which lists the work but gives no next step or timeline
/// of ours (a judgement call left as a finding).
#[test]
fn holdout47_letters_recall_and_precision() {
    floor("holdout47", 64, 1);
}

/// The forty-eighth held-out set (`fixtures/holdout48/`), written on 2026-12-03 (session 9) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `fd6b591`): 58/65 found, 7 false errors/warnings (one of the three clean
/// letters clean). Then studied (65/65, none false, is the floor).
#[test]
fn holdout48_letters_recall_and_precision() {
    floor("holdout48", 65, 0);
}

/// The forty-ninth held-out set (`fixtures/holdout49/`), written on 2026-12-03 (session 9) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `e08f83e`): 65/67 found, 2 false errors/warnings (two of the three clean
/// letters clean). Then studied (67/67, none false, is the floor).
#[test]
fn holdout49_letters_recall_and_precision() {
    floor("holdout49", 67, 0);
}

/// The fiftieth held-out set (`fixtures/holdout50/`), written on 2026-12-03 (session 9) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `e08f83e`): 64/65 found, 7 false errors/warnings (two of the three clean
/// letters clean). Then studied (65/65, none false, is the floor).
#[test]
fn holdout50_letters_recall_and_precision() {
    floor("holdout50", 65, 0);
}

/// The fifty-first held-out set (`fixtures/holdout51/`), written on 2026-12-03 (session 9) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `94218e1`): 64/66 found, 3 false errors/warnings (one of the three clean
/// letters clean). Then studied (66/66, none false, is the floor).
#[test]
fn holdout51_letters_recall_and_precision() {
    floor("holdout51", 66, 0);
}

/// The fifty-second held-out set (`fixtures/holdout52/`), written on 2026-12-03 (session 9) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `94218e1`): 64/66 found, 1 false error/warning (all three clean letters
/// clean). Then studied (66/66, none false, is the floor).
#[test]
fn holdout52_letters_recall_and_precision() {
    floor("holdout52", 66, 0);
}

/// The fifty-third held-out set (`fixtures/holdout53/`), written on 2026-12-03 (session 9) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `4ce61ad`, the session's final rules): 63/66 found, 6 false errors/warnings
/// (two of the three clean letters clean). Studied in session 10; the floors keep
/// what was reached (all found, none false).
#[test]
fn holdout53_letters_recall_and_precision() {
    floor("holdout53", ALL, 0);
}

/// The fifty-fourth held-out set (`fixtures/holdout54/`), written on 2026-12-03 (session 9) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `4ce61ad`, the session's final rules): 60/64 found, 3 false errors/warnings
/// (two of the three clean letters clean). Studied in session 10; the floors keep
/// what was reached (all found, none false).
#[test]
fn holdout54_letters_recall_and_precision() {
    floor("holdout54", ALL, 0);
}

/// The fifty-fifth held-out set (`fixtures/holdout55/`), written on 2026-12-03 (session 10) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `4036cb4`): 72/74 found, none false (all three clean letters clean). Studied in
/// session 10; the floors keep what was reached (all found, none false).
#[test]
fn holdout55_letters_recall_and_precision() {
    floor("holdout55", ALL, 0);
}

/// The fifty-sixth held-out set (`fixtures/holdout56/`), written on 2026-12-03 (session 10) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `4036cb4`): 66/68 found, 3 false errors/warnings (all three clean letters
/// clean). Studied in session 10; the floors keep what was reached (all found, none false).
#[test]
fn holdout56_letters_recall_and_precision() {
    floor("holdout56", ALL, 0);
}

/// The fifty-seventh held-out set (`fixtures/holdout57/`), written on 2026-12-04 (session 11) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `f521aa6`): 81/83 found, 9 false errors/warnings (one of the three clean letters
/// clean). Studied in session 12; the floors keep what was reached (all found, none false).
#[test]
fn holdout57_letters_recall_and_precision() {
    floor("holdout57", ALL, 0);
}

/// The fifty-eighth held-out set (`fixtures/holdout58/`), written on 2026-12-04 (session 11) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `f521aa6`): 75/77 found, 8 false errors/warnings (one of the three clean letters
/// clean). Studied in session 12; the floors keep what was reached (all found, none false).
#[test]
fn holdout58_letters_recall_and_precision() {
    floor("holdout58", ALL, 0);
}

/// The fifty-ninth held-out set (`fixtures/holdout59/`), written on 2026-12-04 (session 12) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `578a95f`): 76/80 found, 3 false errors/warnings (two of the three clean letters
/// clean). Studied in session 12; the floors keep what was reached (all found, none false).
#[test]
fn holdout59_letters_recall_and_precision() {
    floor("holdout59", ALL, 0);
}

/// The sixtieth held-out set (`fixtures/holdout60/`), written on 2026-12-04 (session 12) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `578a95f`): 69/80 found, 4 false errors/warnings (two of the three clean letters
/// clean). Studied in session 12; the floors keep what was reached (all found, none false).
#[test]
fn holdout60_letters_recall_and_precision() {
    floor("holdout60", ALL, 0);
}

/// The sixty-first held-out set (`fixtures/holdout61/`), written on 2026-12-04 (session 12) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `34a75b3`): 81/82 found, 9 false errors/warnings (two of the three clean letters
/// clean). Studied in session 12; the floors keep what was reached (all found, none false).
#[test]
fn holdout61_letters_recall_and_precision() {
    floor("holdout61", ALL, 0);
}

/// The sixty-second held-out set (`fixtures/holdout62/`), written on 2026-12-04 (session 12) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `34a75b3`): 77/81 found, 1 false error/warning (all three clean letters clean).
/// Studied in session 12 (79/81: `cottage-dock-on`'s one-word "the Encroachment" missed); found
/// since session 13, when common defined-term nouns of property and commercial letters joined
/// the term heads. The floors keep all found, none false.
#[test]
fn holdout62_letters_recall_and_precision() {
    floor("holdout62", ALL, 0);
}

/// The sixty-third held-out set (`fixtures/holdout63/`), written on 2026-12-04 (session 12) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `4cd53e1`): 70/73 found, 14 false errors/warnings (none of the three clean
/// letters clean). Studied in session 12; the floors keep what was reached (73/73, one false).
/// The one allowed is a judgement call: `cheese-roll-uk.txt` lists the work it will do, (a) to
/// (e), but gives no timeline and no next step beyond signing; `scope.next-steps` says so, and
/// its writer counted the list as next steps.
#[test]
fn holdout63_letters_recall_and_precision() {
    floor("holdout63", ALL, 1);
}

/// The sixty-fourth held-out set (`fixtures/holdout64/`), written on 2026-12-04 (session 12) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `4cd53e1`): 78/80 found, 7 false errors/warnings (all three clean letters clean).
/// Studied in session 12; the floors keep what was reached (all found, none false).
#[test]
fn holdout64_letters_recall_and_precision() {
    floor("holdout64", ALL, 0);
}

/// The sixty-fifth held-out set (`fixtures/holdout65/`), written on 2026-12-04 (session 13) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `79d199a`): 79/80 found, 11 false
/// errors/warnings (none of the three clean letters clean). Studied in session 13; the floors
/// keep what was reached (all found, none false).
#[test]
fn holdout65_letters_recall_and_precision() {
    floor("holdout65", ALL, 0);
}

/// The sixty-sixth held-out set (`fixtures/holdout66/`), written on 2026-12-04 (session 13) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `79d199a`): 79/80 found, 12 false
/// errors/warnings (two of the three clean letters clean). Studied in session 13; the floors
/// keep what was reached (all found, none false).
#[test]
fn holdout66_letters_recall_and_precision() {
    floor("holdout66", ALL, 0);
}

/// The sixty-seventh held-out set (`fixtures/holdout67/`), written on 2026-12-04 (session 13)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `c065d9d`): 77/80 found, 5 false errors/warnings (all three clean letters
/// clean). Studied in session 13; the floors keep what was reached (all found,
/// none false).
#[test]
fn holdout67_letters_recall_and_precision() {
    floor("holdout67", ALL, 0);
}

/// The sixty-eighth held-out set (`fixtures/holdout68/`), written on 2026-12-04 (session 13)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `c065d9d`): 78/80 found, 9 false errors/warnings (none of the three clean
/// letters clean). Studied in session 13; the floors keep what was reached (all found,
/// none false).
#[test]
fn holdout68_letters_recall_and_precision() {
    floor("holdout68", ALL, 0);
}

/// The sixty-ninth held-out set (`fixtures/holdout69/`), written on 2026-12-04 (session 13) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `4144820`): 79/81 found, 6 false errors/warnings (two of the three clean letters
/// clean). Studied in session 13 (80/81, none false); in session 14 the last miss,
/// `hedgehog-hospital-uk`'s "Prickly Hollow Hedgehog Rescue" for the client "Prickly Hollow
/// Hedgehog Hospital CIO" (a drifted name written without a company suffix), is found too.
#[test]
fn holdout69_letters_recall_and_precision() {
    floor("holdout69", ALL, 0);
}

/// The seventieth held-out set (`fixtures/holdout70/`), written on 2026-12-04 (session 13) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `4144820`): 75/79 found, 3 false errors/warnings (all three clean letters
/// clean). Studied in session 13 (78/79, none false); in session 14 the last miss,
/// `walnut-huller-ca`'s "Valley Oaks Hulling" for the client "Valley Oak Hulling, LLC" (the
/// same kind of suffix-less drifted name), is found too.
#[test]
fn holdout70_letters_recall_and_precision() {
    floor("holdout70", ALL, 0);
}

/// The seventy-first held-out set (`fixtures/holdout71/`), written on 2026-12-04 (session 14)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `580f96d`): 81/87 found, 4 false errors/warnings (all three clean letters
/// clean). Studied in session 15 (87/87, none false): a paralegal billed "at the paralegal's
/// own hourly rate", a list of work under "Stage 1 covers:" that is no word on what calls cost,
/// a client without a suffix signing under a longer name, "amounts we pay to others on your
/// behalf" as a definition of disbursements, and the interest a contract lets the client charge
/// the other side.
#[test]
fn holdout71_letters_recall_and_precision() {
    floor("holdout71", ALL, 0);
}

/// The seventy-second held-out set (`fixtures/holdout72/`), written on 2026-12-04 (session 14)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `580f96d`): 82/86 found, 5 false errors/warnings (two of the three clean
/// letters clean). Studied in session 14-15 (86/86, none false): another regulator's name (the
/// Legal Profession Conduct Commissioner), a bill "when we send you an account" that is no
/// billing interval, compound defined terms ("the Subcontract"), "Payment 9" that is not money,
/// and a demand letter's 14 days that are not our reply time.
#[test]
fn holdout72_letters_recall_and_precision() {
    floor("holdout72", ALL, 0);
}

/// The seventy-third held-out set (`fixtures/holdout73/`), written on 2026-12-05 (session 15)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `c005bda`): 86/89 found, 7 false errors/warnings (none of the three clean
/// letters clean). Studied in session 15 (89/89, none false): a deposit "described as
/// non-refundable" in a letter of intent, and another's claim that a payment is one; a
/// claimant's own hourly earnings "at her usual rate"; a county's General Plan; "Emails receive
/// a reply within one business day" as a commitment and "Phone messages I return as soon as
/// practicable" as vague; "the Mandate" as a term to define.
#[test]
fn holdout73_letters_recall_and_precision() {
    floor("holdout73", ALL, 0);
}

/// The seventy-fourth held-out set (`fixtures/holdout74/`), written on 2026-12-05 (session 15)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `ce6a2ac`): 86/89 found, 1 false error/warning (two of the three clean
/// letters clean). Studied in session 16 (89/89, none false): a table cell that names "our
/// standard clerk rate" instead of giving it; a legal assistant who "can answer your questions
/// about how the Contract applies"; PST the client will owe, whose "late remittance" draws
/// the tax authority's interest, not ours.
#[test]
fn holdout74_letters_recall_and_precision() {
    floor("holdout74", ALL, 0);
}

/// The seventy-fifth held-out set (`fixtures/holdout75/`), written on 2026-12-05 (session 16)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `10ad882`): 73/75 found, 5 false errors/warnings (all three clean letters
/// clean). Studied in session 16 (75/75, none false): a deposit the client "paid the
/// fabricator", so the finding points at the money paid into our trust account; an expert's
/// retainer paid "directly to the expert"; a bottling line's "2,400 bottles per hour"; a
/// proposed licence condition "that staff report any incident ... as soon as practicable".
#[test]
fn holdout75_letters_recall_and_precision() {
    floor("holdout75", ALL, 0);
}

/// The seventy-sixth held-out set (`fixtures/holdout76/`), written on 2026-12-05 (session 16)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `62b815c`): 70/75 found, 6 false errors/warnings (all three clean letters
/// clean). Studied in session 16 (75/75, none false): "the Protected Territory" (a place
/// word after a participle is a term, unlike "the Northern Territory") and "the Response" as
/// terms to define; a "$150 jury fee deposit" and a deposit paid "to the Vendor's lawyer"
/// that are not ours; "does not allow us to charge a fee worked out as a percentage of the
/// damages"; "Within 60 days after the answer, we expect to serve" as a litigation step.
#[test]
fn holdout76_letters_recall_and_precision() {
    floor("holdout76", ALL, 0);
}

/// The seventy-seventh held-out set (`fixtures/holdout77/`), written on 2026-12-05 (session 17)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `77f8ec1`): 80/81 found, 8 false errors/warnings (all three clean letters
/// clean). Studied in session 17 (81/81, none false): "Because she knows the file well, she
/// can answer any questions you have about the case" (a pronoun after an opening clause is the
/// paralegal); an insurer that may "pay us at its own rates"; "extend your time to answer by
/// 30 days"; "the Village's draft imposes a late charge"; "file a complaint with the Attorney
/// Grievance Committee" as a complaint route; "the Venue paid its deposit of $4,800"; "any
/// amount left over ... will be returned to you"; "regulation 31 of, and Schedule 6 to, the
/// Regulations".
#[test]
fn holdout77_letters_recall_and_precision() {
    floor("holdout77", ALL, 0);
}

/// The seventy-eighth held-out set (`fixtures/holdout78/`), written on 2026-12-05 (session 17)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `c451d08`): 77/81 found, 7 false errors/warnings (all three clean letters
/// clean). Studied in session 20 (81/81, none false): "A contingency fee is not available
/// here" declines one; "Payment is due 14 days after you receive a bill"; a trust deposit used
/// "to pay each of our bills after we send the bill" is no billing interval, so "bills from time
/// to time" is reported; "primary responsibility for the Lawsuit"; "Article 12" after "Article
/// 11 of the P2B Regulation"; "the Shipment" as an undefined term; "we will win this case if the
/// Board does not reverse itself" (a negation inside the condition is no disclaimer).
#[test]
fn holdout78_letters_recall_and_precision() {
    floor("holdout78", ALL, 0);
}

/// The seventy-ninth held-out set (`fixtures/holdout79/`), written on 2026-12-06 (session 20)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `3f3e128`): 80/82 found, 2 false errors/warnings (all three clean letters
/// clean; the miss and the false finding are one each, in both formats). Studied in session 20
/// (82/82, none false): "the Instrument" as an undefined term; "interest at 1.5% per month under
/// section 41.3 of the lease" is the landlord's.
#[test]
fn holdout79_letters_recall_and_precision() {
    floor("holdout79", ALL, 0);
}

/// The eightieth held-out set (`fixtures/holdout80/`), written on 2026-12-06 (session 20) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `e06400a`): 74/81 found, 4 false errors/warnings (two of the three clean letters
/// clean). Studied in session 20: a flat fee paid "into our trust account"
/// is money in advance (and "we will refund the part of the fee that relates to work not done"
/// is its refund); "current paralegal rate" in a rate table; "Phone calls, emails and meetings
/// ... are part of the flat fee"; "the Landlord will usually have 20 days after service to
/// answer"; "issued invoice 2214" is a document's number; "the Collection"; "the original
/// signed Waiver" (a document's state between "the" and the term). 81/81, none false.
#[test]
fn holdout80_letters_recall_and_precision() {
    floor("holdout80", ALL, 0);
}

/// The eighty-first held-out set (`fixtures/holdout81/`), written on 2026-12-06 (session 20) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `8f835a8`): 76/78 found, 10 false errors/warnings (none of the three clean
/// letters clean). Studied in session 20 (78/78, none false): other people's non-refundable
/// deposits (a customer's, on a puppy "bought ... from you"; one "you paid to the marquee
/// supplier"; a tender's "bid deposit"); interest that "HM Revenue & Customs charges" or that
/// "medical providers may add"; a company name that "has read and accepts the terms of this
/// retainer" stands where only the client can.
#[test]
fn holdout81_letters_recall_and_precision() {
    floor("holdout81", ALL, 0);
}

/// The eighty-second held-out set (`fixtures/holdout82/`), written on 2026-12-06 (session 20)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `7346d01`): 82/85 found, 10 false errors/warnings (two of the three clean
/// letters clean). Studied in session 20 (84/85, one false): "We do not take licensing matters
/// on a contingency basis"; "Little Hooves will have 30 days after service to respond"; the
/// Council's "licence renewal fee"; "clause 18" of "your written partnership agreement", named
/// earlier in the sentence, and the same "clause 18" in a later paragraph; a party defined
/// without a suffix ("the Catskill Highlanders Pipe Band") drifting like one with it. Left: in
/// mural-ca.txt `fees.contingency` fires at the fee ("30% of the gross recovery") where the
/// writer expected it at the expenses sentence, which counts as one miss and one false finding.
#[test]
fn holdout82_letters_recall_and_precision() {
    floor("holdout82", 84, 1);
}

/// The eighty-third held-out set (`fixtures/holdout83/`), written on 2026-12-06 (session 20)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `8e957f1`): 80/86 found, 9 false errors/warnings (one of the three clean
/// letters clean). Studied in session 20 (86/86, none false): in plain text a line ending in
/// ':' whose last word cannot end a title ("You agree to:", "Our retainer does not include:")
/// leads into its list instead of heading a section; "billed at applicable paralegal rates";
/// "She knows the file well and will be happy to answer any questions you have about the
/// claim" (a clause with no subject continues the one before); "Any offer to settle will be
/// passed to you promptly"; a deposit "they pay" for a microphone kit; "the Land Registry
/// Services". The plain-text change moves three section-level findings of earlier sets
/// (holdout14, holdout28, holdout55) from the lead-in line to the real section heading.
#[test]
fn holdout83_letters_recall_and_precision() {
    floor("holdout83", ALL, 0);
}

/// The eighty-fourth held-out set (`fixtures/holdout84/`), written on 2026-12-06 (session 20)
/// by three more writers from the catalog alone, measured once before any rule was changed for
/// it (rules as of `2753543`): 80/85 found, 3 false errors/warnings (two of the three clean
/// letters clean). Studied in session 20 (85/85, none false): "recovering the non-refundable
/// deposit ... that the Club paid"; "If any of it remains after completion, we will return
/// it"; "New York State may refer it for collection and add interest"; "at the firm's clerk
/// rate"; "the emails with the Society" as documents to review, not a statement on billing
/// calls and emails.
#[test]
fn holdout84_letters_recall_and_precision() {
    floor("holdout84", ALL, 0);
}

/// The eighty-fifth held-out set (`fixtures/holdout85/`), written on 2026-12-06 (session 20) by
/// three more writers from the catalog alone, measured once before any rule was changed for it
/// (rules as of `fc74bbf`): 77/79 found, 2 false errors/warnings (two of the three clean
/// letters clean). Studied in session 20 (77/79, none false): the landlord's "£1,500 deposit it
/// holds under clause 14 of the Licence". Left: "We will respond to your emails within five
/// business days, and sooner where a court deadline requires" (the word "deadline" marks the
/// whole sentence as about a court's time limit, not ours).
#[test]
fn holdout85_letters_recall_and_precision() {
    floor("holdout85", 77, 0);
}

//! Snapshots of every finding on every fixture letter (`fixtures/letters/`, `fixtures/holdout/`,
//! `fixtures/holdout2/` to `fixtures/holdout85/`), one file per letter under `tests/it/snapshots/`. The expected files
//! beside the letters say which findings must and must not appear (see `rules_fixtures.rs`);
//! these pin everything else: the exact words each finding points at, its message, the
//! info-level findings, and the order. A change to a rule shows here as a diff to review
//! (`cargo insta review`, or `INSTA_UPDATE=always` and `git diff`).

use std::fmt::Write as _;
use std::path::Path;

use crate::rules_fixtures::{expected, expected_file, letter_files};
use crate::support::linter_for;

/// One line per finding: `line:column severity rule "words" message`.
fn findings(path: &Path) -> String {
    let (jurisdiction, _) = expected(&expected_file(path));
    let linter = linter_for(jurisdiction.as_deref());
    let report = linter.lint_path(path).unwrap();
    let text = &report.document.text;
    let mut out = format!(
        "{} with core{}\n",
        path.file_name().unwrap().to_str().unwrap(),
        jurisdiction.map(|j| format!(" + {j}")).unwrap_or_default()
    );
    for d in &report.diagnostics {
        let before = text.get(..d.span.start).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        let words: String = text
            .get(d.span.clone())
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(50)
            .collect();
        let _ = writeln!(
            out,
            "{line}:{column} {} {} \"{words}\" {}",
            d.severity, d.rule, d.message
        );
    }
    out
}

fn snapshot_dir(dir: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(dir);
    for path in letter_files(&root) {
        let name = format!("{dir}__{}", path.file_name().unwrap().to_str().unwrap());
        insta::assert_snapshot!(name, findings(&path));
    }
}

#[test]
fn findings_on_fixture_letters() {
    snapshot_dir("letters");
}

#[test]
fn findings_on_holdout_letters() {
    snapshot_dir("holdout");
}

#[test]
fn findings_on_holdout2_letters() {
    snapshot_dir("holdout2");
}

#[test]
fn findings_on_holdout3_letters() {
    snapshot_dir("holdout3");
}

#[test]
fn findings_on_holdout4_letters() {
    snapshot_dir("holdout4");
}

#[test]
fn findings_on_holdout5_letters() {
    snapshot_dir("holdout5");
}

#[test]
fn findings_on_holdout6_letters() {
    snapshot_dir("holdout6");
}

#[test]
fn findings_on_holdout7_letters() {
    snapshot_dir("holdout7");
}

#[test]
fn findings_on_holdout8_letters() {
    snapshot_dir("holdout8");
}

#[test]
fn findings_on_holdout9_letters() {
    snapshot_dir("holdout9");
}

#[test]
fn findings_on_holdout10_letters() {
    snapshot_dir("holdout10");
}

#[test]
fn findings_on_holdout11_letters() {
    snapshot_dir("holdout11");
}

#[test]
fn findings_on_holdout12_letters() {
    snapshot_dir("holdout12");
}

#[test]
fn findings_on_holdout13_letters() {
    snapshot_dir("holdout13");
}

#[test]
fn findings_on_holdout14_letters() {
    snapshot_dir("holdout14");
}

#[test]
fn findings_on_holdout15_letters() {
    snapshot_dir("holdout15");
}

#[test]
fn findings_on_holdout16_letters() {
    snapshot_dir("holdout16");
}

#[test]
fn findings_on_holdout17_letters() {
    snapshot_dir("holdout17");
}

#[test]
fn findings_on_holdout18_letters() {
    snapshot_dir("holdout18");
}

#[test]
fn findings_on_holdout19_letters() {
    snapshot_dir("holdout19");
}

#[test]
fn findings_on_holdout20_letters() {
    snapshot_dir("holdout20");
}

#[test]
fn findings_on_holdout21_letters() {
    snapshot_dir("holdout21");
}

#[test]
fn findings_on_holdout22_letters() {
    snapshot_dir("holdout22");
}

#[test]
fn findings_on_holdout23_letters() {
    snapshot_dir("holdout23");
}

#[test]
fn findings_on_holdout24_letters() {
    snapshot_dir("holdout24");
}

#[test]
fn findings_on_holdout25_letters() {
    snapshot_dir("holdout25");
}

#[test]
fn findings_on_holdout26_letters() {
    snapshot_dir("holdout26");
}

#[test]
fn findings_on_holdout27_letters() {
    snapshot_dir("holdout27");
}

#[test]
fn findings_on_holdout28_letters() {
    snapshot_dir("holdout28");
}

#[test]
fn findings_on_holdout29_letters() {
    snapshot_dir("holdout29");
}

#[test]
fn findings_on_holdout30_letters() {
    snapshot_dir("holdout30");
}

#[test]
fn findings_on_holdout31_letters() {
    snapshot_dir("holdout31");
}

#[test]
fn findings_on_holdout32_letters() {
    snapshot_dir("holdout32");
}

#[test]
fn findings_on_holdout33_letters() {
    snapshot_dir("holdout33");
}

#[test]
fn findings_on_holdout34_letters() {
    snapshot_dir("holdout34");
}

#[test]
fn findings_on_holdout35_letters() {
    snapshot_dir("holdout35");
}

#[test]
fn findings_on_holdout36_letters() {
    snapshot_dir("holdout36");
}

#[test]
fn findings_on_holdout37_letters() {
    snapshot_dir("holdout37");
}

#[test]
fn findings_on_holdout38_letters() {
    snapshot_dir("holdout38");
}

#[test]
fn findings_on_holdout39_letters() {
    snapshot_dir("holdout39");
}

#[test]
fn findings_on_holdout40_letters() {
    snapshot_dir("holdout40");
}

#[test]
fn findings_on_holdout41_letters() {
    snapshot_dir("holdout41");
}

#[test]
fn findings_on_holdout42_letters() {
    snapshot_dir("holdout42");
}

#[test]
fn findings_on_holdout43_letters() {
    snapshot_dir("holdout43");
}

#[test]
fn findings_on_holdout44_letters() {
    snapshot_dir("holdout44");
}

#[test]
fn findings_on_holdout45_letters() {
    snapshot_dir("holdout45");
}

#[test]
fn findings_on_holdout46_letters() {
    snapshot_dir("holdout46");
}

#[test]
fn findings_on_holdout47_letters() {
    snapshot_dir("holdout47");
}

#[test]
fn findings_on_holdout48_letters() {
    snapshot_dir("holdout48");
}

#[test]
fn findings_on_holdout49_letters() {
    snapshot_dir("holdout49");
}

#[test]
fn findings_on_holdout50_letters() {
    snapshot_dir("holdout50");
}

#[test]
fn findings_on_holdout51_letters() {
    snapshot_dir("holdout51");
}

#[test]
fn findings_on_holdout52_letters() {
    snapshot_dir("holdout52");
}

#[test]
fn findings_on_holdout53_letters() {
    snapshot_dir("holdout53");
}

#[test]
fn findings_on_holdout54_letters() {
    snapshot_dir("holdout54");
}

#[test]
fn findings_on_holdout55_letters() {
    snapshot_dir("holdout55");
}

#[test]
fn findings_on_holdout56_letters() {
    snapshot_dir("holdout56");
}

#[test]
fn findings_on_holdout57_letters() {
    snapshot_dir("holdout57");
}

#[test]
fn findings_on_holdout58_letters() {
    snapshot_dir("holdout58");
}

#[test]
fn findings_on_holdout59_letters() {
    snapshot_dir("holdout59");
}

#[test]
fn findings_on_holdout60_letters() {
    snapshot_dir("holdout60");
}

#[test]
fn findings_on_holdout61_letters() {
    snapshot_dir("holdout61");
}

#[test]
fn findings_on_holdout62_letters() {
    snapshot_dir("holdout62");
}

#[test]
fn findings_on_holdout63_letters() {
    snapshot_dir("holdout63");
}

#[test]
fn findings_on_holdout64_letters() {
    snapshot_dir("holdout64");
}

#[test]
fn findings_on_holdout65_letters() {
    snapshot_dir("holdout65");
}

#[test]
fn findings_on_holdout66_letters() {
    snapshot_dir("holdout66");
}

#[test]
fn findings_on_holdout67_letters() {
    snapshot_dir("holdout67");
}

#[test]
fn findings_on_holdout68_letters() {
    snapshot_dir("holdout68");
}

#[test]
fn findings_on_holdout69_letters() {
    snapshot_dir("holdout69");
}

#[test]
fn findings_on_holdout70_letters() {
    snapshot_dir("holdout70");
}

#[test]
fn findings_on_holdout71_letters() {
    snapshot_dir("holdout71");
}

#[test]
fn findings_on_holdout72_letters() {
    snapshot_dir("holdout72");
}

#[test]
fn findings_on_holdout73_letters() {
    snapshot_dir("holdout73");
}

#[test]
fn findings_on_holdout74_letters() {
    snapshot_dir("holdout74");
}

#[test]
fn findings_on_holdout75_letters() {
    snapshot_dir("holdout75");
}

#[test]
fn findings_on_holdout76_letters() {
    snapshot_dir("holdout76");
}

#[test]
fn findings_on_holdout77_letters() {
    snapshot_dir("holdout77");
}

#[test]
fn findings_on_holdout78_letters() {
    snapshot_dir("holdout78");
}

#[test]
fn findings_on_holdout79_letters() {
    snapshot_dir("holdout79");
}

#[test]
fn findings_on_holdout80_letters() {
    snapshot_dir("holdout80");
}

#[test]
fn findings_on_holdout81_letters() {
    snapshot_dir("holdout81");
}

#[test]
fn findings_on_holdout82_letters() {
    snapshot_dir("holdout82");
}

#[test]
fn findings_on_holdout83_letters() {
    snapshot_dir("holdout83");
}

#[test]
fn findings_on_holdout84_letters() {
    snapshot_dir("holdout84");
}

#[test]
fn findings_on_holdout85_letters() {
    snapshot_dir("holdout85");
}

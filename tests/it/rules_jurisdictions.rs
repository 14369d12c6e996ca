//! The jurisdiction packs against the fixture letters: for each letter whose expected file names
//! a jurisdiction, lint with `core` and that pack; every jurisdiction finding the expected file
//! lists is found, and no other jurisdiction rule fires at error or warning.

use std::path::PathBuf;

use retainer_lint::Severity;

use crate::rules_fixtures::{covers, expected, letters_dir};
use crate::support::linter_for;

/// Ids of jurisdiction rules start with the jurisdiction.
const PREFIXES: &[&str] = &["sk.", "on.", "ny.", "ca.", "uk.", "au."];

fn is_jurisdiction_rule(id: &str) -> bool {
    PREFIXES.iter().any(|p| id.starts_with(p))
}

fn letters() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(letters_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "docx")))
        .filter(|p| p.file_name().and_then(|n| n.to_str()) != Some("README.md"))
        .collect();
    v.sort();
    v
}

#[test]
fn jurisdiction_rules_on_fixture_letters() {
    let mut problems = Vec::new();
    let mut checked_letters = 0;
    let mut found = 0;
    for path in letters() {
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let ext = path.extension().unwrap().to_str().unwrap();
        let specific = letters_dir().join(format!("{stem}.{ext}.expected.toml"));
        let exp_path = if specific.exists() {
            specific
        } else {
            letters_dir().join(format!("{stem}.expected.toml"))
        };
        let (jurisdiction, exp) = expected(&exp_path);
        let Some(jurisdiction) = jurisdiction else {
            continue;
        };
        // A pack that does not load fails here; it never falls back to core.
        let linter = linter_for(Some(&jurisdiction));
        assert!(
            linter.rules().iter().any(|r| is_jurisdiction_rule(&r.id)),
            "pack {jurisdiction} adds no jurisdiction rule"
        );
        let report = linter.lint_path(&path).unwrap();
        let doc = &*report.document;
        let name = format!("{stem}.{ext}");
        checked_letters += 1;
        for e in exp.iter().filter(|e| is_jurisdiction_rule(&e.rule)) {
            if report.diagnostics.iter().any(|d| covers(d, e, doc)) {
                found += 1;
            } else if !e.optional {
                problems.push(format!("{name}: MISSED {} {:?}", e.rule, e.excerpt));
            }
        }
        for d in report
            .diagnostics
            .iter()
            .filter(|d| is_jurisdiction_rule(&d.rule))
        {
            if d.severity >= Severity::Warning && !exp.iter().any(|e| covers(d, e, doc)) {
                let at = doc
                    .text
                    .get(d.span.clone())
                    .unwrap_or("")
                    .chars()
                    .take(60)
                    .collect::<String>();
                problems.push(format!(
                    "{name}: FALSE {} {:?} at {at:?}",
                    d.rule, d.message
                ));
            }
        }
    }
    assert!(
        checked_letters >= 20,
        "only {checked_letters} letters name a jurisdiction"
    );
    assert!(
        found >= 15,
        "only {found} jurisdiction findings were expected and found"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_jurisdiction_rule_of_the_catalog_is_present() {
    let catalog: &[(&str, &[&str])] = &[
        (
            "ca-sk",
            &[
                "sk.contingency-court-review",
                "sk.contingency-prohibited-terms",
                "sk.family-contingency",
                "sk.trust-invoice",
                "sk.assessment",
            ],
        ),
        ("ca-on", &["on.contingency-cap", "on.standard-form"]),
        (
            "us-ny",
            &[
                "ny.fee-arbitration",
                "ny.billing-interval",
                "ny.clients-rights",
            ],
        ),
        ("us-ca", &["ca.bp6148", "ca.bp6147-negotiable"]),
        (
            "uk-sra",
            &[
                "uk.complaints",
                "uk.stale-ombudsman-limits",
                "uk.supervisor",
            ],
        ),
        ("au-ul", &["au.client-rights", "au.estimate-updates"]),
    ];
    for (pack, ids) in catalog {
        let linter = linter_for(Some(pack));
        let have: Vec<&str> = linter
            .rules()
            .iter()
            .map(|r| r.id.as_str())
            .filter(|id| is_jurisdiction_rule(id))
            .collect();
        let mut want: Vec<&str> = ids.to_vec();
        let mut got = have.clone();
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want, "pack {pack}");
        for r in linter
            .rules()
            .iter()
            .filter(|r| is_jurisdiction_rule(&r.id))
        {
            assert!(
                !r.sources.is_empty() && !r.rationale.is_empty(),
                "{} lacks sources or rationale",
                r.id
            );
        }
    }
}

#[test]
fn tightened_tax_rules_name_the_local_taxes() {
    for (pack, tax) in [
        ("ca-sk", "GST and PST"),
        ("ca-on", "HST"),
        ("uk-sra", "VAT"),
    ] {
        let linter = linter_for(Some(pack));
        let found = linter.example_findings(
            "fees.tax",
            "Our fee is $350 per hour, plus applicable taxes.",
        );
        assert_eq!(found.len(), 1, "{pack}: {found:?}");
        assert!(found[0].contains(tax), "{pack}: {found:?}");
        let rule = linter.rules().iter().find(|r| r.id == "fees.tax").unwrap();
        assert_eq!(rule.severity, Severity::Error, "{pack}");
    }
}

//! Engine tests: the built-in packs' examples, spans, suppressions, determinism.

use crate::config::Config;
use crate::lint::Linter;
use crate::rules::example_document;

fn core() -> Linter {
    match Linter::new(&Config::builtin()) {
        Ok(l) => l,
        Err(e) => panic!("core pack does not compile: {e:?}"),
    }
}

#[test]
fn core_pack_examples_behave_as_declared() {
    let failures = core().check_examples();
    let report: Vec<String> = failures
        .iter()
        .map(|f| {
            format!(
                "{} {}: {:?} -> {:?}",
                f.rule,
                if f.bad {
                    "bad did not fire"
                } else {
                    "good fired"
                },
                f.snippet,
                f.found
            )
        })
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn every_core_rule_of_the_catalog_is_present() {
    let l = core();
    let ids: Vec<&str> = l.rules().iter().map(|r| r.id.as_str()).collect();
    for id in [
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
    ] {
        assert!(ids.contains(&id), "missing {id}");
    }
    for r in l.rules() {
        assert!(!r.sources.is_empty(), "{} has no sources", r.id);
        assert!(!r.rationale.is_empty(), "{} has no rationale", r.id);
    }
}

#[test]
fn bad_examples_point_at_words_not_nothing() {
    let l = core();
    let doc = example_document("We will respond to your emails promptly.");
    let d: Vec<_> = l
        .lint_document(&doc)
        .into_iter()
        .filter(|d| &*d.rule == "response.vague")
        .collect();
    assert_eq!(d.len(), 1);
    assert_eq!(&doc.text[d[0].span.clone()], "promptly");
    assert_eq!(d[0].suggestions, vec!["within 2 business days".to_string()]);
}

#[test]
fn jurisdiction_pack_examples_behave_as_declared() {
    for pack in ["ca-sk", "ca-on", "us-ny", "us-ca", "uk-sra", "au-ul"] {
        let mut config = Config::builtin();
        config.extends.push(pack.to_string());
        let linter = match Linter::new(&config) {
            Ok(l) => l,
            Err(e) => panic!("{pack}: {e:?}"),
        };
        let prefix = match pack {
            "ca-sk" => "sk.",
            "ca-on" => "on.",
            "us-ny" => "ny.",
            "us-ca" => "ca.",
            "uk-sra" => "uk.",
            _ => "au.",
        };
        assert!(
            linter
                .rules()
                .iter()
                .any(|r| r.id.starts_with(prefix) && r.pack == pack),
            "{pack}"
        );
        let failures: Vec<String> = linter
            .check_examples()
            .iter()
            .map(|f| {
                format!(
                    "{pack} {} bad={} {:?} -> {:?}",
                    f.rule, f.bad, f.snippet, f.found
                )
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

#[test]
fn only_rules_that_declare_it_carry_a_safe_fix() {
    let l = core();
    let fixes = |snippet: &str| -> Vec<(String, String, Option<String>)> {
        let doc = example_document(snippet);
        l.lint_document(&doc)
            .into_iter()
            .filter(|d| !d.suggestions.is_empty())
            .map(|d| {
                (
                    d.rule.to_string(),
                    doc.text[d.span.clone()].to_string(),
                    d.fix,
                )
            })
            .collect()
    };
    let found = fixes(
        "We will reply promptly. Prior to the hearing we will give a prompt update. \
         We hereby confirm it. We will certainly win your case.",
    );
    let fix_of = |words: &str| {
        found
            .iter()
            .find(|(_, w, _)| w == words)
            .unwrap_or_else(|| panic!("no finding on {words:?}: {found:?}"))
            .2
            .clone()
    };
    assert_eq!(
        fix_of("promptly").as_deref(),
        Some("within 2 business days")
    );
    // Capitalised like the words it replaces.
    assert_eq!(fix_of("Prior to").as_deref(), Some("Before"));
    // "a prompt update" cannot take an adverbial phrase; "(leave out)" is not text.
    assert_eq!(fix_of("prompt"), None);
    assert_eq!(fix_of("hereby"), None);
    // A rule without `safe-fix` never has one, though it suggests something.
    let outcome: Vec<_> = found
        .iter()
        .filter(|(r, _, _)| r == "scope.guarantee")
        .collect();
    assert!(!outcome.is_empty(), "{found:?}");
    assert!(outcome.iter().all(|(_, _, f)| f.is_none()));
}

/// Every built-in pack at once, as `retainer-lint --extends …` for each pack would.
fn all_packs() -> Linter {
    let mut config = Config::builtin();
    for pack in crate::rules::pack::builtin_names() {
        if !config.extends.iter().any(|p| p == pack) {
            config.extends.push(pack.to_string());
        }
    }
    match Linter::new(&config) {
        Ok(l) => l,
        Err(e) => panic!("built-in packs do not compile: {e:?}"),
    }
}

/// The anchor index may only over-approximate: every pattern of every built-in pack that
/// matches a text is among that text's candidates. Checked on the fixture letters as written,
/// in upper case, with curly quotes and non-ASCII letters, and on the one ASCII-folding trap
/// (KELVIN SIGN for "k").
#[test]
fn anchor_candidates_include_every_match() {
    let linter = all_packs();
    let patterns = linter.base_engine().patterns();
    assert!(patterns.len() > 300, "{} patterns", patterns.len());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/letters");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("fixtures/letters") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(&path).expect("letter");
            texts.push(text.to_uppercase());
            texts.push(text.replace('\'', "’").replace("fee", "fée"));
            texts.push(text.replace('k', "\u{212A}"));
            texts.push(text);
        }
    }
    assert!(texts.len() >= 60, "{} texts", texts.len());
    let mut matched = 0;
    for text in &texts {
        let candidates = patterns.candidates(text);
        for id in 0..patterns.len() {
            if patterns.is_match(id, text) {
                matched += 1;
                assert!(
                    candidates.contains(id),
                    "pattern {id} matches but is not a candidate in:\n{}",
                    &text[..text.len().min(200)]
                );
            }
        }
    }
    assert!(
        matched > 1000,
        "only {matched} matches: the test checks too little"
    );
}

/// The index does its job: most patterns have anchor literals, so a block is not run against
/// every pattern.
#[test]
fn most_patterns_are_anchored() {
    let linter = all_packs();
    let patterns = linter.base_engine().patterns();
    let unanchored = patterns.unanchored_count();
    assert!(
        unanchored * 5 < patterns.len(),
        "{unanchored} of {} patterns have no anchor literal",
        patterns.len()
    );
}

/// A rate table with one currency marker left out: the bare figure in a column of amounts is
/// money without a currency; figures in other columns (hours) are not.
#[test]
fn a_bare_figure_in_a_column_of_amounts_lacks_a_currency() {
    let lint = |md: &str| {
        let doc = crate::read::markdown::read(md.as_bytes(), &crate::Limits::default())
            .unwrap_or_else(|e| panic!("{e:?}"));
        core()
            .lint_document(&doc)
            .into_iter()
            .filter(|d| &*d.rule == "fees.currency")
            .map(|d| doc.text[d.span.clone()].to_string())
            .collect::<Vec<_>>()
    };
    let bad = "| Team member | Hourly rate | Hours |\n|---|---|---|\n| Maria Chen | $450 | 12 |\n| Rosa Delgado | 175 | 30 |\n";
    assert_eq!(lint(bad), ["175"]);
    let good = "| Team member | Hourly rate | Hours |\n|---|---|---|\n| Maria Chen | $450 | 12 |\n| Rosa Delgado | $175 | 30 |\n";
    assert!(lint(good).is_empty(), "{:?}", lint(good));
}

/// An assistant reached through a contacts table: the name and the phone number are in cells
/// of one row, which counts as giving their contact details.
#[test]
fn a_contacts_table_row_gives_the_assistant_a_phone_number() {
    let staff_findings = |md: &str| {
        let doc = crate::read::markdown::read(md.as_bytes(), &crate::Limits::default())
            .unwrap_or_else(|e| panic!("{e:?}"));
        core()
            .lint_document(&doc)
            .into_iter()
            .filter(|d| &*d.rule == "staff.assistant")
            .count()
    };
    let intro = "Our paralegal, Carla Ortiz, will assemble the exhibits.\n\n";
    let table =
        "| Name | Role | Phone |\n|---|---|---|\n| Carla Ortiz | Paralegal | (212) 555-0139 |\n";
    assert_eq!(staff_findings(&format!("{intro}{table}")), 0);
    let no_phone = "| Name | Role |\n|---|---|\n| Carla Ortiz | Paralegal |\n";
    assert_eq!(staff_findings(&format!("{intro}{no_phone}")), 1);
}

/// A table cell is read with its row and its column header: "£575" under "Hourly rate" is an
/// hourly rate, and "Estimated total" beside "$2,853.50" is an estimate.
#[test]
fn table_cells_are_read_with_their_row_and_column_header() {
    let rules_fired = |md: &str| {
        let doc = crate::read::markdown::read(md.as_bytes(), &crate::Limits::default())
            .unwrap_or_else(|e| panic!("{e:?}"));
        core()
            .lint_document(&doc)
            .into_iter()
            .map(|d| d.rule.to_string())
            .collect::<Vec<_>>()
    };
    let rates = "# Fees\n\nVAT is payable at the prevailing rate.\n\n| Fee earner | Hourly rate |\n|---|---|\n| Jonathan Hale | £575 |\n";
    assert!(!rules_fired(rates).contains(&"fees.basis".to_string()));
    let no_rates = "# Fees\n\nVAT is payable at the prevailing rate.\n\n| Fee earner | Grade |\n|---|---|\n| Jonathan Hale | Partner |\n";
    assert!(rules_fired(no_rates).contains(&"fees.basis".to_string()));
    let estimate = "# Cost\n\nWe charge $300 per hour.\n\n| Item | Amount |\n|---|---|\n| Estimated total | $2,853.50 |\n";
    assert!(!rules_fired(estimate).contains(&"fees.estimate".to_string()));
    let no_estimate = estimate.replace("Estimated total", "Search fees");
    assert!(rules_fired(&no_estimate).contains(&"fees.estimate".to_string()));
}

/// A row whose first pattern matches in one cell is reported once, at that cell's words, not
/// again at the label beside them.
#[test]
fn a_table_row_is_reported_once_at_its_own_words() {
    let mut config = crate::Config::builtin();
    config.extends = vec!["core".to_string(), "au-ul".to_string()];
    let linter = crate::Linter::new(&config).unwrap_or_else(|e| panic!("{e:?}"));
    let md = "# Costs\n\n| Item | Amount |\n|---|---|\n| Estimate of total legal costs | $38,000 to $52,000 plus GST |\n";
    let doc = crate::read::markdown::read(md.as_bytes(), &crate::Limits::default())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let ranges: Vec<String> = linter
        .lint_document(&doc)
        .into_iter()
        .filter(|d| &*d.rule == "fees.estimate")
        .filter_map(|d| doc.text.get(d.span.clone()).map(str::to_string))
        .collect();
    assert_eq!(ranges, ["$38,000 to $52,000"]);
}

//! The subcommands: `rules`, `explain`, `init`, `dump`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use retainer_lint::{Linter, RuleInfo};
use serde::Serialize;

use crate::args::RulesFormat;
use crate::failure::Failure;

/// `retainer-lint rules`: every enabled rule, as an aligned table or JSON.
pub fn rules(linter: &Linter, format: RulesFormat) -> String {
    match format {
        RulesFormat::Json => rules_json(linter.rules()),
        RulesFormat::Text => rules_table(linter.rules()),
    }
}

fn rules_table(rules: &[RuleInfo]) -> String {
    let id_w = rules.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
    let pack_w = rules.iter().map(|r| r.pack.len()).max().unwrap_or(4).max(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<id_w$}  {:<7}  {:<pack_w$}  summary",
        "id", "level", "pack"
    );
    for r in rules {
        let _ = writeln!(
            out,
            "{:<id_w$}  {:<7}  {:<pack_w$}  {}",
            r.id,
            r.severity.as_str(),
            r.pack,
            r.summary
        );
    }
    let _ = writeln!(
        out,
        "\n{} rules. `retainer-lint explain ID` tells more.",
        rules.len()
    );
    out
}

#[derive(Serialize)]
struct RulesJson<'a> {
    version: u32,
    rules: Vec<RuleJson<'a>>,
}

#[derive(Serialize)]
struct RuleJson<'a> {
    id: &'a str,
    pack: &'a str,
    kind: &'a str,
    severity: &'static str,
    summary: &'a str,
    rationale: &'a str,
    sources: &'a [String],
    examples: Vec<ExampleJson<'a>>,
}

#[derive(Serialize)]
struct ExampleJson<'a> {
    bad: Option<&'a str>,
    good: Option<&'a str>,
}

fn rules_json(rules: &[RuleInfo]) -> String {
    let doc = RulesJson {
        version: 1,
        rules: rules
            .iter()
            .map(|r| RuleJson {
                id: &r.id,
                pack: &r.pack,
                kind: &r.kind,
                severity: r.severity.as_str(),
                summary: &r.summary,
                rationale: &r.rationale,
                sources: &r.sources,
                examples: r
                    .examples
                    .iter()
                    .map(|e| ExampleJson {
                        bad: e.bad.as_deref(),
                        good: e.good.as_deref(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// `retainer-lint explain ID`.
pub fn explain(rules: &[RuleInfo], id: &str) -> Result<String, Failure> {
    let Some(rule) = rules.iter().find(|r| r.id == id) else {
        let near: Vec<&str> = rules
            .iter()
            .map(|r| r.id.as_str())
            .filter(|r| {
                let group = id.split('.').next().unwrap_or(id);
                r.starts_with(group) || r.contains(id)
            })
            .take(8)
            .collect();
        let help = if near.is_empty() {
            "`retainer-lint rules` lists every rule id".to_string()
        } else {
            format!("did you mean one of: {}?", near.join(", "))
        };
        return Err(
            Failure::new("config.unknown-rule", format!("there is no rule `{id}`")).with_help(help),
        );
    };
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}, pack {})", rule.id, rule.severity, rule.pack);
    let _ = writeln!(out, "\n{}", rule.summary);
    if !rule.rationale.is_empty() {
        let _ = writeln!(out, "\nWhy it matters\n  {}", rule.rationale);
    }
    if !rule.sources.is_empty() {
        let _ = writeln!(out, "\nSources");
        for s in &rule.sources {
            let _ = writeln!(out, "  - {s}");
        }
    }
    let bad: Vec<&str> = rule
        .examples
        .iter()
        .filter_map(|e| e.bad.as_deref())
        .collect();
    let good: Vec<&str> = rule
        .examples
        .iter()
        .filter_map(|e| e.good.as_deref())
        .collect();
    if !bad.is_empty() {
        let _ = writeln!(out, "\nFires on");
        for b in bad {
            let _ = writeln!(out, "  ✗ {b}");
        }
    }
    if !good.is_empty() {
        let _ = writeln!(out, "\nDoes not fire on");
        for g in good {
            let _ = writeln!(out, "  ✓ {g}");
        }
    }
    Ok(out)
}

/// The starter configuration written by `retainer-lint init`.
pub fn starter_config(jurisdiction: Option<&str>) -> String {
    let extends = match jurisdiction {
        Some(j) => format!("[\"core\", \"{j}\"]"),
        None => "[\"core\"]".to_string(),
    };
    format!(
        r#"# retainer-lint configuration. Applies to letters in this directory and below
# (the nearest retainer-lint.toml above a letter wins).
# Every rule, with its id and why it matters: `retainer-lint rules`, `retainer-lint explain ID`.

# Rule packs. `core` covers fees, trust money, billing, communication, response times,
# staff, status updates, plain language, drafting and template hygiene.
# Jurisdiction packs: ca-sk, ca-on, us-ny, us-ca, uk-sra, au-ul.
extends = {extends}

# Firm policy.
[params]
# The longest response time the firm promises clients, in business days (response.limit).
# max_business_days = 2
# The currency marker fees must carry (fees.currency), e.g. "$" or "CAD".
# currency = "$"
# Longest sentence, in words (plain.sentence-length).
# max_words = 35
# Highest Flesch-Kincaid grade for the whole letter (plain.readability).
# max_grade = 12
# Make a named assistant with contact details an error (staff.assistant).
# require_assistant = false
"#
    )
}

/// `retainer-lint init`: create `retainer-lint.toml` in `dir`, never overwriting one.
pub fn init(dir: &Path, jurisdiction: Option<&str>) -> Result<String, Failure> {
    let path = dir.join("retainer-lint.toml");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    let mut file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Failure::new(
                "config.exists",
                "retainer-lint.toml already exists here; not overwriting it",
            )
            .with_help("edit it, or delete it and run `retainer-lint init` again"))
        }
        Err(e) => {
            return Err(Failure::new(
                "config.io",
                format!("could not create retainer-lint.toml: {e}"),
            ))
        }
    };
    file.write_all(starter_config(jurisdiction).as_bytes())
        .map_err(|e| {
            Failure::new(
                "config.io",
                format!("could not write retainer-lint.toml: {e}"),
            )
        })?;
    Ok("Wrote retainer-lint.toml\n".to_string())
}

/// `retainer-lint dump FILE`: the text view, one block per line with its kind.
pub fn dump(path: &Path, limits: &retainer_lint::Limits) -> Result<String, (String, String)> {
    let name = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| ("input.io".to_string(), format!("{name}: {e}")))?;
    let format = retainer_lint::read::detect(&bytes, Some(&name));
    let doc = retainer_lint::read(&bytes, format, limits)
        .map_err(|e| (e.code().to_string(), format!("{name}: {}", e.message())))?;
    let mut out = String::new();
    for block in &doc.blocks {
        let _ = writeln!(out, "{:<16} {}", block.kind.to_string(), block.text);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        init(dir.path(), Some("ca-sk")).unwrap();
        let written = std::fs::read_to_string(dir.path().join("retainer-lint.toml")).unwrap();
        assert!(written.contains("extends = [\"core\", \"ca-sk\"]"));
        let err = init(dir.path(), None).unwrap_err();
        assert!(err.to_string().contains("already exists"));
        // The first file is untouched.
        let again = std::fs::read_to_string(dir.path().join("retainer-lint.toml")).unwrap();
        assert_eq!(written, again);
    }

    #[test]
    fn starter_config_is_valid_toml() {
        let text = starter_config(Some("ca-sk"));
        let value: toml::Value = toml::from_str(&text).unwrap();
        assert_eq!(value["extends"][1].as_str(), Some("ca-sk"));
    }

    #[test]
    fn explain_prints_rationale_and_examples_or_suggests_ids() {
        let rules = crate::report::fixtures::rules();
        let text = explain(&rules, "response.vague").unwrap();
        assert!(text.starts_with("response.vague (warning, pack core)\n"));
        assert!(text.contains("Why response.vague matters to a client."));
        assert!(text.contains("  ✗ we will respond promptly"));
        assert!(text.contains("  ✓ within 2 business days"));
        let err = explain(&rules, "response.vage").unwrap_err();
        let help = miette::Diagnostic::help(&err).unwrap().to_string();
        assert_eq!(help, "did you mean one of: response.vague?");
    }

    #[test]
    fn rules_table_and_json_list_every_rule() {
        let rules = crate::report::fixtures::rules();
        let table = rules_table(&rules);
        assert!(table.contains("fees.basis      error    core  The basis of the fee is stated"));
        let v: serde_json::Value = serde_json::from_str(&rules_json(&rules)).unwrap();
        assert_eq!(v["rules"][1]["id"], "response.vague");
        assert_eq!(
            v["rules"][1]["examples"][0]["good"],
            "within 2 business days"
        );
    }
}

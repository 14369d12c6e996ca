//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it.

use std::collections::BTreeMap;
use std::io::{self, Write};

use retainer_lint::{RuleInfo, Severity};
use serde_json::{json, Value};

use super::{Place, Run};
use crate::check::Checked;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// SARIF's `level` for a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a report name: `/` separators, unsafe bytes percent-encoded.
pub fn uri(name: &str) -> String {
    let name = name.replace('\\', "/");
    let mut out = String::new();
    for b in name.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    if name.starts_with('/') {
        format!("file://{out}")
    } else {
        out
    }
}

fn rule_descriptor(rule: &RuleInfo) -> Value {
    let mut help = rule.rationale.clone();
    if !rule.sources.is_empty() {
        help.push_str("\n\nSources: ");
        help.push_str(&rule.sources.join("; "));
    }
    if help.is_empty() {
        help = rule.summary.clone();
    }
    json!({
        "id": rule.id,
        "name": rule.id,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": if rule.rationale.is_empty() { &rule.summary } else { &rule.rationale } },
        "help": { "text": help },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": { "pack": rule.pack, "kind": rule.kind },
    })
}

/// One letter's results (or several letters', gathered): what the SARIF log needs of them.
#[derive(Debug, Default)]
pub struct Results {
    /// `result` objects, without their `ruleIndex` (known only once every rule is).
    results: Vec<Value>,
    /// Letters that could not be read, as tool notifications.
    notifications: Vec<Value>,
    /// Rules named by a finding, with the severity it was reported at.
    rules_named: BTreeMap<String, Severity>,
}

impl Results {
    /// A letter's results.
    pub fn of(checked: &Checked) -> Self {
        let mut out = Results::default();
        match &checked.outcome {
            Ok(report) => {
                for d in &report.diagnostics {
                    let p = Place::of(&report.document, &d.span);
                    let mut message = d.message.clone();
                    if let Some(help) = &d.help {
                        message.push_str(". ");
                        message.push_str(help);
                    }
                    out.rules_named
                        .entry(d.rule.to_string())
                        .or_insert(d.severity);
                    out.results.push(json!({
                        "ruleId": &*d.rule,
                        "level": level(d.severity),
                        "message": { "text": message },
                        "locations": [{
                            "physicalLocation": {
                                "artifactLocation": { "uri": uri(&checked.name) },
                                "region": {
                                    "startLine": p.line,
                                    "startColumn": p.column,
                                    "endLine": p.end_line,
                                    "endColumn": p.end_column,
                                },
                            },
                        }],
                    }));
                }
            }
            Err(e) => out.notifications.push(json!({
                "level": "error",
                "descriptor": { "id": e.code() },
                "message": { "text": format!("{}: {}", checked.name, e.message()) },
                "locations": [{
                    "physicalLocation": { "artifactLocation": { "uri": uri(&checked.name) } },
                }],
            })),
        }
        out
    }

    /// Add the next letters' results.
    pub fn extend(&mut self, other: Results) {
        self.results.extend(other.results);
        self.notifications.extend(other.notifications);
        for (rule, severity) in other.rules_named {
            self.rules_named.entry(rule).or_insert(severity);
        }
    }
}

/// Write one SARIF log with one run, for the letters of `run`.
pub fn write_run(run: &Run<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut results = Results::default();
    for checked in run.checked {
        results.extend(Results::of(checked));
    }
    write(run.rules, results, out)
}

/// Write one SARIF log with one run.
pub fn write(
    rules_in_force: &[RuleInfo],
    gathered: Results,
    out: &mut dyn Write,
) -> io::Result<()> {
    // The driver lists every rule in force, plus any rule a finding names that the list lacks,
    // so that every result's ruleId resolves.
    let mut rules: BTreeMap<&str, Value> = rules_in_force
        .iter()
        .map(|r| (r.id.as_str(), rule_descriptor(r)))
        .collect();
    for (rule, severity) in &gathered.rules_named {
        rules.entry(rule).or_insert_with(|| {
            json!({
                "id": rule,
                "name": rule,
                "shortDescription": { "text": rule },
                "fullDescription": { "text": rule },
                "help": { "text": "See `retainer-lint explain` for this rule." },
                "defaultConfiguration": { "level": level(*severity) },
            })
        });
    }
    let index: BTreeMap<&str, usize> = rules.keys().enumerate().map(|(i, k)| (*k, i)).collect();
    let mut results = gathered.results;
    for result in &mut results {
        let i = result["ruleId"]
            .as_str()
            .and_then(|id| index.get(id))
            .copied();
        if let Some(object) = result.as_object_mut() {
            object.insert("ruleIndex".to_string(), json!(i));
        }
    }
    let notifications = gathered.notifications;
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "retainer-lint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules.into_values().collect::<Vec<_>>(),
                },
            },
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    #[test]
    fn uris_are_relative_references() {
        assert_eq!(uri("letters/smith.docx"), "letters/smith.docx");
        assert_eq!(uri("a b/é.md"), "a%20b/%C3%A9.md");
        assert_eq!(uri("/abs/x.md"), "file:///abs/x.md");
    }

    #[test]
    fn sarif_has_the_required_shape() {
        let checked = fixtures::run();
        let rules = fixtures::rules();
        let mut out = Vec::new();
        write_run(
            &Run {
                checked: &checked,
                rules: &rules,
            },
            &mut out,
        )
        .unwrap();
        let log: Value = serde_json::from_slice(&out).unwrap();
        crate::report::sarif::tests::check_shape(&log);
        let run = &log["runs"][0];
        // plain.legalese is not among the rules in force but a finding names it.
        let ids: Vec<&str> = run["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["fees.basis", "plain.legalese", "response.vague"]);
        assert_eq!(run["results"].as_array().unwrap().len(), 4);
        assert_eq!(run["results"][3]["level"], "note");
        let region = &run["results"][2]["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], 4);
        assert_eq!(region["startColumn"], 7);
        assert_eq!(region["endColumn"], 22);
        let note = &run["invocations"][0]["toolExecutionNotifications"][0];
        assert_eq!(note["descriptor"]["id"], "input.legacy-doc");
        assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    }

    /// The parts of the SARIF 2.1.0 schema GitHub code scanning relies on.
    pub(crate) fn check_shape(log: &Value) {
        assert_eq!(log["version"], "2.1.0");
        assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
        for run in log["runs"].as_array().unwrap() {
            let driver = &run["tool"]["driver"];
            assert!(driver["name"].is_string());
            let rules = driver["rules"].as_array().unwrap();
            let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
            for r in rules {
                assert!(r["shortDescription"]["text"].is_string());
                assert!(r["fullDescription"]["text"].is_string());
                assert!(r["help"]["text"].is_string());
            }
            for res in run["results"].as_array().unwrap() {
                let id = res["ruleId"].as_str().unwrap();
                assert!(ids.contains(&id), "{id} not among the driver's rules");
                let i = res["ruleIndex"].as_u64().unwrap() as usize;
                assert_eq!(ids[i], id);
                assert!(
                    ["error", "warning", "note", "none"].contains(&res["level"].as_str().unwrap())
                );
                assert!(res["message"]["text"].is_string());
                let loc = &res["locations"][0]["physicalLocation"];
                assert!(loc["artifactLocation"]["uri"].is_string());
                let region = &loc["region"];
                for k in ["startLine", "startColumn", "endLine", "endColumn"] {
                    assert!(region[k].as_u64().unwrap() >= 1, "{k}");
                }
            }
        }
    }
}

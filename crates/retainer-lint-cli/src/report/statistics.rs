//! `--statistics`: a count per rule instead of each finding.

use std::collections::BTreeMap;
use std::io::{self, Write};

use retainer_lint::Severity;
use serde::Serialize;

use super::json::{JsonSummary, Tool};
use super::{Run, Summary};

/// One rule's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// The rule id.
    pub rule: String,
    /// The most severe severity it was reported at.
    pub severity: &'static str,
    /// How many findings.
    pub count: usize,
}

/// Counts per rule, most frequent first, then by id.
pub fn counts(run: &Run<'_>) -> Vec<RuleCount> {
    let mut by_rule: BTreeMap<&str, (Severity, usize)> = BTreeMap::new();
    for checked in run.checked {
        if let Ok(report) = &checked.outcome {
            for d in &report.diagnostics {
                let e = by_rule.entry(&d.rule).or_insert((d.severity, 0));
                e.0 = e.0.max(d.severity);
                e.1 += 1;
            }
        }
    }
    let mut counts: Vec<RuleCount> = by_rule
        .into_iter()
        .map(|(rule, (severity, count))| RuleCount {
            rule: rule.to_string(),
            severity: severity.as_str(),
            count,
        })
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)));
    counts
}

/// `    3  response.vague  warning` lines, then unreadable letters and the total.
pub fn text(run: &Run<'_>, out: &mut dyn Write) -> io::Result<()> {
    let counts = counts(run);
    let mut unreadable: BTreeMap<&str, usize> = BTreeMap::new();
    for checked in run.checked {
        if let Err(e) = &checked.outcome {
            *unreadable.entry(e.code()).or_default() += 1;
        }
    }
    let width = counts
        .iter()
        .map(|c| c.rule.len())
        .chain(unreadable.keys().map(|k| k.len()))
        .max()
        .unwrap_or(0);
    for c in &counts {
        writeln!(out, "{:>5}  {:<width$}  {}", c.count, c.rule, c.severity)?;
    }
    for (code, n) in unreadable {
        writeln!(out, "{n:>5}  {code:<width$}  unreadable")?;
    }
    let s = Summary::of(run.checked);
    writeln!(out, "{:>5}  findings in {} letters", s.findings(), s.files)
}

#[derive(Serialize)]
struct JsonStatistics {
    version: u32,
    tool: Tool,
    statistics: Vec<RuleCount>,
    summary: JsonSummary,
}

/// `{"version": 1, "tool": …, "statistics": [{"rule", "severity", "count"}], "summary": …}`.
pub fn json(run: &Run<'_>, out: &mut dyn Write) -> io::Result<()> {
    let doc = JsonStatistics {
        version: super::json::VERSION,
        tool: Tool::this(),
        statistics: counts(run),
        summary: Summary::of(run.checked).into(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    #[test]
    fn counts_sorted_by_frequency_then_id() {
        let checked = fixtures::run();
        let run = Run {
            checked: &checked,
            rules: &[],
        };
        let mut out = Vec::new();
        text(&run, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "    2  response.vague    warning\n    1  fees.basis        error\n    1  plain.legalese    info\n    1  input.legacy-doc  unreadable\n    4  findings in 3 letters\n"
        );
    }
}

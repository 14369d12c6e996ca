//! `--statistics`: a count per rule instead of each finding.

use std::collections::BTreeMap;
use std::io::{self, Write};

use retainer_lint::Severity;
use serde::Serialize;

use super::json::{JsonSummary, Tool};
use super::{Run, Summary};
use crate::check::Checked;

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

/// Findings per rule (with the most severe severity) and unreadable letters per error code.
#[derive(Debug, Default)]
pub struct Tally {
    by_rule: BTreeMap<String, (Severity, usize)>,
    unreadable: BTreeMap<&'static str, usize>,
}

impl Tally {
    /// One letter's counts.
    pub fn of(checked: &Checked) -> Self {
        let mut tally = Tally::default();
        match &checked.outcome {
            Ok(report) => {
                for d in &report.diagnostics {
                    tally.count(&d.rule, d.severity, 1);
                }
            }
            Err(e) => *tally.unreadable.entry(e.code()).or_default() += 1,
        }
        tally
    }

    fn count(&mut self, rule: &str, severity: Severity, n: usize) {
        let e = self
            .by_rule
            .entry(rule.to_string())
            .or_insert((severity, 0));
        e.0 = e.0.max(severity);
        e.1 += n;
    }

    /// Add the next letters' counts.
    pub fn extend(&mut self, other: Tally) {
        for (rule, (severity, n)) in other.by_rule {
            self.count(&rule, severity, n);
        }
        for (code, n) in other.unreadable {
            *self.unreadable.entry(code).or_default() += n;
        }
    }

    /// Counts per rule, most frequent first, then by id.
    pub fn counts(&self) -> Vec<RuleCount> {
        let mut counts: Vec<RuleCount> = self
            .by_rule
            .iter()
            .map(|(rule, (severity, count))| RuleCount {
                rule: rule.clone(),
                severity: severity.as_str(),
                count: *count,
            })
            .collect();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)));
        counts
    }

    /// The counts of a whole run.
    pub fn of_run(run: &Run<'_>) -> Self {
        let mut tally = Tally::default();
        for checked in run.checked {
            tally.extend(Tally::of(checked));
        }
        tally
    }
}

/// `    3  response.vague  warning` lines, then unreadable letters and the total.
pub fn text(tally: &Tally, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let counts = tally.counts();
    let width = counts
        .iter()
        .map(|c| c.rule.len())
        .chain(tally.unreadable.keys().map(|k| k.len()))
        .max()
        .unwrap_or(0);
    for c in &counts {
        writeln!(out, "{:>5}  {:<width$}  {}", c.count, c.rule, c.severity)?;
    }
    for (code, n) in &tally.unreadable {
        writeln!(out, "{n:>5}  {code:<width$}  unreadable")?;
    }
    writeln!(
        out,
        "{:>5}  findings in {} letters",
        summary.findings(),
        summary.files
    )
}

#[derive(Serialize)]
struct JsonStatistics {
    version: u32,
    tool: Tool,
    statistics: Vec<RuleCount>,
    summary: JsonSummary,
}

/// `{"version": 1, "tool": …, "statistics": [{"rule", "severity", "count"}], "summary": …}`.
pub fn json(tally: &Tally, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let doc = JsonStatistics {
        version: super::json::VERSION,
        tool: Tool::this(),
        statistics: tally.counts(),
        summary: (*summary).into(),
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
        text(&Tally::of_run(&run), &Summary::of(run.checked), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "    2  response.vague    warning\n    1  fees.basis        error\n    1  plain.legalese    info\n    1  input.legacy-doc  unreadable\n    4  findings in 3 letters\n"
        );
    }
}

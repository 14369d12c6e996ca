//! `--fix` and `--diff`: the safe fixes of Markdown and text letters (findings whose rule
//! declares its suggestion safe, see `Diagnostic::fix`), written in place atomically or shown
//! as a unified diff. Every other finding is left for a person.

use std::ops::Range;
use std::path::Path;

use retainer_lint::{Format, Report};

use crate::failure::Failure;
use crate::output;

const BOM: &str = "\u{feff}";

/// A replacement: the text-view bytes and what replaces them.
pub type Edit = (Range<usize>, String);

/// The replacements to make: sorted, none overlapping (the first of two overlapping wins).
pub fn edits(report: &Report) -> Vec<Edit> {
    if !matches!(report.document.format, Format::Markdown | Format::Text) {
        return Vec::new();
    }
    let mut edits: Vec<Edit> = report
        .diagnostics
        .iter()
        .filter_map(|d| Some((d.span.clone(), d.fix.clone()?)))
        .filter(|(span, _)| !span.is_empty())
        .collect();
    edits.sort_by_key(|(span, _)| (span.start, span.end));
    let mut kept: Vec<Edit> = Vec::with_capacity(edits.len());
    for e in edits {
        if kept.last().is_none_or(|(last, _)| last.end <= e.0.start) {
            kept.push(e);
        }
    }
    kept
}

/// `text` with the edits made.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (span, with) in edits {
        out.push_str(text.get(from..span.start).unwrap_or_default());
        out.push_str(with);
        from = span.end;
    }
    out.push_str(text.get(from..).unwrap_or_default());
    out
}

/// A unified diff (no context lines) of the edits, `a/name` against `b/name`.
pub fn diff(name: &str, text: &str, edits: &[Edit]) -> String {
    if edits.is_empty() {
        return String::new();
    }
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |at: usize| starts.partition_point(|&s| s <= at).saturating_sub(1);
    // Edits that share a line make one hunk of whole lines.
    let mut hunks: Vec<(usize, usize, Vec<&Edit>)> = Vec::new();
    for e in edits {
        let first = line_of(e.0.start);
        let last = line_of(e.0.end.saturating_sub(1).max(e.0.start));
        match hunks.last_mut() {
            Some((_, end, group)) if first <= *end => {
                *end = (*end).max(last);
                group.push(e);
            }
            _ => hunks.push((first, last, vec![e])),
        }
    }
    let mut out = format!("--- a/{name}\n+++ b/{name}\n");
    let mut shift: isize = 0;
    for (first, last, group) in hunks {
        let from = starts[first];
        let to = starts.get(last + 1).copied().unwrap_or(text.len());
        let old = &text[from..to];
        let local: Vec<Edit> = group
            .iter()
            .map(|(r, w)| (r.start - from..r.end - from, w.clone()))
            .collect();
        let new = apply(old, &local);
        let old_lines: Vec<&str> = old.lines().collect();
        let new_lines: Vec<&str> = new.lines().collect();
        let new_start = (first as isize + 1 + shift).max(1);
        out.push_str(&format!(
            "@@ -{},{} +{},{} @@\n",
            first + 1,
            old_lines.len(),
            new_start,
            new_lines.len()
        ));
        for l in &old_lines {
            out.push_str(&format!("-{l}\n"));
        }
        for l in &new_lines {
            out.push_str(&format!("+{l}\n"));
        }
        shift += new_lines.len() as isize - old_lines.len() as isize;
    }
    out
}

/// The file's current text, if it is still the letter the report was made from.
fn current(path: &Path, report: &Report) -> Result<(bool, String), Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::new("input.io", format!("{}: {e}", path.display())))?;
    let text = String::from_utf8(bytes).ok();
    let (bom, body) = match text {
        Some(t) => match t.strip_prefix(BOM) {
            Some(rest) => (true, rest.to_string()),
            None => (false, t),
        },
        None => (false, String::new()),
    };
    if body != *report.document.text {
        return Err(Failure::new(
            "fix.changed",
            format!(
                "{}: not fixed: the file changed since it was read, or is not UTF-8 text",
                path.display()
            ),
        ));
    }
    Ok((bom, body))
}

/// Apply the safe fixes to the file in place (atomically); the number applied.
pub fn fix_file(path: &Path, report: &Report) -> Result<usize, Failure> {
    let edits = edits(report);
    if edits.is_empty() {
        return Ok(0);
    }
    let (bom, text) = current(path, report)?;
    let mut fixed = apply(&text, &edits);
    if bom {
        fixed.insert_str(0, BOM);
    }
    output::write_atomic(path, fixed.as_bytes()).map_err(|e| {
        Failure::new(
            "output.io",
            format!("could not write {}: {e}", path.display()),
        )
    })?;
    Ok(edits.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_and_diff_whole_lines() {
        let text = "# Letter\n\nWe will reply promptly.\nPrior to that,\nsign here.\n";
        let a = text.find("promptly").unwrap();
        let b = text.find("Prior to").unwrap();
        let edits = vec![
            (a..a + 8, "within 2 business days".to_string()),
            (b..b + 8, "Before".to_string()),
        ];
        assert_eq!(
            apply(text, &edits),
            "# Letter\n\nWe will reply within 2 business days.\nBefore that,\nsign here.\n"
        );
        assert_eq!(
            diff("l.md", text, &edits),
            "--- a/l.md\n+++ b/l.md\n@@ -3,1 +3,1 @@\n-We will reply promptly.\n\
             +We will reply within 2 business days.\n@@ -4,1 +4,1 @@\n-Prior to that,\n+Before that,\n"
        );
    }

    #[test]
    fn a_fix_across_a_line_break_shifts_later_hunks() {
        let text = "as soon\nas possible\nx\nprior to\n";
        let a = 0..text.find("possible").unwrap() + 8;
        let b = text.find("prior").unwrap();
        let edits = vec![(a, "soon".to_string()), (b..b + 8, "before".to_string())];
        let d = diff("t.txt", text, &edits);
        assert!(
            d.contains("@@ -1,2 +1,1 @@\n-as soon\n-as possible\n+soon\n"),
            "{d}"
        );
        assert!(d.contains("@@ -4,1 +3,1 @@\n-prior to\n+before\n"), "{d}");
    }
}

//! `--format json`: the document described in the output specification (version 1).

use std::io::{self, Write};

use retainer_lint::{Diagnostic, Document};
use serde::Serialize;

use super::{excerpt, paragraph_of, section_of, Place, Run, Summary};
use crate::check::Checked;

/// The output format's version; bumped only if a field ever has to be renamed or removed.
pub const VERSION: u32 = 1;

/// `{"name": "retainer-lint", "version": "…"}`.
#[derive(Debug, Serialize)]
pub struct Tool {
    name: &'static str,
    version: &'static str,
}

impl Tool {
    /// This program.
    pub fn this() -> Self {
        Tool {
            name: "retainer-lint",
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    format: Option<&'static str>,
    error: Option<FileError<'a>>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct FileError<'a> {
    code: &'static str,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    span: Span,
    paragraph: Option<u32>,
    section: Option<&'a str>,
    excerpt: &'a str,
    suggestions: &'a [String],
}

#[derive(Serialize)]
struct Span {
    start: LineColumn,
    end: LineColumn,
    offset: usize,
    length: usize,
}

#[derive(Serialize)]
struct LineColumn {
    line: usize,
    column: usize,
}

/// The `summary` object.
#[derive(Debug, Serialize)]
pub struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    unreadable: usize,
}

impl From<Summary> for JsonSummary {
    fn from(s: Summary) -> Self {
        JsonSummary {
            files: s.files,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
            unreadable: s.unreadable,
        }
    }
}

fn diagnostic<'a>(document: &'a Document, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let place = Place::of(document, &d.span);
    JsonDiagnostic {
        rule: &d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        help: d.help.as_deref(),
        span: Span {
            start: LineColumn {
                line: place.line,
                column: place.column,
            },
            end: LineColumn {
                line: place.end_line,
                column: place.end_column,
            },
            offset: place.offset,
            length: place.length,
        },
        paragraph: paragraph_of(document, d, &place),
        section: section_of(document, d),
        excerpt: excerpt(document, &d.span),
        suggestions: &d.suggestions,
    }
}

/// Write the JSON document (pretty-printed, newline-terminated).
pub fn write(run: &Run<'_>, out: &mut dyn Write) -> io::Result<()> {
    begin(out)?;
    for (i, checked) in run.checked.iter().enumerate() {
        separate(i, out)?;
        letter(checked, out)?;
    }
    end(&Summary::of(run.checked), out)
}

/// The document up to the `files` array's first element. The document is written in pieces,
/// one per letter, exactly as `serde_json` pretty-prints the whole of it.
pub fn begin(out: &mut dyn Write) -> io::Result<()> {
    let tool = serde_json::to_string_pretty(&Tool::this())?;
    write!(
        out,
        "{{\n  \"version\": {VERSION},\n  \"tool\": {},\n  \"files\": [",
        indent_after_first(&tool, "  ")
    )
}

/// What goes before the element of the `files` array that follows `written` others.
pub fn separate(written: usize, out: &mut dyn Write) -> io::Result<()> {
    if written > 0 {
        out.write_all(b",")?;
    }
    out.write_all(b"\n")
}

/// One letter: an element of the `files` array (indented, without separator).
pub fn letter(checked: &Checked, out: &mut dyn Write) -> io::Result<()> {
    let text = serde_json::to_string_pretty(&file(checked))?;
    write!(out, "    {}", indent_after_first(&text, "    "))
}

fn file(checked: &Checked) -> File<'_> {
    match &checked.outcome {
        Ok(report) => File {
            path: &checked.name,
            format: checked.format.map(|f| f.as_str()),
            error: None,
            diagnostics: report
                .diagnostics
                .iter()
                .map(|d| diagnostic(&report.document, d))
                .collect(),
        },
        Err(e) => File {
            path: &checked.name,
            format: checked.format.map(|f| f.as_str()),
            error: Some(FileError {
                code: e.code(),
                message: e.message(),
            }),
            diagnostics: Vec::new(),
        },
    }
}

/// The rest of the document after the last letter.
pub fn end(summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    if summary.files > 0 {
        // After the last letter the array closes on a line of its own; with none, `[]`.
        out.write_all(b"\n  ")?;
    }
    let summary = serde_json::to_string_pretty(&JsonSummary::from(*summary))?;
    writeln!(
        out,
        "],\n  \"summary\": {}\n}}",
        indent_after_first(&summary, "  ")
    )
}

/// `text` with every line but the first indented by `prefix` (JSON strings hold no raw line
/// breaks, so every line break is the pretty-printer's).
fn indent_after_first(text: &str, prefix: &str) -> String {
    text.replace('\n', &format!("\n{prefix}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;
    use serde_json::Value;

    /// The whole document, as one value: what the pieces must add up to.
    #[derive(Serialize)]
    struct Whole<'a> {
        version: u32,
        tool: Tool,
        files: Vec<File<'a>>,
        summary: JsonSummary,
    }

    #[test]
    fn written_in_pieces_byte_for_byte_as_the_whole_document() {
        let mut one = fixtures::run();
        one.truncate(1);
        for checked in [fixtures::run(), Vec::new(), one] {
            let mut out = Vec::new();
            write(
                &Run {
                    checked: &checked,
                    rules: &[],
                },
                &mut out,
            )
            .unwrap();
            let whole = Whole {
                version: VERSION,
                tool: Tool::this(),
                files: checked.iter().map(file).collect(),
                summary: Summary::of(&checked).into(),
            };
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }

    #[test]
    fn follows_the_output_specification() {
        let text = fixtures::render(write);
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["tool"]["name"], "retainer-lint");
        assert_eq!(v["files"].as_array().unwrap().len(), 3);
        let md = &v["files"][0];
        assert_eq!(md["path"], "letters/smith.md");
        assert_eq!(md["format"], "markdown");
        assert_eq!(md["error"], Value::Null);
        let d = &md["diagnostics"][0];
        assert_eq!(d["rule"], "response.vague");
        assert_eq!(d["severity"], "warning");
        assert_eq!(
            d["span"]["start"],
            serde_json::json!({"line": 5, "column": 17})
        );
        assert_eq!(
            d["span"]["end"],
            serde_json::json!({"line": 5, "column": 25})
        );
        assert_eq!(d["span"]["length"], 8);
        assert_eq!(d["excerpt"], "promptly");
        assert_eq!(d["section"], "Communication");
        assert_eq!(d["paragraph"], Value::Null);
        assert_eq!(d["suggestions"][0], "within 2 business days");
        let docx = &v["files"][1];
        assert_eq!(docx["format"], "docx");
        let basis = &docx["diagnostics"][1];
        assert_eq!(basis["paragraph"], 4);
        assert_eq!(basis["span"]["start"]["line"], 4);
        assert_eq!(basis["excerpt"], "our usual rates");
        // A DOCX finding without an explicit paragraph gets its text-view line.
        assert_eq!(docx["diagnostics"][2]["paragraph"], 4);
        let old = &v["files"][2];
        assert_eq!(old["format"], Value::Null);
        assert_eq!(old["error"]["code"], "input.legacy-doc");
        assert_eq!(old["diagnostics"], serde_json::json!([]));
        assert_eq!(
            v["summary"],
            serde_json::json!({"files": 3, "errors": 1, "warnings": 2, "infos": 1, "unreadable": 1})
        );
        // Field order as in the specification, for people reading it.
        let pos = |k: &str| text.find(k).unwrap();
        assert!(pos("\"version\"") < pos("\"tool\""));
        assert!(pos("\"files\"") < pos("\"summary\""));
    }
}

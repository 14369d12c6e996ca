//! `--format github`: GitHub Actions workflow commands, shown as annotations on the diff.

use std::io::{self, Write};

use retainer_lint::Severity;

use super::{Place, Run};
use crate::check::Checked;

/// Every letter of a run.
pub fn write(run: &Run<'_>, out: &mut dyn Write) -> io::Result<()> {
    run.checked.iter().try_for_each(|c| letter(c, out))
}

/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` per finding.
pub fn letter(checked: &Checked, out: &mut dyn Write) -> io::Result<()> {
    match &checked.outcome {
        Ok(report) => {
            for d in &report.diagnostics {
                let p = Place::of(&report.document, &d.span);
                let command = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                let mut message = d.message.clone();
                if let Some(help) = &d.help {
                    message.push('\n');
                    message.push_str(help);
                }
                writeln!(
                    out,
                    "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                    property(&checked.name),
                    p.line,
                    p.column,
                    p.end_line,
                    p.end_column,
                    property(&format!("retainer-lint ({})", d.rule)),
                    data(&message)
                )?;
            }
        }
        Err(e) => writeln!(
            out,
            "::error file={},title={}::{}",
            property(&checked.name),
            property(&format!("retainer-lint ({})", e.code())),
            data(e.message())
        )?,
    }
    Ok(())
}

/// Escape a command's message (GitHub's `escapeData`).
pub fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a command property (GitHub's `escapeProperty`): also `:` and `,`.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    #[test]
    fn escaping_follows_the_toolkit() {
        assert_eq!(data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(property("a, b:c%\n"), "a%2C b%3Ac%25%0A");
    }

    #[test]
    fn one_command_per_finding() {
        let out = fixtures::render(write);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 5);
        assert_eq!(
            lines[0],
            "::warning file=letters/smith.md,line=5,col=17,endLine=5,endColumn=25,title=retainer-lint (response.vague)::\"promptly\" gives the client no time to hold you to%0AState a time, e.g. \"within 2 business days\""
        );
        assert!(lines[2].starts_with(
            "::error file=letters/smith%2C final%3Av2.docx,line=4,col=7,endLine=4,endColumn=22,"
        ));
        assert!(lines[3].starts_with("::notice "));
        assert!(lines[3].ends_with("::\"50%25 up front\", per terms: say when, and how much"));
        assert_eq!(
            lines[4],
            "::error file=letters/old.doc,title=retainer-lint (input.legacy-doc)::this is a legacy Word 97-2003 file or an encrypted document; save it as .docx"
        );
    }
}

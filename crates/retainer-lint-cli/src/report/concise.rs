//! `--format concise`: one grep-able line per finding.

use std::io::{self, Write};

use super::{Place, Run};
use crate::check::Checked;

/// Every letter of a run.
pub fn write(run: &Run<'_>, out: &mut dyn Write) -> io::Result<()> {
    run.checked.iter().try_for_each(|c| letter(c, out))
}

/// `path:line:col: severity[rule] message`, and `path: error[input.code] message` for a letter
/// that could not be read.
pub fn letter(checked: &Checked, out: &mut dyn Write) -> io::Result<()> {
    match &checked.outcome {
        Ok(report) => {
            for d in &report.diagnostics {
                let p = Place::of(&report.document, &d.span);
                writeln!(
                    out,
                    "{}:{}:{}: {}[{}] {}",
                    checked.name,
                    p.line,
                    p.column,
                    d.severity,
                    d.rule,
                    one_line(&d.message)
                )?;
            }
        }
        Err(e) => writeln!(
            out,
            "{}: error[{}] {}",
            checked.name,
            e.code(),
            one_line(e.message())
        )?,
    }
    Ok(())
}

/// Keep one finding on one line.
fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    #[test]
    fn one_line_per_finding_and_per_unreadable_letter() {
        let out = fixtures::render(write);
        assert_eq!(
            out,
            "letters/smith.md:5:17: warning[response.vague] \"promptly\" gives the client no time to hold you to\n\
             letters/smith, final:v2.docx:3:17: warning[response.vague] \"promptly\" gives the client no time to hold you to\n\
             letters/smith, final:v2.docx:4:7: error[fees.basis] \"our usual rates\" does not tell the client what the work will cost\n\
             letters/smith, final:v2.docx:4:24: info[plain.legalese] \"50% up front\", per terms: say when, and how much\n\
             letters/old.doc: error[input.legacy-doc] this is a legacy Word 97-2003 file or an encrypted document; save it as .docx\n"
        );
    }
}

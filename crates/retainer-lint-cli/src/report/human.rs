//! `--format human`: miette's graphical report per finding, with the letter's lines.

use std::io::{self, Write};

use miette::{GraphicalReportHandler, GraphicalTheme, ThemeCharacters, ThemeStyles};
use retainer_lint::{Format, Rendered};

use super::{section_of, Place, Run, Style, Summary};
use crate::check::Checked;

/// A graphical handler for `style`.
pub fn handler(style: Style) -> GraphicalReportHandler {
    let theme = GraphicalTheme {
        characters: if style.unicode {
            ThemeCharacters::unicode()
        } else {
            ThemeCharacters::ascii()
        },
        styles: if style.color {
            ThemeStyles::ansi()
        } else {
            ThemeStyles::none()
        },
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
}

/// Write every finding and unreadable letter, then a one-line summary.
pub fn write(run: &Run<'_>, style: Style, out: &mut dyn Write) -> io::Result<()> {
    for checked in run.checked {
        letter(checked, style, out)?;
    }
    writeln!(out, "{}", summary_line(&Summary::of(run.checked)))
}

/// One letter's findings, or why it could not be read.
pub fn letter(checked: &Checked, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let text_handler = handler(style);
    // The DOCX header already names the paragraph, so no `:line:col` after it.
    let docx_handler = handler(style).without_primary_span_start();
    match &checked.outcome {
        Ok(report) => {
            let doc = &report.document;
            for d in &report.diagnostics {
                let (title, handler) = if doc.format == Format::Docx {
                    let place = Place::of(doc, &d.span);
                    let paragraph = d.paragraph.map_or(place.line, |p| p as usize);
                    let mut title = format!("{}, paragraph {paragraph}", checked.name);
                    if let Some(section) = section_of(doc, d) {
                        title.push_str(&format!(", section {section}"));
                    }
                    (title, &docx_handler)
                } else {
                    (checked.name.clone(), &text_handler)
                };
                let rendered = Rendered::new(d.clone(), &title, doc.text.clone());
                render(handler, &rendered, out)?;
            }
            Ok(())
        }
        Err(e) => {
            let e = e.clone().with_file(&checked.name);
            render(&text_handler, &e, out)
        }
    }
}

fn render(
    handler: &GraphicalReportHandler,
    diagnostic: &dyn miette::Diagnostic,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut s = String::new();
    handler
        .render_report(&mut s, diagnostic)
        .map_err(|_| io::Error::other("could not format a report"))?;
    writeln!(out, "{s}")
}

/// "Found 3 problems in 2 of 4 letters (1 error, 2 warnings, 0 info); 1 letter could not be read."
pub fn summary_line(s: &Summary) -> String {
    let letters = |n: usize| if n == 1 { "letter" } else { "letters" };
    let mut line = if s.findings() == 0 {
        let readable = s.files - s.unreadable;
        format!("No problems found in {readable} {}", letters(readable))
    } else {
        format!(
            "Found {} {} in {} of {} {} ({} {}, {} {}, {} info)",
            s.findings(),
            if s.findings() == 1 {
                "problem"
            } else {
                "problems"
            },
            s.with_findings,
            s.files,
            letters(s.files),
            s.errors,
            if s.errors == 1 { "error" } else { "errors" },
            s.warnings,
            if s.warnings == 1 {
                "warning"
            } else {
                "warnings"
            },
            s.infos,
        )
    };
    if s.unreadable > 0 {
        line.push_str(&format!(
            "; {} {} could not be read",
            s.unreadable,
            letters(s.unreadable)
        ));
    }
    line.push('.');
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    fn human(run: &Run<'_>) -> String {
        let mut out = Vec::new();
        write(run, Style::plain(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn markdown_findings_show_the_line_underlined() {
        let checked = fixtures::run();
        let rules = fixtures::rules();
        let out = human(&Run {
            checked: &checked,
            rules: &rules,
        });
        insta::assert_snapshot!(out);
        // ASCII art and no escape codes when not a terminal.
        assert!(!out.contains('\u{1b}'));
        assert!(!out.contains('│'));
    }

    #[test]
    fn colour_and_unicode_when_asked() {
        let checked = fixtures::run();
        let rules = fixtures::rules();
        let mut out = Vec::new();
        let style = Style {
            color: true,
            unicode: true,
            width: 80,
        };
        write(
            &Run {
                checked: &checked,
                rules: &rules,
            },
            style,
            &mut out,
        )
        .unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains('\u{1b}'));
        assert!(out.contains('│'));
    }

    #[test]
    fn summary_lines_count_and_agree() {
        let s = Summary {
            files: 3,
            errors: 1,
            warnings: 2,
            infos: 0,
            unreadable: 1,
            with_findings: 1,
        };
        assert_eq!(
            summary_line(&s),
            "Found 3 problems in 1 of 3 letters (1 error, 2 warnings, 0 info); 1 letter could not be read."
        );
        let clean = Summary {
            files: 1,
            ..Summary::default()
        };
        assert_eq!(summary_line(&clean), "No problems found in 1 letter.");
    }
}

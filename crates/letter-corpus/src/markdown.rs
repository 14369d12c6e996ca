//! A [`Letter`] as CommonMark (with GFM tables), the way a lawyer keeping templates in a
//! repository would write it.

use std::fmt::Write as _;

use crate::model::{Block, Letter};

const WRAP: usize = 88;

/// The letter as Markdown text.
pub fn to_markdown(letter: &Letter) -> String {
    let mut out = String::with_capacity(8 * 1024);
    // The letterhead: one paragraph, hard line breaks with a trailing backslash.
    out.push_str(&letter.letterhead.join("\\\n"));
    out.push_str("\n\n");
    for block in &letter.blocks {
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "# {t}\n");
            }
            Block::Heading(t) => {
                let _ = writeln!(out, "## {t}\n");
            }
            Block::Subheading(t) => {
                let _ = writeln!(out, "### {t}\n");
            }
            Block::Paragraph(t) => {
                push_wrapped(&mut out, t, "", "", letter.wrap_markdown);
                out.push('\n');
            }
            Block::Lines(lines) => {
                // Hard line breaks with two trailing spaces.
                out.push_str(&lines.join("  \n"));
                out.push_str("\n\n");
            }
            Block::Bullets(items) => {
                let marker = format!("{} ", letter.bullet);
                for item in items {
                    push_wrapped(&mut out, item, &marker, "  ", letter.wrap_markdown);
                }
                out.push('\n');
            }
            Block::Numbered(items) => {
                for (n, item) in items.iter().enumerate() {
                    let marker = format!("{}. ", n + 1);
                    let indent = " ".repeat(marker.len());
                    push_wrapped(&mut out, item, &marker, &indent, letter.wrap_markdown);
                }
                out.push('\n');
            }
            Block::Table { header, rows } => {
                let _ = writeln!(out, "| {} |", header.join(" | "));
                let rule: Vec<&str> = header.iter().map(|_| "---").collect();
                let _ = writeln!(out, "| {} |", rule.join(" | "));
                for row in rows {
                    let _ = writeln!(out, "| {} |", row.join(" | "));
                }
                out.push('\n');
            }
        }
    }
    out.push_str("---\n\n");
    out.push_str(&letter.footer.join("\\\n"));
    out.push('\n');
    out
}

/// Write `text` as one line, or hard-wrapped at [`WRAP`] columns, after `first` (a list
/// marker) with continuation lines indented by `rest`.
fn push_wrapped(out: &mut String, text: &str, first: &str, rest: &str, wrap: bool) {
    out.push_str(first);
    if !wrap {
        out.push_str(text);
        out.push('\n');
        return;
    }
    let mut column = first.len();
    let mut line_start = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let fits = column + 1 + word.len() <= WRAP;
        if !line_start && !fits && can_start_line(word) {
            out.push('\n');
            out.push_str(rest);
            column = rest.len();
            line_start = true;
        }
        if !line_start {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += word.len();
        line_start = false;
    }
    out.push('\n');
}

/// A wrapped line must not begin with something Markdown reads as a new block (a list
/// marker, a heading, a quote, a table row).
fn can_start_line(word: &str) -> bool {
    let starts_block = matches!(
        word.as_bytes().first(),
        Some(b'-' | b'*' | b'+' | b'#' | b'>' | b'|' | b'=')
    );
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let ordered_marker = digits > 0 && matches!(word.as_bytes().get(digits), Some(b'.' | b')'));
    !starts_block && !ordered_marker
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_never_starts_a_line_with_a_list_marker() {
        let mut out = String::new();
        let text = format!("{} 1. - * # > 12) end", "word ".repeat(20));
        push_wrapped(&mut out, &text, "", "", true);
        for line in out.lines().skip(1) {
            assert!(
                can_start_line(line.split(' ').next().unwrap_or("")),
                "{line:?}"
            );
        }
        assert!(out.lines().count() > 1, "{out}");
    }
}

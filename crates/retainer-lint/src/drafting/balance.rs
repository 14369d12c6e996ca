//! `drafting.brackets`: unbalanced brackets and double quotation marks within a paragraph.
//!
//! Brackets and double quotes are tracked on two separate stacks, so a quote that crosses a
//! bracket (`(the "Client)"`) is not a balance error. Single quotes are never checked: the
//! same marks serve as apostrophes ("Client's", "Client’s").

use super::{excerpt, prose, slice, Finding};
use crate::document::Document;

/// One opening mark waiting for its closer.
#[derive(Debug, Clone, Copy)]
struct Open {
    mark: char,
    at: usize,
}

/// `drafting.brackets`: every `(`, `[`, `{` and `“` must close within its paragraph, every
/// closer must have an opener, and straight double quotes must pair.
pub fn balance(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for (index, block) in prose(doc) {
        check_block(index, &block.text, &mut out);
    }
    out
}

fn closer_of(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        _ => '”',
    }
}

fn check_block(index: usize, text: &str, out: &mut Vec<Finding>) {
    let mut brackets: Vec<Open> = Vec::new();
    // How many of each opener ( [ { are on the stack.
    let mut open_count = [0usize; 3];
    let mut quotes: Vec<Open> = Vec::new();
    let label_end = list_label_end(text);
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        // ":-)" reads like ":)": look through the nose.
        let before = if prev == Some('-') && matches!(prev2, Some(':' | ';')) {
            prev2
        } else {
            prev
        };
        prev2 = prev;
        prev = Some(c);
        match c {
            '(' | '[' | '{' => {
                if c == '(' && is_emoticon(before, next) {
                    continue;
                }
                brackets.push(Open { mark: c, at });
                if let Some(n) = open_count.get_mut(slot(c)) {
                    *n += 1;
                }
            }
            ')' | ']' | '}' => {
                let no_opener = open_count.first() == Some(&0);
                if c == ')'
                    && (Some(at + 1) == label_end || (no_opener && is_emoticon(before, next)))
                {
                    continue;
                }
                let opener = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                // The count spares a scan of the whole stack for a closer that matches nothing.
                let position = if open_count.get(slot(opener)) == Some(&0) {
                    None
                } else {
                    brackets.iter().rposition(|o| o.mark == opener)
                };
                match position {
                    Some(pos) => {
                        let mut drained = brackets.drain(pos..);
                        if let Some(matched) = drained.next() {
                            close_one(&mut open_count, matched.mark);
                        }
                        // Openers above the match were never closed.
                        for open in drained {
                            close_one(&mut open_count, open.mark);
                            out.push(unclosed(index, text, open));
                        }
                    }
                    None if c == ')' && is_inline_label(text, at) => {}
                    None => out.push(stray(index, text, c, at, opener)),
                }
            }
            '“' => quotes.push(Open { mark: c, at }),
            '”' => {
                if before.is_some_and(|b| b.is_ascii_digit()) && quotes.is_empty() {
                    continue; // an inch or seconds mark
                }
                if quotes.pop().is_none() {
                    out.push(stray(index, text, c, at, '“'));
                }
            }
            '"' => match quotes.last() {
                Some(_) => {
                    quotes.pop();
                }
                None if before.is_some_and(|b| b.is_ascii_digit()) => {} // inches
                None => quotes.push(Open { mark: c, at }),
            },
            _ => {}
        }
    }
    for open in brackets.into_iter().chain(quotes) {
        out.push(unclosed(index, text, open));
    }
    out.sort_by_key(|f| f.range.start);
}

/// The index of a bracket kind in the open counts.
fn slot(mark: char) -> usize {
    match mark {
        '(' => 0,
        '[' => 1,
        _ => 2,
    }
}

fn close_one(open_count: &mut [usize; 3], mark: char) {
    if let Some(n) = open_count.get_mut(slot(mark)) {
        *n = n.saturating_sub(1);
    }
}

/// A finding for an opener that never closes, quoting the words it opens.
fn unclosed(index: usize, text: &str, open: Open) -> Finding {
    let len = open.mark.len_utf8();
    let following = excerpt(slice(text, open.at..text.len()), 40);
    let message = if open.mark == '"' {
        format!("a straight quotation mark (\") has no partner in this paragraph: {following}")
    } else {
        format!(
            "\"{}\" is never closed in this paragraph: {following}; add the closing \"{}\"",
            open.mark,
            closer_of(open.mark)
        )
    };
    Finding::new(index, open.at..open.at + len, message)
}

/// A finding for a closer with no opener, quoting the words before it.
fn stray(index: usize, text: &str, mark: char, at: usize, opener: char) -> Finding {
    let start = text
        .get(..at)
        .and_then(|s| s.char_indices().rev().nth(39).map(|(i, _)| i))
        .unwrap_or(0);
    let preceding = slice(text, start..at).trim();
    Finding::new(
        index,
        at..at + mark.len_utf8(),
        format!("\"{mark}\" closes nothing: no \"{opener}\" opens it in this paragraph (…{preceding}{mark})"),
    )
}

/// `:)`, `;)`, `:-(`: marks that belong to an emoticon, not to a bracket pair.
fn is_emoticon(before: Option<char>, after: Option<char>) -> bool {
    matches!(before, Some(':' | ';')) && after.is_none_or(|c| c.is_whitespace())
}

/// The byte offset just after a list label like `a)`, `1)`, `iv)` that opens the paragraph.
fn list_label_end(text: &str) -> Option<usize> {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let close = trimmed.find(')')?;
    let label = trimmed.get(..close)?;
    let ok = (1..=4).contains(&label.len())
        && (label.chars().all(|c| c.is_ascii_digit())
            || (label.len() == 1 && label.chars().all(|c| c.is_ascii_alphabetic()))
            || label
                .chars()
                .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X')));
    ok.then_some(lead + close + 1)
}

/// A `)` closing an inline enumeration label ("…the following: a) fees; b) costs"): a single
/// letter, a roman numeral or a short number, after a space or the start.
fn is_inline_label(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let label_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric())
        .last()
        .map_or(at, |(i, _)| i);
    let label = slice(text, label_start..at);
    let lead_ok = text
        .get(..label_start)
        .and_then(|s| s.chars().next_back())
        .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    let shape_ok = (label.len() == 1 && label.chars().all(|c| c.is_ascii_alphanumeric()))
        || (label.len() <= 2 && label.chars().all(|c| c.is_ascii_digit()))
        || (!label.is_empty()
            && label.len() <= 4
            && label.chars().all(|c| matches!(c, 'i' | 'v' | 'x')));
    lead_ok && shape_ok
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    /// Each paragraph alone; `expected` lists the marks flagged, as `mark@byte`.
    fn check(text: &str, expected: &[&str]) {
        let doc = paragraphs(&[text]);
        let found = balance(&doc);
        assert_well_formed(&doc, &found);
        let got: Vec<String> = found
            .iter()
            .map(|f| format!("{}@{}", &text[f.range.clone()], f.range.start))
            .collect();
        assert_eq!(got, expected, "in {text:?}: {found:#?}");
    }

    #[test]
    fn unbalanced_marks_are_flagged() {
        check(
            "Our account (payable within 30 days will follow.",
            &["(@12"],
        );
        check(
            "Fees are payable within 30 days) of the invoice.",
            &[")@31"],
        );
        check("See the schedule [Schedule A.", &["[@17"]);
        check("The “Matter means the dispute.", &["“@4"]);
        check("The Matter” means the dispute.", &["”@10"]);
        check("The \"Matter means the dispute.", &["\"@4"]);
        check("(see [clause 4) for details.", &["[@5"]);
        check("Costs {estimated) apply.", &["{@6", ")@16"]);
        check("We act (for you (and your company).", &["(@7"]);
        check("“One” and “two and three.", &["“@14"]);
    }

    #[test]
    fn balanced_and_apostrophes_are_not_flagged() {
        check("Acme Corp. (the “Client”) retains us.", &[]);
        check("Acme Corp. (the \"Client\") retains us.", &[]);
        check(
            "The Client's file and the Firm’s fees; the clients' accounts.",
            &[],
        );
        check(
            "We will ‘use our best efforts’ and the ‘Matter’ is defined.",
            &[],
        );
        check("a) the retainer; b) the fees", &[]);
        check("1) Sign the letter and return it.", &[]);
        check("iv) the court filing fees", &[]);
        check(
            "You will provide: a) documents; b) instructions; and c) payment.",
            &[],
        );
        check("Our fees (plus HST [13%]) are {fixed}.", &[]);
        check("He said “the retainer (deposit) is fine” to us.", &[]);
        check("Mixed “quotes\" are tolerated.", &[]);
        check("Thanks for your patience :) we'll be in touch.", &[]);
        check("(see the list that follows:)", &[]);
        check(
            "If you have any questions (about fees or timing), call me :-) or email.",
            &[],
        );
        check(
            "Rates: Partner – $450/hr; Law Clerk – $150/hr [all plus HST].",
            &[],
        );
        check(
            "Our \"no surprises\" policy; Tuesday (1 December 2026) and s 174(1)(b).",
            &[],
        );
        check("The 12” binder and the 30\" screen.", &[]);
        check("", &[]);
        check("Nothing to balance here at all.", &[]);
        check("(a) the first item (b) the second item", &[]);
    }

    #[test]
    fn comments_are_skipped() {
        let doc = letter(&[(C, "retainer-lint-disable (oops"), (P, "fine (ok)")]);
        assert!(balance(&doc).is_empty());
    }
}

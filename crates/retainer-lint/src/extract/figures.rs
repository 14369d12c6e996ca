//! Amounts written in words and in figures side by side: "two thousand dollars ($2,000)",
//! "$2,000 (two thousand dollars)", "thirty (30) days", "10% (ten percent)".

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::money::find_money;
use super::number::find_numbers;
use super::percent::find_percents;
use super::regex;

/// An amount written both in words and in figures, one of them in brackets right after the
/// other. The values are reported as written; whether they agree is the caller's question.
#[derive(Debug, Clone, PartialEq)]
pub struct WordsAndFigures {
    /// The words, with their currency or percent word when it is part of them
    /// ("two thousand dollars", "ten percent", "thirty").
    pub words: Range<usize>,
    pub words_value: f64,
    /// The figure, with its currency marker or percent sign ("$2,000", "10%", "30").
    pub figure: Range<usize>,
    pub figure_value: f64,
}

/// Brackets with a short content (a figure or a few words).
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| regex(r"\(([^()\n]{1,80})\)"));

/// A quantity: its span, its value, and whether it is in words.
#[derive(Debug, Clone)]
struct Quantity {
    span: Range<usize>,
    value: f64,
    in_words: bool,
}

/// Every quantity in `text` (money, percentages, plain numbers), keyed by where it ends; at a
/// shared end the longest span wins ("$2,000" over "2,000").
fn quantities_by_end(text: &str) -> HashMap<usize, Quantity> {
    let mut map: HashMap<usize, Quantity> = HashMap::new();
    let numbers = find_numbers(text);
    let words_at: HashMap<usize, bool> =
        numbers.iter().map(|n| (n.span.start, n.in_words)).collect();
    let mut offer = |q: Quantity| {
        let longer = map
            .get(&q.span.end)
            .is_none_or(|old| q.span.start < old.span.start);
        if longer {
            map.insert(q.span.end, q);
        }
    };
    for n in &numbers {
        if !n.pronoun {
            offer(Quantity {
                span: n.span.clone(),
                value: n.value,
                in_words: n.in_words,
            });
        }
    }
    // Money and percent spans start at a marker or at their number: in words when the number is.
    let in_words = |span: &Range<usize>| {
        let first_digit_or_letter = text
            .get(span.clone())
            .and_then(|s| s.find(|c: char| c.is_ascii_alphanumeric()))
            .map_or(span.start, |i| span.start + i);
        words_at
            .get(&first_digit_or_letter)
            .copied()
            .unwrap_or(false)
    };
    for m in find_money(text) {
        let w = in_words(&m.span);
        offer(Quantity {
            span: m.span,
            value: m.amount,
            in_words: w,
        });
    }
    for p in find_percents(text) {
        let w = in_words(&p.span);
        offer(Quantity {
            span: p.span,
            value: p.value,
            in_words: w,
        });
    }
    map
}

/// Finds amounts written in words and in figures, sorted by position.
pub fn find_words_and_figures(text: &str) -> Vec<WordsAndFigures> {
    let mut out = Vec::new();
    // Built on the first bracket only: most paragraphs have none.
    let mut quantities: Option<HashMap<usize, Quantity>> = None;
    for c in BRACKETED.captures_iter(text) {
        let (Some(open), Some(inner)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let s = inner.as_str();
        let inner_start = inner.start() + (s.len() - s.trim_start().len());
        let inner_end = inner.start() + s.trim_end().len();
        let quantities = quantities.get_or_insert_with(|| quantities_by_end(text));
        // The bracket must hold one quantity and nothing else.
        let Some(inside) = quantities
            .get(&inner_end)
            .filter(|q| q.span.start == inner_start)
        else {
            continue;
        };
        let head_end = text.get(..open.start()).unwrap_or("").trim_end().len();
        let Some(outside) = quantities.get(&head_end) else {
            continue;
        };
        let pair = match (outside.in_words, inside.in_words) {
            (true, false) => WordsAndFigures {
                words: outside.span.clone(),
                words_value: outside.value,
                figure: inside.span.clone(),
                figure_value: inside.value,
            },
            (false, true) => WordsAndFigures {
                words: inside.span.clone(),
                words_value: inside.value,
                figure: outside.span.clone(),
                figure_value: outside.value,
            },
            _ => continue,
        };
        // "one-third (33 1/3%)": a fraction in words beside a percentage is the same share.
        let mut pair = pair;
        let figure_is_percent = text
            .get(pair.figure.clone())
            .is_some_and(|f| f.trim_end().ends_with('%'));
        let fraction = pair.words_value > 0.0 && pair.words_value < 1.0;
        if figure_is_percent && fraction {
            pair.words_value *= 100.0;
        } else if fraction {
            // "half of the flat fee ($3,250)": the figure is the share's amount, not the share.
            continue;
        }
        out.push(pair);
    }
    out
}

#[cfg(test)]
mod literal_tests {
    use super::*;

    /// Every pattern literal of this module compiles (the `expect` in `extract::regex` is
    /// never reached).
    #[test]
    fn static_regexes_compile() {
        LazyLock::force(&BRACKETED);
    }
}

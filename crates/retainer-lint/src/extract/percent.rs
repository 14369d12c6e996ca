//! Percentages: "33%", "33 1/3%", "33⅓%", "thirty percent", "25 per cent", and fraction words
//! used as shares ("one-third", "two-thirds of", "a third of", "half of").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::number::find_numbers;
use super::{after, before, next_visible, regex, remove_overlaps};

/// The period a rate is stated per ("1.5% per month", "12% per annum").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RatePeriod {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// A percentage.
#[derive(Debug, Clone, PartialEq)]
pub struct Percent {
    /// The number with its sign or word ("33⅓%", "twenty-five per cent", "one-third").
    pub span: Range<usize>,
    /// In percent: "33%" = 33.0, "one-third" = 33.333….
    pub value: f64,
    /// The period of a rate, when the text states one right after the percentage ("per month",
    /// "per annum", "a year", "monthly") or right before it ("an annual rate of 12%").
    pub period: Option<RatePeriod>,
}

static SIGN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:\s?%|\s*(?:per\s*cent(?:um)?|percent|pct)\b)"));

static OF_AFTER: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s+of\b"));

static PERIOD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^[\s,(]*(?:(?:per|a|an|each|every|/)\s*(?P<u>day|week|month|mo|quarter|year|yr|annum)\b|(?P<adv>daily|weekly|monthly|quarterly|annually|yearly|annual|p\.\s?a\.|per\s+annum))",
    )
});

static PERIOD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?P<adv>annual|annualized|annualised|yearly|monthly|daily|weekly|quarterly)\s+(?:(?:interest|percentage)\s+)?(?:rate\s+)?(?:of\s+|at\s+|is\s+|equal\s+to\s+)?$",
    )
});

fn period_of(word: &str) -> Option<RatePeriod> {
    let w = word.to_ascii_lowercase();
    Some(match w.get(..2)? {
        "da" => RatePeriod::Day,
        "we" => RatePeriod::Week,
        "mo" => RatePeriod::Month,
        "qu" => RatePeriod::Quarter,
        "ye" | "yr" | "an" | "pe" | "p." => RatePeriod::Year,
        _ => return None,
    })
}

fn period_around(text: &str, span: &Range<usize>) -> Option<RatePeriod> {
    if let Some(c) = PERIOD_AFTER.captures(after(text, span.end)) {
        let word = c.name("u").or_else(|| c.name("adv"))?;
        return period_of(word.as_str());
    }
    let c = PERIOD_BEFORE.captures(before(text, span.start, 48))?;
    period_of(c.name("adv")?.as_str())
}

/// Finds percentages, sorted by start.
///
/// A fraction word is a percentage when it has an explicit numerator ("one-third",
/// "two thirds") or is followed by "of" ("a third of the recovery", "half of"): "half an hour"
/// and "a third party" are not percentages.
pub fn find_percents(text: &str) -> Vec<Percent> {
    let mut out = Vec::new();
    for n in find_numbers(text) {
        if n.pronoun {
            continue;
        }
        let rest = after(text, n.span.end);
        let sign_possible = next_visible(rest).is_some_and(|c| c == '%' || c == 'p' || c == 'P');
        let (span, value) = if let Some(m) = sign_possible.then(|| SIGN.find(rest)).flatten() {
            (n.span.start..n.span.end + m.end(), n.value)
        } else if n.fraction_word {
            let words = text.get(n.span.clone()).unwrap_or("").to_ascii_lowercase();
            let first = words.split_whitespace().next().unwrap_or("");
            let implicit = matches!(first, "a" | "an" | "half");
            if implicit && !OF_AFTER.is_match(rest) {
                continue;
            }
            (n.span.clone(), n.value * 100.0)
        } else {
            continue;
        };
        let period = period_around(text, &span);
        out.push(Percent {
            span,
            value,
            period,
        });
    }
    remove_overlaps(out, |p| p.span.clone())
}

#[cfg(test)]
mod literal_tests {
    use super::*;

    /// Every pattern literal of this module compiles (the `expect` in `extract::regex` is
    /// never reached).
    #[test]
    fn static_regexes_compile() {
        LazyLock::force(&OF_AFTER);
        LazyLock::force(&PERIOD_AFTER);
        LazyLock::force(&PERIOD_BEFORE);
        LazyLock::force(&SIGN);
    }
}

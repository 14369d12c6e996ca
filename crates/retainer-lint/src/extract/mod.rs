//! Extractors: pure functions that find quantities and contact details in the plain English text
//! of a letter (numbers, money, percentages, durations, words-and-figures pairs, email addresses
//! and phone numbers).
//!
//! Every function here:
//! - returns spans as byte ranges into its input `&str`, always on char boundaries;
//! - is total (never panics, whatever the input, including non-ASCII text);
//! - runs in time linear in the input (regexes are compiled once, in `LazyLock`s, and every
//!   look-behind inspects a bounded window);
//! - is case-insensitive;
//! - returns matches sorted by start, never overlapping each other.
//!
//! Decisions worth knowing (the rule engine relies on them):
//! - [`find_numbers`] returns "one" even in its pronoun senses ("no one", "one of our lawyers",
//!   "one another", "the one") but marks it [`NumberMatch::pronoun`]; [`find_durations`],
//!   [`find_money`] and [`find_percents`] never use a pronoun "one". The article "a"/"an" is a
//!   number only before "hundred", "thousand", "million", "dozen" or a fraction ("a third").
//! - Ordinals are not numbers ("third party", "twenty-first").
//! - Plain-space digit grouping ("1 200") is accepted by [`parse_number`] but not by
//!   [`find_numbers`] (in running text it collides with phone numbers and lists); no-break and
//!   thin spaces are accepted by both.
//! - "By the end of the day", "end of the business day", "same day", "EOD", "close of business"
//!   are durations of 1 business day: the answer comes no later than the end of the current
//!   business day, so one business day is its upper bound. "At the end of the day" (the idiom)
//!   is not a duration: the phrase needs "by", "before", "until", "no later than" or "within".
//! - A money amount written with a range connector after a marked amount ("$8,000 to 10,000")
//!   inherits the currency: `currency` is `Some` while `marker` is `None`. A bare amount
//!   (`currency: None`) is reported only where the same line says it is money: an hourly rate
//!   ("350 per hour", "250/h") or a money noun right before it ("a retainer of 3,000").
//! - Durations count only a number directly followed by a unit, so they never come from "one of",
//!   "no one", years, rule or section numbers. Frequencies ("24 hours a day", "$350 an hour",
//!   "twice a month") are excluded. There is no unit for years (not a response time).
//! - Phones: a well-formed number is reported when labelled ("tel", "phone", "call", "reach ...
//!   at", "fax", "T:"), written with "+" or a bracketed area code, or grouped with 10+ digits.
//!   A malformed one is reported only with such a label, or when it is one digit off the
//!   NANP 3-3-4 shape with hyphens or dots ("306-555-014"). Reference labels ("File No.",
//!   "Rule", "s.", "Part", "Code") and date / year-range shapes are never phones.
//! - Emails: something is reported only when it has a local part and a domain that starts with
//!   a letter or digit; "p singh@example.com" is seen as "singh@example.com" (valid).

mod contact;
mod duration;
mod figures;
mod money;
mod number;
mod percent;

#[cfg(test)]
mod tests;

pub use contact::{find_emails, find_phones, Email, Phone};
pub use duration::{find_durations, Duration, TimeUnit};
pub use figures::{find_words_and_figures, WordsAndFigures};
pub use money::{find_money, Currency, Money};
pub use number::{find_numbers, parse_number, NumberMatch};
pub use percent::{find_percents, Percent, RatePeriod};

/// The largest char boundary at or before `i` (clamped to the text).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// At most `max` bytes of text ending at `end`, cut at a char boundary: a bounded look-behind.
fn before(text: &str, end: usize, max: usize) -> &str {
    let end = floor_boundary(text, end);
    let start = floor_boundary(text, end.saturating_sub(max));
    text.get(start..end).unwrap_or("")
}

/// The text from `start` to the end (empty when `start` is not a char boundary).
fn after(text: &str, start: usize) -> &str {
    text.get(start..).unwrap_or("")
}

/// The first char after any whitespace at the start of `s`: a cheap test run before a regex.
fn next_visible(s: &str) -> Option<char> {
    s.trim_start().chars().next()
}

/// The char just before byte `i`, if any.
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// The char starting at byte `i`, if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Case-insensitive compiled regex. Patterns are literals of this module (never input-derived)
/// and every one is compiled by the unit tests, so `expect` cannot fire on user data.
///
/// `\b` is made an ASCII word boundary: Unicode word boundaries push the regex engine off its
/// fast DFA on non-ASCII text, and the extractors check letters around their matches anyway.
///
/// "Blank but not a line break", `[^\S\n]`, is written without case folding: folding the
/// negated class walks nearly all of Unicode, which made compiling one extractor take longer
/// than checking a letter.
fn regex(pattern: &str) -> regex::Regex {
    let pattern = pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"[^\S\n]", r"(?-i:[^\S\n])");
    regex::RegexBuilder::new(&pattern)
        .case_insensitive(true)
        .build()
        .expect("extractor regex literal compiles")
}

/// Drops matches that overlap an earlier-starting (or, at the same start, longer) match.
fn remove_overlaps<T>(mut items: Vec<T>, span: impl Fn(&T) -> std::ops::Range<usize>) -> Vec<T> {
    items.sort_by(|a, b| {
        let (a, b) = (span(a), span(b));
        a.start.cmp(&b.start).then(b.end.cmp(&a.end))
    });
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        let s = span(&item);
        if out.last().is_none_or(|last| span(last).end <= s.start) {
            out.push(item);
        }
    }
    out
}

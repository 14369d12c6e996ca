//! Durations: a number and a time unit ("2 business days", "forty-eight hours", "24 hrs",
//! "one (1) business day", "a week", "48-hour") and fixed phrases ("the next business day",
//! "by the end of the day", "same day").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::number::{find_numbers, parse_number};
use super::{after, before, next_visible, regex, remove_overlaps};

/// The unit of a [`Duration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    /// Clock hours (also "business hours").
    Hours,
    /// Business, working, court or banking days.
    BusinessDays,
    /// Plain, calendar, clear or consecutive days.
    CalendarDays,
    /// Weeks (a fortnight is two).
    Weeks,
    Months,
}

/// A stated length of time.
#[derive(Debug, Clone, PartialEq)]
pub struct Duration {
    /// The number and unit ("2 business days", "one (1) business day", "the next business day",
    /// "end of the day"); never the leading "within"/"by".
    pub span: Range<usize>,
    /// How many units; fixed phrases ("next business day", "end of the day") are 1 business day.
    pub value: f64,
    pub unit: TimeUnit,
}

impl Duration {
    /// The duration in business days, as `response.limit` counts them: hours are clock time,
    /// 24 hours = 1 business day (`ceil(h / 24)`); calendar days and weeks convert at 5 business
    /// days per 7 calendar days, rounded up; a month is 22 business days (rounded up for
    /// fractional months); business days count as stated.
    pub fn business_days(&self) -> f64 {
        // A small tolerance keeps float noise (e.g. 35.000000001) from rounding up a whole day.
        let ceil = |x: f64| (x - 1e-9).ceil().max(0.0);
        match self.unit {
            TimeUnit::Hours => ceil(self.value / 24.0),
            TimeUnit::BusinessDays => self.value,
            TimeUnit::CalendarDays => ceil(self.value * 5.0 / 7.0),
            TimeUnit::Weeks => ceil(self.value * 5.0),
            TimeUnit::Months => ceil(self.value * 22.0),
        }
    }
}

/// A time unit right after a number, with an optional figure or words in brackets ("one (1)
/// business day", "2 (two) business days") and an optional adjective ("two full business days").
static UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?x)^
        (?:\s+\(\s*(?:[0-9]+(?:\.[0-9]+)?|(?P<words>[a-z]+(?:[\s-][a-z]+){0,3}))\s*\))?
        (?:\s*-\s*|\s*)
        (?:(?:full|clear|additional|further|more|consecutive|extra)\s+)?
        (?:
            (?P<bd>(?:business|working|court|banking)[\s-]+(?:(?P<bdd>days?)|hours?)\b)
          | (?P<cal>calendar\s+days?\b)
          | (?P<day>days?\b)
          | (?P<hour>hours?\b|hrs?\b\.?|h\b)
          | (?P<week>weeks?\b|wks?\b\.?)
          | (?P<fortnight>fortnights?\b)
          | (?P<month>months?\b)
        )",
    )
});

/// The outward half of a UK postcode right before a number ("BS6 " in "BS6 6HR"), in capitals.
static POSTCODE_OUTWARD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?-i:\b[A-Z]{1,2}[0-9][A-Z0-9]?)[ \u{A0}]$"));

/// A frequency rather than a duration: "7 days a week", "24 hours a day".
static FREQUENCY_AFTER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b"));

/// "a week", "an hour", "half a day", "a business day".
static ARTICLE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:(?P<half>half)\s+)?an?\s+(?:(?:full|additional|further|extra|single)\s+)?(?:(?P<bd>(?:business|working)[\s-]+(?:(?P<bdd>day)|hour))|(?P<cal>calendar\s+day)|(?P<day>day)|(?P<hour>hour)|(?P<week>week)|(?P<fortnight>fortnight)|(?P<month>month))\b",
    )
});

/// Before "a day" / "an hour", words that make it a rate, a frequency or a fraction
/// ("$350 an hour", "twice a month", "24 hours a day", "tenths of an hour").
static RATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:[0-9%$£€]|\bper|\bof|\bonce|\btwice|\btimes|\beach|\bevery|\bdollars?|\bhours?|\bdays?|\bweeks?|\bmonths?|\bhrs?)\s*$",
    )
});

/// "the next business day", "by end of the next working day", "the following day".
static NEXT_DAY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:(?:the\s+)?(?:end|close)\s+of\s+)?(?:the\s+)?(?:next|following|subsequent)\s+(?:(?P<bd>business|working)[\s-]+)?day\b",
    )
});

/// "by the end of the day", "before close of business", "by EOD": 1 business day at most.
static END_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:by|before|until|till|no\s+later\s+than|prior\s+to|within|on)\s+(?P<phrase>(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:same\s+|current\s+|that\s+)?(?:(?:business|working)[\s-]+)?day|(?:the\s+)?close\s+of\s+business|eod|cob|eob)\b",
    )
});

/// "same day", "same business day", "same-day".
static SAME_DAY: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\bsame[\s-](?:(?:business|working)[\s-])?day\b"));

/// The unit named by a capture of [`UNIT_AFTER`] or [`ARTICLE_UNIT`], and a multiplier
/// (a fortnight is 2 weeks).
fn unit_of(c: &regex::Captures<'_>) -> Option<(TimeUnit, f64)> {
    if c.name("bd").is_some() {
        let days = c.name("bdd").is_some();
        return Some((
            if days {
                TimeUnit::BusinessDays
            } else {
                TimeUnit::Hours
            },
            1.0,
        ));
    }
    if c.name("cal").is_some() || c.name("day").is_some() {
        return Some((TimeUnit::CalendarDays, 1.0));
    }
    if c.name("hour").is_some() {
        return Some((TimeUnit::Hours, 1.0));
    }
    if c.name("week").is_some() {
        return Some((TimeUnit::Weeks, 1.0));
    }
    if c.name("fortnight").is_some() {
        return Some((TimeUnit::Weeks, 2.0));
    }
    c.name("month").map(|_| (TimeUnit::Months, 1.0))
}

/// Finds durations, sorted by start.
///
/// A number counts only when a time unit follows it directly (a bracketed figure and an
/// adjective such as "full" may sit between), so "one of our lawyers", "no one", "Rule 1902" or
/// a year never yield a duration. Frequencies ("7 days a week", "$350 an hour", "twice a
/// month") are not durations. "The next day"/"the following day" are 1 calendar day.
pub fn find_durations(text: &str) -> Vec<Duration> {
    let mut out = Vec::new();
    for n in find_numbers(text) {
        if n.pronoun {
            continue;
        }
        let rest = after(text, n.span.end);
        if !next_visible(rest).is_some_and(|c| c.is_ascii_alphabetic() || c == '(' || c == '-') {
            continue;
        }
        let Some(c) = UNIT_AFTER.captures(rest) else {
            continue;
        };
        let (Some(whole), Some((unit, factor))) = (c.get(0), unit_of(&c)) else {
            continue;
        };
        // Words in brackets must be the number again ("2 (two) days"), not a remark.
        if c.name("words")
            .is_some_and(|w| parse_number(w.as_str()).is_none())
        {
            continue;
        }
        let end = n.span.end + whole.end();
        if FREQUENCY_AFTER.is_match(after(text, end)) {
            continue;
        }
        // "BS6 6HR" is a UK postcode, not six hours: an inward code glued to its letters.
        let glued = !n.in_words && rest.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if glued && POSTCODE_OUTWARD.is_match(before(text, n.span.start, 8)) {
            continue;
        }
        out.push(Duration {
            span: n.span.start..end,
            value: n.value * factor,
            unit,
        });
    }
    for c in ARTICLE_UNIT.captures_iter(text) {
        let (Some(whole), Some((unit, factor))) = (c.get(0), unit_of(&c)) else {
            continue;
        };
        if RATE_BEFORE.is_match(before(text, whole.start(), 24))
            || FREQUENCY_AFTER.is_match(after(text, whole.end()))
        {
            continue;
        }
        let value = if c.name("half").is_some() { 0.5 } else { 1.0 };
        out.push(Duration {
            span: whole.range(),
            value: value * factor,
            unit,
        });
    }
    for c in NEXT_DAY.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let unit = if c.name("bd").is_some() {
            TimeUnit::BusinessDays
        } else {
            TimeUnit::CalendarDays
        };
        out.push(Duration {
            span: whole.range(),
            value: 1.0,
            unit,
        });
    }
    for c in END_OF_DAY.captures_iter(text) {
        let Some(phrase) = c.name("phrase") else {
            continue;
        };
        out.push(Duration {
            span: phrase.range(),
            value: 1.0,
            unit: TimeUnit::BusinessDays,
        });
    }
    for m in SAME_DAY.find_iter(text) {
        out.push(Duration {
            span: m.range(),
            value: 1.0,
            unit: TimeUnit::BusinessDays,
        });
    }
    remove_overlaps(out, |d| d.span.clone())
}

#[cfg(test)]
mod literal_tests {
    use super::*;

    /// Every pattern literal of this module compiles (the `expect` in `extract::regex` is
    /// never reached).
    #[test]
    fn static_regexes_compile() {
        LazyLock::force(&ARTICLE_UNIT);
        LazyLock::force(&END_OF_DAY);
        LazyLock::force(&FREQUENCY_AFTER);
        LazyLock::force(&NEXT_DAY);
        LazyLock::force(&POSTCODE_OUTWARD);
        LazyLock::force(&RATE_BEFORE);
        LazyLock::force(&SAME_DAY);
        LazyLock::force(&UNIT_AFTER);
    }
}

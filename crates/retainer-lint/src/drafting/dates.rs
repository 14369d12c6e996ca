//! `drafting.date`: impossible dates ("31 April 2026") and weekdays that do not match their
//! date ("Monday, 15 March 2026"). Weekdays are computed here (Sakamoto's method on the
//! proleptic Gregorian calendar); no date library is needed.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{prose, slice, Finding};
use crate::document::Document;

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Weekday {
    /// The English name, e.g. "Thursday".
    pub fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }

    /// The weekday a name or common abbreviation stands for ("Mon", "Tues", "thursday").
    fn parse(word: &str) -> Option<Weekday> {
        let w = word.to_ascii_lowercase();
        let w = w.trim_end_matches('.');
        Some(match w {
            "mon" | "monday" => Weekday::Monday,
            "tue" | "tues" | "tuesday" => Weekday::Tuesday,
            "wed" | "weds" | "wednesday" => Weekday::Wednesday,
            "thu" | "thur" | "thurs" | "thursday" => Weekday::Thursday,
            "fri" | "friday" => Weekday::Friday,
            "sat" | "saturday" => Weekday::Saturday,
            "sun" | "sunday" => Weekday::Sunday,
            _ => return None,
        })
    }
}

/// The weekday of a Gregorian date. `month` is 1-12 and `day` 1-31; out-of-range values give
/// an unspecified but non-panicking answer.
pub fn weekday(year: i32, month: u32, day: u32) -> Weekday {
    const OFFSETS: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let m = month.clamp(1, 12);
    let y = i64::from(year) - i64::from(m < 3);
    let offset = OFFSETS.get((m - 1) as usize).copied().unwrap_or(0);
    let dow =
        (y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) + offset + i64::from(day))
            .rem_euclid(7);
    match dow {
        0 => Weekday::Sunday,
        1 => Weekday::Monday,
        2 => Weekday::Tuesday,
        3 => Weekday::Wednesday,
        4 => Weekday::Thursday,
        5 => Weekday::Friday,
        _ => Weekday::Saturday,
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month; February counts 29 when the year is unknown.
fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_ascii_lowercase();
            m == w || (w.len() <= 4 && m.starts_with(&w) && (w.len() == 3 || w == "sept"))
        })
        .map(|i| i as u32 + 1)
}

const WEEKDAY: &str = r"(?:(?P<wd>(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?)\.?,?\s+(?:the\s+)?)?";
const MONTH: &str = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

/// "Monday, 15 March 2026", "15th March", "the 15th day of March, 2026".
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?i:{WEEKDAY})\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+day)?(?:\s+of)?\s+{MONTH}\.?(?:,?\s+(?P<year>\d{{4}}))?\b"
    );
    Regex::new(&re).unwrap_or_else(|_| unreachable!("static regex"))
});

/// "Monday, March 15, 2026", "March 15th".
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?i:{WEEKDAY})\b{MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    );
    Regex::new(&re).unwrap_or_else(|_| unreachable!("static regex"))
});

/// "2026-13-01".
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// A date as written in one block.
#[derive(Debug, Clone)]
struct Written {
    range: Range<usize>,
    weekday: Option<(Weekday, String)>,
    day: u32,
    month: u32,
    year: Option<i32>,
    /// For numeric dates: the other reading (month/day swapped) is also possible.
    ambiguous: bool,
}

/// `drafting.date`: an impossible date, or a weekday that does not match its date. A date
/// written without a year is checked against the year of the nearest full date before it
/// (or after, at the top of the letter), within 200 days either way.
pub fn dates(doc: &Document) -> Vec<Finding> {
    let mut written: Vec<(usize, Written)> = Vec::new();
    for (index, block) in prose(doc) {
        for w in dates_in(&block.text) {
            written.push((index, w));
        }
    }
    let anchors: Vec<(usize, i64)> = written
        .iter()
        .enumerate()
        .filter_map(|(i, (_, w))| {
            let y = w.year?;
            (!w.ambiguous && w.day >= 1 && w.day <= days_in_month(Some(y), w.month))
                .then(|| (i, day_number(y, w.month, w.day)))
        })
        .collect();

    let mut out = Vec::new();
    for (i, (index, w)) in written.iter().enumerate() {
        let text = doc.blocks.get(*index).map_or("", |b| b.text.as_str());
        let quoted = slice(text, w.range.clone());
        if let Some(problem) = impossible(w) {
            out.push(Finding::new(
                *index,
                w.range.clone(),
                format!("\"{quoted}\" is not a real date: {problem}"),
            ));
            continue;
        }
        let Some((named, named_text)) = &w.weekday else {
            continue;
        };
        let actual = match w.year {
            Some(y) => Some((weekday(y, w.month, w.day), y)),
            None => {
                let anchor = anchors
                    .iter()
                    .rev()
                    .find(|(j, _)| *j < i)
                    .or_else(|| anchors.first())
                    .map(|&(_, d)| d);
                anchor.and_then(|a| {
                    year_near(a, w.month, w.day, named).map(|y| (weekday(y, w.month, w.day), y))
                })
            }
        };
        let Some((actual, year)) = actual else {
            continue;
        };
        if actual != *named {
            let month = MONTHS.get((w.month - 1) as usize).copied().unwrap_or("");
            let inferred = if w.year.is_none() {
                " (taking the year as the letter's)"
            } else {
                ""
            };
            out.push(
                Finding::new(
                    *index,
                    w.range.clone(),
                    format!(
                        "\"{quoted}\": {} {month} {year} is a {}, not a {}{inferred}; check which is right",
                        w.day,
                        actual.name(),
                        named.name()
                    ),
                )
                .with_suggestion(quoted.replacen(named_text.as_str(), actual.name(), 1)),
            );
        }
    }
    out
}

/// For a yearless date, the year that places it within 200 days of the anchor, if any year
/// does; when two do, the one whose weekday matches the text (so no false alarm).
fn year_near(anchor: i64, month: u32, day: u32, named: &Weekday) -> Option<i32> {
    let (anchor_year, _, _) = civil_from_days(anchor);
    let candidates: Vec<i32> = [anchor_year - 1, anchor_year, anchor_year + 1]
        .into_iter()
        .filter(|&y| day <= days_in_month(Some(y), month))
        .filter(|&y| (day_number(y, month, day) - anchor).abs() <= 200)
        .collect();
    candidates
        .iter()
        .copied()
        .find(|&y| weekday(y, month, day) == *named)
        .or_else(|| candidates.first().copied())
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn day_number(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The year, month, day of a day number (inverse of [`day_number`]).
pub(crate) fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (i32::try_from(year).unwrap_or(0), month, day)
}

/// Why a written date cannot exist, or `None` when it can.
fn impossible(w: &Written) -> Option<String> {
    if w.ambiguous {
        let as_dm =
            w.month >= 1 && w.month <= 12 && w.day >= 1 && w.day <= days_in_month(w.year, w.month);
        let as_md =
            w.day >= 1 && w.day <= 12 && w.month >= 1 && w.month <= days_in_month(w.year, w.day);
        return (!as_dm && !as_md)
            .then(|| "no month has that day, read either day-first or month-first".to_string());
    }
    if !(1..=12).contains(&w.month) {
        return Some(format!("there is no month {}", w.month));
    }
    let month = MONTHS.get((w.month - 1) as usize).copied().unwrap_or("");
    if w.day == 0 {
        return Some("there is no day 0".to_string());
    }
    let max = days_in_month(w.year, w.month);
    if w.day <= max {
        return None;
    }
    Some(match (w.month, w.year) {
        (2, Some(y)) if w.day == 29 => format!("{y} is not a leap year, so February has 28 days"),
        _ => format!("{month} has {max} days"),
    })
}

/// Every date written in one block, longest reading first, without overlaps.
fn dates_in(text: &str) -> Vec<Written> {
    let mut out: Vec<Written> = Vec::new();
    for re in [&*DAY_MONTH, &*MONTH_DAY] {
        for caps in re.captures_iter(text) {
            let (Some(all), Some(day), Some(month)) =
                (caps.get(0), caps.name("day"), caps.name("month"))
            else {
                continue;
            };
            let Some(month) = month_number(month.as_str()) else {
                continue;
            };
            let Ok(day) = day.as_str().parse::<u32>() else {
                continue;
            };
            if !(1..=31).contains(&day) {
                continue; // "45 March" is not a way anyone writes a date
            }
            // "May" is also a verb: "you May 5" cannot be told apart, so require a capital M
            // and a year or a weekday for it.
            let year = caps
                .name("year")
                .and_then(|y| y.as_str().parse::<i32>().ok());
            let mut weekday = caps
                .name("wd")
                .and_then(|w| Weekday::parse(w.as_str()).map(|d| (d, w.as_str().to_string())));
            let mut range = all.range();
            // "on Monday. 15 March 2026 is…": a full stop after a full weekday name ends a
            // sentence, so the weekday is not part of the date.
            if let Some(wd) = caps.name("wd") {
                let full = wd.as_str().to_ascii_lowercase().ends_with("day");
                if weekday.is_none()
                    || (full && text.get(wd.end()..).is_some_and(|r| r.starts_with('.')))
                {
                    weekday = None;
                    range.start = caps
                        .name("day")
                        .map_or(range.start, |d| d.start())
                        .min(caps.name("month").map_or(range.start, |m| m.start()));
                }
            }
            if caps
                .name("month")
                .is_some_and(|m| m.as_str().eq_ignore_ascii_case("may"))
                && year.is_none()
                && weekday.is_none()
            {
                continue;
            }
            push_unique(
                &mut out,
                Written {
                    range,
                    weekday,
                    day,
                    month,
                    year,
                    ambiguous: false,
                },
            );
        }
    }
    for caps in ISO.captures_iter(text) {
        let (Some(all), Some(y), Some(m), Some(d)) = (
            caps.get(0),
            caps.name("year"),
            caps.name("month"),
            caps.name("day"),
        ) else {
            continue;
        };
        let (Ok(year), Ok(month), Ok(day)) = (
            y.as_str().parse::<i32>(),
            m.as_str().parse::<u32>(),
            d.as_str().parse::<u32>(),
        ) else {
            continue;
        };
        if !(1900..=2100).contains(&year)
            || looks_like_reference(text, all.start())
            || text.get(all.end()..).is_some_and(|r| r.starts_with('-'))
        {
            continue;
        }
        push_unique(
            &mut out,
            Written {
                range: all.range(),
                weekday: None,
                day,
                month,
                year: Some(year),
                ambiguous: false,
            },
        );
    }
    for (all, a, b, year) in numeric_dates(text) {
        if looks_like_reference(text, all.start) {
            continue;
        }
        push_unique(
            &mut out,
            Written {
                range: all,
                weekday: None,
                day: a,
                month: b,
                year: Some(year),
                ambiguous: true,
            },
        );
    }
    out.sort_by_key(|w| w.range.start);
    out
}

/// Numeric dates "d/m/yyyy" or "d.m.yyyy" (same separator twice).
fn numeric_dates(text: &str) -> Vec<(Range<usize>, u32, u32, i32)> {
    NUMERIC_SIMPLE
        .captures_iter(text)
        .filter_map(|caps| {
            let all = caps.get(0)?;
            let s1 = caps.name("s1")?.as_str();
            let s2 = caps.name("s2")?.as_str();
            if s1 != s2 {
                return None;
            }
            if text
                .get(all.end()..)
                .is_some_and(|r| r.starts_with(|c: char| c == '/' || c.is_ascii_digit()))
            {
                return None;
            }
            let a = caps.name("a")?.as_str().parse().ok()?;
            let b = caps.name("b")?.as_str().parse().ok()?;
            let year: i32 = caps.name("year")?.as_str().parse().ok()?;
            (1900..=2100)
                .contains(&year)
                .then_some((all.range(), a, b, year))
        })
        .collect()
}

static NUMERIC_SIMPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<a>\d{1,2})(?P<s1>[/.])(?P<b>\d{1,2})(?P<s2>[/.])(?P<year>\d{4})\b")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// File, matter and invoice numbers look like dates ("File No. 2026-14-07"): skip a date
/// right after such a label.
fn looks_like_reference(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let Some(last) = before.split_whitespace().next_back() else {
        return false;
    };
    let last = last.to_ascii_lowercase();
    last.ends_with('#')
        || matches!(
            last.trim_end_matches([':', '.']),
            "no" | "number" | "ref" | "file" | "reference" | "id"
        )
}

fn push_unique(out: &mut Vec<Written>, w: Written) {
    if out
        .iter()
        .any(|o| o.range.start < w.range.end && w.range.start < o.range.end)
    {
        return;
    }
    out.push(w);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    /// Every pattern literal of this module compiles (each `unreachable!` above truly is).
    #[test]
    fn static_regexes_compile() {
        LazyLock::force(&DAY_MONTH);
        LazyLock::force(&MONTH_DAY);
        LazyLock::force(&ISO);
        LazyLock::force(&NUMERIC_SIMPLE);
    }

    /// `expected` lists the flagged words as `block:words`.
    fn check(texts: &[&str], expected: &[&str]) {
        let doc = paragraphs(texts);
        let found = dates(&doc);
        assert_well_formed(&doc, &found);
        assert_eq!(spans(&doc, &found), expected, "{found:#?}");
    }

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(weekday(2026, 11, 26), Weekday::Thursday);
        assert_eq!(weekday(2024, 2, 29), Weekday::Thursday);
        assert_eq!(weekday(2026, 3, 15), Weekday::Sunday);
        assert_eq!(weekday(2000, 1, 1), Weekday::Saturday);
        assert_eq!(weekday(1970, 1, 1), Weekday::Thursday);
        assert_eq!(weekday(2027, 1, 1), Weekday::Friday);
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(civil_from_days(day_number(2026, 11, 26)), (2026, 11, 26));
        assert_eq!(civil_from_days(day_number(2024, 2, 29)), (2024, 2, 29));
    }

    #[test]
    fn impossible_dates_are_flagged() {
        check(&["The deadline is 31 April 2026."], &["0:31 April 2026"]);
        check(
            &["Payment is due February 30, 2027."],
            &["0:February 30, 2027"],
        );
        check(
            &["Signed on 29 February 2027 at Regina."],
            &["0:29 February 2027"],
        );
        check(&["Effective 2026-13-01 onwards."], &["0:2026-13-01"]);
        check(&["Hearing on 31st June 2026."], &["0:31st June 2026"]);
        check(&["Invoice due 31/04/2026."], &["0:31/04/2026"]);
        check(
            &["Due on the 30th day of February, 2026."],
            &["0:30th day of February, 2026"],
        );
        check(&["Nothing before 30 February."], &["0:30 February"]);
    }

    #[test]
    fn wrong_weekdays_are_flagged() {
        check(
            &["We meet on Monday, 15 March 2026."],
            &["0:Monday, 15 March 2026"],
        );
        check(
            &["Call us Friday, November 26, 2026."],
            &["0:Friday, November 26, 2026"],
        );
        check(
            &["Dated 20 November 2026.", "Come in on Monday 24 November."],
            &["1:Monday 24 November"],
        );
        check(
            &["Wed. 1 December 2026 works."],
            &["0:Wed. 1 December 2026"],
        );
        let doc = paragraphs(&["On Monday, 15 March 2026 we meet."]);
        assert_eq!(
            dates(&doc)[0].suggestion.as_deref(),
            Some("Sunday, 15 March 2026")
        );
    }

    #[test]
    fn good_dates_are_not_flagged() {
        check(&["We meet on Thursday, 26 November 2026."], &[]);
        check(&["Thursday, November 26, 2026 at 10 a.m."], &[]);
        check(
            &["Leap day 29 February 2024 is real; so is 2024-02-29."],
            &[],
        );
        check(&["On Thursday the 29th of February 2024 we met."], &[]);
        check(
            &[
                "Dated 26 November 2026.",
                "Please reply by Friday 4 December.",
                "Or Monday 4 January.",
            ],
            &[],
        );
        check(
            &[
                "Dated 5 January 2027.",
                "We first met on Tuesday 15 December.",
            ],
            &[],
        );
        check(
            &["You may 5 times ask; in May 2026 we filed; 12 May 2026."],
            &[],
        );
        check(
            &["File No. 2026-14-07; Ref: 2026-13-01; matter #2026-31-99."],
            &[],
        );
        check(&["Our fees rose 31 per cent in April 2026."], &[]);
        check(&["Call 306-555-0199 or see 12/11/2026 and 3.4.2026."], &[]);
        check(&["Between 1 and 31 March 2026, and from 15th March."], &[]);
        check(
            &["We will meet on Monday. 15 March 2026 is the deadline."],
            &[],
        );
        check(&["Weds 25 Nov 2026 and Sat 28 Nov 2026."], &[]);
        check(&["Monday 15 March without any year anywhere."], &[]);
    }
}

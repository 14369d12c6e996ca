//! Numbers in digits ("1,200.50", "33⅓", "33 1/3", "1.2 million") and in words ("forty-eight",
//! "twenty four", "one hundred and fifty", "a third", "two-thirds", "a dozen").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{after, before, char_at, char_before, regex};

/// A number found in running text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    /// Byte range of the number (words, or digits with their separators and fraction).
    pub span: Range<usize>,
    /// The value; fractions are exact to `f64` ("one-third" = 1/3).
    pub value: f64,
    /// Written in words ("forty-eight"), not digits ("48").
    pub in_words: bool,
    /// The word "one" used as a pronoun or determiner rather than a count: "no one", "one of our
    /// lawyers", "one another", "the one", "one or more". Such matches are returned so callers can
    /// see them, but the money, percent and duration extractors never use them.
    pub pronoun: bool,
    /// The value comes from a fraction word: "one-third", "two thirds", "a quarter", "half".
    pub fraction_word: bool,
}

/// One number word, classified.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Word {
    Zero,
    /// 1 to 9.
    Unit(f64),
    /// 10 to 19.
    Teen(f64),
    /// 20, 30, ... 90.
    Tens(f64),
    Hundred,
    /// thousand, million, billion, trillion.
    Scale(f64),
    Dozen,
    /// half, third(s), quarter(s), fifth(s) ... tenth(s); `den` is the denominator.
    Fraction(f64),
    /// "a" / "an": a number only before hundred, a scale, dozen or a fraction.
    Article,
    And,
}

const WORDS: &[(&str, Word)] = &[
    ("zero", Word::Zero),
    ("one", Word::Unit(1.0)),
    ("two", Word::Unit(2.0)),
    ("three", Word::Unit(3.0)),
    ("four", Word::Unit(4.0)),
    ("five", Word::Unit(5.0)),
    ("six", Word::Unit(6.0)),
    ("seven", Word::Unit(7.0)),
    ("eight", Word::Unit(8.0)),
    ("nine", Word::Unit(9.0)),
    ("ten", Word::Teen(10.0)),
    ("eleven", Word::Teen(11.0)),
    ("twelve", Word::Teen(12.0)),
    ("thirteen", Word::Teen(13.0)),
    ("fourteen", Word::Teen(14.0)),
    ("fifteen", Word::Teen(15.0)),
    ("sixteen", Word::Teen(16.0)),
    ("seventeen", Word::Teen(17.0)),
    ("eighteen", Word::Teen(18.0)),
    ("nineteen", Word::Teen(19.0)),
    ("twenty", Word::Tens(20.0)),
    ("thirty", Word::Tens(30.0)),
    ("forty", Word::Tens(40.0)),
    ("fourty", Word::Tens(40.0)),
    ("fifty", Word::Tens(50.0)),
    ("sixty", Word::Tens(60.0)),
    ("seventy", Word::Tens(70.0)),
    ("eighty", Word::Tens(80.0)),
    ("ninety", Word::Tens(90.0)),
    ("hundred", Word::Hundred),
    ("thousand", Word::Scale(1e3)),
    ("million", Word::Scale(1e6)),
    ("billion", Word::Scale(1e9)),
    ("trillion", Word::Scale(1e12)),
    ("dozen", Word::Dozen),
    ("half", Word::Fraction(2.0)),
    ("halves", Word::Fraction(2.0)),
    ("third", Word::Fraction(3.0)),
    ("thirds", Word::Fraction(3.0)),
    ("quarter", Word::Fraction(4.0)),
    ("quarters", Word::Fraction(4.0)),
    ("fourth", Word::Fraction(4.0)),
    ("fourths", Word::Fraction(4.0)),
    ("fifth", Word::Fraction(5.0)),
    ("fifths", Word::Fraction(5.0)),
    ("sixth", Word::Fraction(6.0)),
    ("sixths", Word::Fraction(6.0)),
    ("eighth", Word::Fraction(8.0)),
    ("eighths", Word::Fraction(8.0)),
    ("tenth", Word::Fraction(10.0)),
    ("tenths", Word::Fraction(10.0)),
    ("a", Word::Article),
    ("an", Word::Article),
    ("and", Word::And),
];

fn classify(word: &str) -> Option<Word> {
    WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, kind)| kind)
}

/// Where a number in words may begin (fractions need a numerator or article, except "half").
static WORD_START: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|half|an?)\b",
    )
});

/// Digits in running text: thousands with commas or no-break/thin spaces, decimals, and an
/// optional fraction ("33⅓", "33 1/3").
static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?x)
        (?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:[\u{A0}\u{202F}\u{2009}][0-9]{3})+|[0-9]+)
        (?P<dec>\.[0-9]+)?
        (?:\x20?(?P<uf>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])|\x20(?P<num>[0-9])/(?P<den>[0-9]{1,2}))?",
    )
});

/// A whole string that is a number in digits (plain spaces allowed as thousands separators).
static WHOLE_DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?x)^
        (?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:[\x20\u{A0}\u{202F}\u{2009}][0-9]{3})+|[0-9]+)
        (?P<dec>\.[0-9]+)?
        (?:\x20?(?P<uf>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])|[\x20-](?P<num>[0-9]+)/(?P<den>[0-9]+))?
        (?:\s+(?P<scale>thousand|million|billion|trillion))?
        $",
    )
});

static WHOLE_FRACTION: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?P<num>[0-9]{1,6})\s*/\s*(?P<den>[0-9]{1,6})$"));

static SCALE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\s+(?P<scale>thousand|million|billion|trillion)\b"));

static ORDINAL_SUFFIX: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:st|nd|rd|th)\b"));

static HYPHEN_ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b"));

static PRONOUN_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(?:no|any|every|some|the|this|that|each|which|another|such)\s+$"));

static PRONOUN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:\s+(?:of|another|who|whom|whose|which|that|at\s+a\s+time|or\s+(?:more|other|another))\b|'s\b|\x{2019}s\b|-on-one\b)",
    )
});

fn unicode_fraction(c: &str) -> Option<f64> {
    let (n, d) = match c {
        "½" => (1.0, 2.0),
        "⅓" => (1.0, 3.0),
        "⅔" => (2.0, 3.0),
        "¼" => (1.0, 4.0),
        "¾" => (3.0, 4.0),
        "⅕" => (1.0, 5.0),
        "⅖" => (2.0, 5.0),
        "⅗" => (3.0, 5.0),
        "⅘" => (4.0, 5.0),
        "⅙" => (1.0, 6.0),
        "⅚" => (5.0, 6.0),
        "⅛" => (1.0, 8.0),
        "⅜" => (3.0, 8.0),
        "⅝" => (5.0, 8.0),
        "⅞" => (7.0, 8.0),
        _ => return None,
    };
    Some(n / d)
}

fn scale_value(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => 1.0,
    }
}

/// The value of the integer and decimal parts, separators removed.
fn digits_value(int: &str, dec: Option<&str>) -> Option<f64> {
    let mut s: String = int.chars().filter(char::is_ascii_digit).collect();
    if let Some(dec) = dec {
        s.push_str(dec);
    }
    s.parse::<f64>().ok()
}

/// A proper fraction with a small denominator, as written after a whole number ("33 1/3").
fn small_fraction(num: &str, den: &str) -> Option<f64> {
    let n: f64 = num.parse().ok()?;
    let d: f64 = den.parse().ok()?;
    ((2.0..=16.0).contains(&d) && n >= 1.0 && n < d).then(|| n / d)
}

/// Parses a whole string as a number in digits or words. Leading and trailing whitespace is
/// ignored; anything else that is not part of the number makes it `None`.
///
/// Accepts "two", "forty-eight", "twenty four", "one hundred and fifty", "1,200.50", "1 200",
/// "3.5", "one-third", "33⅓", "33 1/3", "1/3", "a third", "half", "a dozen", "1.2 million".
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(c) = WHOLE_DIGITS.captures(s) {
        let mut value = digits_value(c.name("int")?.as_str(), c.name("dec").map(|m| m.as_str()))?;
        if let Some(uf) = c.name("uf") {
            value += unicode_fraction(uf.as_str())?;
        }
        if let (Some(n), Some(d)) = (c.name("num"), c.name("den")) {
            value += small_fraction(n.as_str(), d.as_str())?;
        }
        if let Some(scale) = c.name("scale") {
            value *= scale_value(scale.as_str());
        }
        return Some(value);
    }
    if let Some(c) = WHOLE_FRACTION.captures(s) {
        let n: f64 = c.name("num")?.as_str().parse().ok()?;
        let d: f64 = c.name("den")?.as_str().parse().ok()?;
        return (d != 0.0).then(|| n / d);
    }
    if let Some(uf) = unicode_fraction(s) {
        return Some(uf);
    }
    if !s.as_bytes().first()?.is_ascii_alphabetic() {
        return None;
    }
    let parsed = parse_words_at(s, 0)?;
    (parsed.end == s.len()).then_some(parsed.value)
}

/// A number in words parsed from some position.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordNumber {
    pub end: usize,
    pub value: f64,
    pub fraction_word: bool,
}

/// The next word after `pos`, separated from it by whitespace or (if `hyphen_ok`) one hyphen:
/// (start, end, joined by hyphen). The word must be ASCII letters, not glued to other letters.
fn next_word(text: &str, pos: usize) -> Option<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    let mut i = pos;
    let hyphen = bytes.get(i) == Some(&b'-');
    if hyphen {
        i += 1;
    } else {
        while let Some(c) = char_at(text, i).filter(|c| c.is_whitespace()) {
            i += c.len_utf8();
        }
        if i == pos {
            return None;
        }
    }
    let start = i;
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    if i == start || char_at(text, i).is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some((start, i, hyphen))
}

/// The word at `start` (which must begin an ASCII word), classified.
fn word_at(text: &str, start: usize) -> Option<(usize, Word)> {
    let bytes = text.as_bytes();
    let mut i = start;
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    if i == start || char_at(text, i).is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some((i, classify(text.get(start..i)?)?))
}

/// A classified word following `pos`.
fn peek(text: &str, pos: usize) -> Option<(usize, Word, bool)> {
    let (start, end, hyphen) = next_word(text, pos)?;
    let word = classify(text.get(start..end)?)?;
    Some((end, word, hyphen))
}

/// A bare or article fraction ("half", "a third") is a number only before "of", "a"/"an"
/// ("half an hour") or a non-word; "a third party" and "a quarter century" are not.
fn fraction_follower_ok(text: &str, end: usize) -> bool {
    match next_word(text, end) {
        None => !char_at(text, end).is_some_and(char::is_alphanumeric),
        Some((s, e, hyphen)) => {
            !hyphen
                && text
                    .get(s..e)
                    .is_some_and(|w| ["of", "a", "an"].iter().any(|k| k.eq_ignore_ascii_case(w)))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Unit,
    /// A unit right after tens ("twenty-four").
    TensUnit,
    Teen,
    Tens,
    Hundred,
    Scale,
}

/// Parses a number in words starting at `start` (the start of a word). Returns `None` when the
/// words there are not a number ("a" alone, "third" alone, an ordinal such as "twenty-first").
pub(super) fn parse_words_at(text: &str, start: usize) -> Option<WordNumber> {
    let (first_end, first) = word_at(text, start)?;
    let mut total = 0.0_f64;
    let mut group;
    let mut last;
    let mut has_hundred = false;
    let mut last_scale = f64::INFINITY;
    let mut end = first_end;
    match first {
        Word::Zero => {
            return Some(WordNumber {
                end,
                value: 0.0,
                fraction_word: false,
            });
        }
        Word::Unit(v) => {
            group = v;
            last = Last::Unit;
        }
        Word::Teen(v) => {
            group = v;
            last = Last::Teen;
        }
        Word::Tens(v) => {
            group = v;
            last = Last::Tens;
        }
        Word::Fraction(_) if text.get(start..first_end)?.eq_ignore_ascii_case("half") => {
            return fraction_follower_ok(text, end).then_some(WordNumber {
                end,
                value: 0.5,
                fraction_word: true,
            });
        }
        Word::Article => {
            let (next_end, next, hyphen) = peek(text, first_end)?;
            if hyphen {
                return None;
            }
            end = next_end;
            match next {
                Word::Hundred => {
                    group = 100.0;
                    has_hundred = true;
                    last = Last::Hundred;
                }
                Word::Scale(s) => {
                    group = 0.0;
                    total = s;
                    last_scale = s;
                    last = Last::Scale;
                }
                Word::Dozen => {
                    return Some(WordNumber {
                        end,
                        value: 12.0,
                        fraction_word: false,
                    });
                }
                Word::Fraction(den) => {
                    let plural = text.get(..end).is_some_and(|t| t.ends_with('s'));
                    return (!plural && fraction_follower_ok(text, end)).then_some(WordNumber {
                        end,
                        value: 1.0 / den,
                        fraction_word: true,
                    });
                }
                _ => return None,
            }
        }
        _ => return None,
    }
    while let Some((next_end, next, hyphen)) = peek(text, end) {
        // Only "forty-eight" and "one-third" join with a hyphen.
        if hyphen
            && !matches!(
                (last, next),
                (Last::Tens, Word::Unit(_)) | (Last::Unit, Word::Fraction(_))
            )
        {
            break;
        }
        match next {
            Word::Unit(v) if last == Last::Tens => {
                group += v;
                last = Last::TensUnit;
            }
            Word::Unit(v) if matches!(last, Last::Hundred | Last::Scale) => {
                group += v;
                last = Last::Unit;
            }
            Word::Teen(v) if matches!(last, Last::Hundred | Last::Scale) => {
                group += v;
                last = Last::Teen;
            }
            Word::Tens(v) if matches!(last, Last::Hundred | Last::Scale) => {
                group += v;
                last = Last::Tens;
            }
            Word::Hundred
                if matches!(last, Last::Unit | Last::Teen | Last::TensUnit)
                    && !has_hundred
                    && group > 0.0 =>
            {
                group *= 100.0;
                has_hundred = true;
                last = Last::Hundred;
            }
            Word::Scale(s) if !matches!(last, Last::Scale) && s < last_scale && group > 0.0 => {
                total += group * s;
                group = 0.0;
                has_hundred = false;
                last_scale = s;
                last = Last::Scale;
            }
            Word::Dozen
                if matches!(last, Last::Unit | Last::Teen) && total == 0.0 && !has_hundred =>
            {
                return Some(WordNumber {
                    end: next_end,
                    value: group * 12.0,
                    fraction_word: false,
                });
            }
            Word::Fraction(den)
                if last == Last::Unit && total == 0.0 && !has_hundred && group <= 10.0 =>
            {
                return Some(WordNumber {
                    end: next_end,
                    value: group / den,
                    fraction_word: true,
                });
            }
            Word::And => {
                if let Some((tail_end, tail)) = and_fraction(text, next_end) {
                    return Some(WordNumber {
                        end: tail_end,
                        value: total + group + tail,
                        fraction_word: false,
                    });
                }
                if !matches!(last, Last::Hundred | Last::Scale) {
                    break;
                }
                // "one hundred and fifty": "and" counts only if a smaller number follows.
                match peek(text, next_end) {
                    Some((e, Word::Unit(v), false)) => {
                        group += v;
                        last = Last::Unit;
                        end = e;
                        continue;
                    }
                    Some((e, Word::Teen(v), false)) => {
                        group += v;
                        last = Last::Teen;
                        end = e;
                        continue;
                    }
                    Some((e, Word::Tens(v), false)) => {
                        group += v;
                        last = Last::Tens;
                        end = e;
                        continue;
                    }
                    _ => break,
                }
            }
            _ => break,
        }
        end = next_end;
    }
    if HYPHEN_ORDINAL.is_match(after(text, end)) {
        return None;
    }
    Some(WordNumber {
        end,
        value: total + group,
        fraction_word: false,
    })
}

/// "and a half", "and one-third", "and two thirds" after a whole number: (end, value).
fn and_fraction(text: &str, pos: usize) -> Option<(usize, f64)> {
    let (e1, w1, _) = peek(text, pos)?;
    let numerator = match w1 {
        Word::Article => 1.0,
        Word::Unit(v) => v,
        _ => return None,
    };
    match peek(text, e1)? {
        (e2, Word::Fraction(den), _) => Some((e2, numerator / den)),
        _ => None,
    }
}

/// Finds numbers in digits and in words, sorted by start.
///
/// Digits glued to a preceding letter ("A1B", "Q3") and digit ordinals ("15th") are skipped;
/// digits followed by "thousand"/"million"/"billion" are scaled ("1.2 million" = 1 200 000).
/// Word ordinals ("third party", "twenty-first") are not numbers; "one" in its pronoun senses
/// is returned with [`NumberMatch::pronoun`] set.
pub fn find_numbers(text: &str) -> Vec<NumberMatch> {
    let mut out = Vec::new();
    for c in DIGITS.captures_iter(text) {
        let (Some(whole), Some(int)) = (c.get(0), c.name("int")) else {
            continue;
        };
        if char_before(text, whole.start()).is_some_and(|ch| ch.is_alphabetic() || ch == '_') {
            continue;
        }
        let dec = c.name("dec");
        let Some(mut value) = digits_value(int.as_str(), dec.map(|m| m.as_str())) else {
            continue;
        };
        let mut end = dec.map_or(int.end(), |d| d.end());
        if let Some(uf) = c.name("uf") {
            if let Some(f) = unicode_fraction(uf.as_str()) {
                value += f;
                end = uf.end();
            }
        } else if let (Some(n), Some(d)) = (c.name("num"), c.name("den")) {
            let tail = char_at(text, d.end());
            let clean_tail = !tail.is_some_and(|t| t.is_ascii_digit() || t == '/');
            if let Some(f) = small_fraction(n.as_str(), d.as_str()).filter(|_| clean_tail) {
                value += f;
                end = d.end();
            }
        }
        let rest = after(text, end);
        let next = rest.chars().next();
        if next.is_some_and(|c| c.is_ascii_alphabetic()) && ORDINAL_SUFFIX.is_match(rest) {
            continue;
        }
        let scale = next
            .filter(|c| c.is_whitespace())
            .and_then(|_| SCALE_AFTER.captures(rest))
            .and_then(|s| s.name("scale"));
        if let Some(s) = scale {
            value *= scale_value(s.as_str());
            end += s.end();
        }
        out.push(NumberMatch {
            span: whole.start()..end,
            value,
            in_words: false,
            pronoun: false,
            fraction_word: false,
        });
    }
    let mut words_end = 0;
    for m in WORD_START.find_iter(text) {
        if m.start() < words_end || char_before(text, m.start()).is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let Some(parsed) = parse_words_at(text, m.start()) else {
            continue;
        };
        words_end = parsed.end;
        let span = m.start()..parsed.end;
        let pronoun = text
            .get(span.clone())
            .is_some_and(|w| w.eq_ignore_ascii_case("one"))
            && (PRONOUN_BEFORE.is_match(before(text, span.start, 24))
                || PRONOUN_AFTER.is_match(after(text, span.end)));
        out.push(NumberMatch {
            span,
            value: parsed.value,
            in_words: true,
            pronoun,
            fraction_word: parsed.fraction_word,
        });
    }
    super::remove_overlaps(out, |n| n.span.clone())
}

#[cfg(test)]
mod literal_tests {
    use super::*;

    /// Every pattern literal of this module compiles (the `expect` in `extract::regex` is
    /// never reached).
    #[test]
    fn static_regexes_compile() {
        LazyLock::force(&DIGITS);
        LazyLock::force(&HYPHEN_ORDINAL);
        LazyLock::force(&ORDINAL_SUFFIX);
        LazyLock::force(&PRONOUN_AFTER);
        LazyLock::force(&PRONOUN_BEFORE);
        LazyLock::force(&SCALE_AFTER);
        LazyLock::force(&WHOLE_DIGITS);
        LazyLock::force(&WHOLE_FRACTION);
        LazyLock::force(&WORD_START);
    }
}

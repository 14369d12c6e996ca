//! Contact details: email addresses and phone numbers, each with a format check.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{after, before, char_at, char_before, regex, remove_overlaps};

/// An email address (or something written as one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// The address, without a "mailto:" prefix or trailing sentence punctuation.
    pub span: Range<usize>,
    /// Well formed: a dot-atom local part, one "@", a domain of two or more labels with a
    /// letter-only top-level label of two or more letters.
    pub valid: bool,
}

/// A phone number (or something written as one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// The number with its "+", brackets, separators and extension ("ext. 204").
    pub span: Range<usize>,
    /// Matches a known numbering plan: NANP (10 digits, or 11 with a leading 1), UK (11 digits
    /// starting 0, or +44), Australia (10 digits starting 0 or 13/18, or +61), or any "+"
    /// international number of 8 to 15 digits.
    pub valid: bool,
}

/// Characters of the local part of an address (RFC 5322 atext, plus dots).
fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || "._%+-'!#$&*=?^`{|}~".contains(c)
}

/// Characters of a domain as written (including the mistakes we want to report).
fn is_domain_char(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '-' || c == '_' || c == '@'
}

fn local_is_valid(local: &str) -> bool {
    !local.is_empty()
        && local.split('.').all(|atom| !atom.is_empty())
        && local.chars().all(is_local_char)
}

fn domain_is_valid(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
}

/// Finds email addresses, sorted by start.
///
/// Something is reported only when it looks like an attempt at an address: a local part of
/// address characters right before an "@" and a domain starting with a letter or digit and
/// containing a letter right after it. So "@ $350/h", "@lawfirm" (a handle), "rate@350" and a
/// bare "psingh@" are ignored, "mailto:" is left out of the span, and trailing sentence
/// punctuation is trimmed. Malformed addresses ("psingh@example", "psingh@@example.com",
/// "psingh@example..com") are returned with `valid: false`. A space inside the local part
/// ("p singh@example.com") cannot be told from prose: only "singh@example.com" is seen.
pub fn find_emails(text: &str) -> Vec<Email> {
    let mut out = Vec::new();
    let mut cursor = 0;
    let bytes = text.as_bytes();
    while let Some(offset) = text.get(cursor..).and_then(|t| t.find('@')) {
        let at = cursor + offset;
        // The local part: address characters back to the cursor.
        let mut start = at;
        while start > cursor {
            match char_before(text, start) {
                Some(c) if is_local_char(c) => start -= c.len_utf8(),
                _ => break,
            }
        }
        // Leading dots or quotes belong to the sentence, not the address.
        while start < at && matches!(bytes.get(start), Some(b'.' | b'\'' | b'-')) {
            start += 1;
        }
        // The domain: domain characters (and stray extra "@"s) forward.
        let mut end = at + 1;
        while let Some(c) = char_at(text, end).filter(|&c| is_domain_char(c)) {
            end += c.len_utf8();
        }
        cursor = end;
        // Trailing sentence punctuation is not part of the domain.
        while end > at + 1 && matches!(bytes.get(end - 1), Some(b'.' | b'-' | b'_')) {
            end -= 1;
        }
        let (Some(local), Some(domain)) = (text.get(start..at), text.get(at + 1..end)) else {
            continue;
        };
        let domain_body = domain.trim_start_matches('@');
        let looks_like_address = local.chars().any(char::is_alphanumeric)
            && domain_body
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            && domain_body.chars().any(char::is_alphabetic);
        if !looks_like_address {
            continue;
        }
        let valid = local_is_valid(local) && !domain.contains('@') && domain_is_valid(domain);
        out.push(Email {
            span: start..end,
            valid,
        });
    }
    out
}

/// A run of digit groups that may be a phone number: "+1 306 555 0142", "(306) 555-0142",
/// "+44 (0)20 7946 0958", "1-800-555-0199", optionally with an extension.
static PHONE_CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?x)
        (?:(?P<plus>\+)\x20?(?P<cc>[0-9]{1,3})[\x20.\-\u{A0}]?)?
        (?P<paren>\(\s?[0-9]{1,5}\s?\)[\x20.\-\u{A0}]?)?
        (?P<groups>[0-9]{1,12}(?:(?:[\x20.\-\u{A0}]|\x20?[\-–]\x20?)[0-9]{1,6}){0,6})
        ",
    )
});

static EXTENSION: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^,?\s*(?:ext\.?|extn\.?|extension|x|\#)\s*[0-9]{1,6}\b"));

/// Words right before a number that say it is a phone number.
static PHONE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:\b(?:tel|telephone|phone|phoned|phones|ph|call|calls|calling|reach|reached|contact|contacted|ring|fax|facsimile|cell|cellphone|cellular|mobile|mob|direct|dial|text|sms|whatsapp|toll[\s-]free|hotline|helpline|line)\b[^0-9\n]{0,30}|\b[tfmcp]\s*[:.]\s*)$",
    )
});

/// Words right before a number that make it a reference, not a phone number.
static REFERENCE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:\b(?:no|nos|number|file|matter|ref|reference|invoice|account|acct|rule|rules|section|sections|s|ss|reg|regs|regulation|part|code|para|paragraph|clause|art|article|chapter|id|case|docket|claim|court|registration|licence|license|bn|gst|hst|pst|qst|vat|abn|acn|sin|ssn|ein|isbn|order|policy|form|schedule|item|page|pages|pp|vol|volume)\b\.?\s*(?:no\.?|number|\#)?\s*[:\#]?\s*|[§\#]\s*)$",
    )
});

/// A phone word right before a reference-looking label: "phone number:", "Tel. No.".
static PHONE_WORD_END: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:tel|telephone|phone|fax|facsimile|cell|cellphone|mobile|direct|toll[\s-]free)\.?\s*$",
    )
});

/// Splits the candidate's main run into digit groups and the separators between them.
fn groups_and_separators(run: &str) -> (Vec<&str>, Vec<&str>) {
    let mut groups = Vec::new();
    let mut seps = Vec::new();
    let mut start = 0;
    let mut in_digits = true;
    for (i, c) in run.char_indices() {
        let digit = c.is_ascii_digit();
        if digit != in_digits {
            if let Some(piece) = run.get(start..i) {
                if in_digits {
                    groups.push(piece);
                } else {
                    seps.push(piece);
                }
            }
            start = i;
            in_digits = digit;
        }
    }
    if let Some(piece) = run.get(start..) {
        if in_digits {
            groups.push(piece);
        } else {
            seps.push(piece);
        }
    }
    (groups, seps)
}

/// Is this sequence of digit groups a well-formed number of a known plan?
/// `country` is the code after a "+" ("1", "44"), `paren` the bracketed group ("306", "02",
/// "0") if any.
fn is_valid_number(country: Option<&str>, paren: Option<&str>, groups: &[&str]) -> bool {
    let plus = country.is_some();
    let mut lens: Vec<usize> = Vec::new();
    let mut digits = String::from(country.unwrap_or(""));
    if let Some(p) = paren {
        // "+44 (0)20 ..." writes the trunk 0 in brackets; it is not dialled from abroad.
        if !(plus && p == "0") {
            lens.push(p.len());
            digits.push_str(p);
        }
    }
    for g in groups {
        lens.push(g.len());
        digits.push_str(g);
    }
    let n = digits.len();
    if plus {
        if digits.starts_with('1') {
            return n == 11;
        }
        if let Some(national) = digits.strip_prefix("44") {
            // UK national numbers have 10 digits; a few old 01 areas have 9.
            return national.len() == 10 || (national.len() == 9 && national.starts_with('1'));
        }
        if digits.starts_with("61") {
            return n == 11;
        }
        return (8..=15).contains(&n);
    }
    let starts_zero = digits.starts_with('0');
    match n {
        // NANP local number: 555-0142.
        7 => lens == [3, 4],
        // Australian local number: 9876 5432.
        8 => lens == [4, 4],
        10 => {
            matches!(lens.as_slice(), [10] | [3, 3, 4])
                || (starts_zero
                    && matches!(
                        lens.as_slice(),
                        [2, 4, 4] | [4, 3, 3] | [4, 6] | [5, 5] | [3, 3, 4]
                    ))
                || ((digits.starts_with("13") || digits.starts_with("18"))
                    && matches!(lens.as_slice(), [4, 3, 3]))
        }
        11 => {
            (digits.starts_with('1') && matches!(lens.as_slice(), [1, 3, 3, 4] | [11] | [1, 10]))
                || (starts_zero
                    && matches!(
                        lens.as_slice(),
                        [11] | [3, 4, 4] | [5, 6] | [4, 3, 4] | [5, 3, 3] | [4, 7] | [3, 8]
                    ))
        }
        _ => false,
    }
}

/// A date written with separators: 2026-03-15, 15.03.2026, 1-2-2026.
fn is_date_shape(groups: &[&str], seps: &[&str]) -> bool {
    let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    let same_sep = seps.windows(2).all(|w| w.first() == w.get(1));
    same_sep
        && matches!(
            lens.as_slice(),
            [4, 1 | 2, 1 | 2] | [1 | 2, 1 | 2, 4] | [1 | 2, 1 | 2, 2]
        )
}

/// "2019-2024", "2019 2024": two years.
fn is_year_range(groups: &[&str]) -> bool {
    groups.len() == 2
        && groups
            .iter()
            .all(|g| g.len() == 4 && (g.starts_with("19") || g.starts_with("20")))
}

/// Close to a NANP number with a digit missing, extra or misplaced ("306-555-014",
/// "306-55-50142"): reported as malformed even without a label.
fn is_near_nanp(groups: &[&str], seps: &[&str]) -> bool {
    let hyphen_or_dot = seps.iter().all(|s| *s == "-" || *s == ".");
    let (groups, lens): (&[&str], Vec<usize>) = match groups {
        [one, rest @ ..] if *one == "1" && rest.len() == 3 => {
            (rest, rest.iter().map(|g| g.len()).collect())
        }
        _ => (groups, groups.iter().map(|g| g.len()).collect()),
    };
    let total: usize = lens.iter().sum();
    hyphen_or_dot
        && groups.len() == 3
        && matches!(lens.as_slice(), [3, 2..=4, 3..=5])
        && lens != [3, 2, 4]
        && (9..=11).contains(&total)
}

/// Finds phone numbers, sorted by start.
///
/// Well-formed numbers are reported when they carry a phone label ("tel", "phone", "call",
/// "fax", "cell", "mobile", "T:"), a "+" or a bracketed area code, or have the grouped shape
/// of a full number (10 or more digits in separated groups). Malformed numbers are reported
/// (`valid: false`) only when the context says they are phone numbers (label, "+", "(306)")
/// or they are one digit off a NANP number ("306-555-014"). Never reported: dates, year ranges,
/// money, percentages, times, numbers glued to letters (postal codes), section or rule
/// references ("s. 64(3)", "Rule 1902", "O. Reg. 563/20", "File No. 2024-0317").
pub fn find_phones(text: &str) -> Vec<Phone> {
    let mut out = Vec::new();
    for c in PHONE_CANDIDATE.captures_iter(text) {
        let (Some(whole), Some(run)) = (c.get(0), c.name("groups")) else {
            continue;
        };
        let start = whole.start();
        let prev = char_before(text, start);
        if prev.is_some_and(|p| p.is_alphanumeric() || "$£€¥₹/_@#:".contains(p))
            || (matches!(prev, Some('.' | ',' | '-'))
                && char_before(text, start - 1).is_some_and(|p| p.is_ascii_digit()))
        {
            continue;
        }
        let (mut groups, mut seps) = groups_and_separators(run.as_str());
        // Keep the separator style of the first gap: "306-555-0142 24" stops before " 24".
        if let Some(first) = seps.first().copied() {
            let keep = seps.iter().take_while(|s| **s == first).count();
            seps.truncate(keep);
            groups.truncate(keep + 1);
        }
        let country = c.name("cc").map(|m| m.as_str());
        let plus = country.is_some();
        let paren = c
            .name("paren")
            .map(|p| p.as_str().trim_matches(|ch: char| !ch.is_ascii_digit()));
        // The longest leading run of groups that forms a valid number, if any; dropping trailing
        // groups ("306-555-0142 24") must leave a full number, not a 7-digit local one.
        let valid_len = (1..=groups.len()).rev().find(|&k| {
            groups.get(..k).is_some_and(|g| {
                let digits = g.iter().map(|x| x.len()).sum::<usize>()
                    + paren.map_or(0, str::len)
                    + country.map_or(0, str::len);
                (k == groups.len() || digits >= 10) && is_valid_number(country, paren, g)
            })
        });
        let used = valid_len.unwrap_or(groups.len());
        let used_groups = groups.get(..used).unwrap_or(&[]);
        let used_seps = seps.get(..used.saturating_sub(1)).unwrap_or(&[]);
        let main_end = run.start()
            + used_groups.iter().map(|g| g.len()).sum::<usize>()
            + used_seps.iter().map(|s| s.len()).sum::<usize>();
        let tail = after(text, main_end);
        if tail.starts_with('%')
            || (tail.chars().next().is_some_and(char::is_alphanumeric) && !EXTENSION.is_match(tail))
            || ["/", ":", ",", ".", "("].iter().any(|p| {
                tail.starts_with(p) && tail.chars().nth(1).is_some_and(|d| d.is_ascii_digit())
            })
        {
            continue;
        }
        if !plus && paren.is_none() && (is_date_shape(&groups, &seps) || is_year_range(&groups)) {
            continue;
        }
        let window = before(text, start, 48);
        let reference = REFERENCE_LABEL
            .find(window)
            .is_some_and(|m| !PHONE_WORD_END.is_match(window.get(..m.start()).unwrap_or("")));
        if reference {
            continue;
        }
        let labelled = plus || paren.is_some_and(|p| p.len() >= 2) || PHONE_LABEL.is_match(window);
        let digit_count: usize =
            used_groups.iter().map(|g| g.len()).sum::<usize>() + paren.map_or(0, str::len);
        let report = match valid_len {
            Some(_) => labelled || (used_groups.len() >= 2 && digit_count >= 10),
            None => (labelled && digit_count >= 7) || is_near_nanp(&groups, &seps),
        };
        if !report {
            continue;
        }
        let end = main_end + EXTENSION.find(tail).map_or(0, |m| m.end());
        out.push(Phone {
            span: start..end,
            valid: valid_len.is_some(),
        });
    }
    // An extension can reach over the start of the next candidate.
    remove_overlaps(out, |p| p.span.clone())
}

#[cfg(test)]
mod literal_tests {
    use super::*;

    /// Every pattern literal of this module compiles (the `expect` in `extract::regex` is
    /// never reached).
    #[test]
    fn static_regexes_compile() {
        LazyLock::force(&EXTENSION);
        LazyLock::force(&PHONE_CANDIDATE);
        LazyLock::force(&PHONE_LABEL);
        LazyLock::force(&PHONE_WORD_END);
        LazyLock::force(&REFERENCE_LABEL);
    }
}

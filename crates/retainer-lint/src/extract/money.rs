//! Money amounts: a currency marker in front ("$350", "C$350", "USD 1,200.00", "£250") or behind
//! ("350 CAD", "5,000 dollars", "fifty dollars"), and bare amounts where the words around them
//! say they are money ("350 per hour", "a retainer of 3,000").

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::number::find_numbers;
use super::{after, before, regex, remove_overlaps};

/// A currency, as far as the letter's own marker says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Currency {
    /// US dollars: "US$", "USD", "U.S. dollars".
    Usd,
    /// Canadian dollars: "C$", "CA$", "CAD", "Canadian dollars".
    Cad,
    /// Pounds sterling: "£", "GBP", "pounds".
    Gbp,
    /// Euros: "€", "EUR", "euros".
    Eur,
    /// Australian dollars: "A$", "AUD".
    Aud,
    /// New Zealand dollars: "NZ$", "NZD".
    Nzd,
    /// A bare "$" or "dollars": some dollar, which one the letter does not say.
    Dollar,
    /// Another ISO 4217 currency ("CHF", "JPY", "HKD", ...), by code.
    Other(&'static str),
}

impl Currency {
    /// The ISO 4217 code ("USD", "CAD", ...); `"$"` for [`Currency::Dollar`].
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Cad => "CAD",
            Currency::Gbp => "GBP",
            Currency::Eur => "EUR",
            Currency::Aud => "AUD",
            Currency::Nzd => "NZD",
            Currency::Dollar => "$",
            Currency::Other(code) => code,
        }
    }

    fn from_code(code: &str) -> Option<Currency> {
        let upper = code.to_ascii_uppercase();
        Some(match upper.as_str() {
            "USD" => Currency::Usd,
            "CAD" => Currency::Cad,
            "GBP" => Currency::Gbp,
            "EUR" => Currency::Eur,
            "AUD" => Currency::Aud,
            "NZD" => Currency::Nzd,
            "CHF" => Currency::Other("CHF"),
            "JPY" => Currency::Other("JPY"),
            "HKD" => Currency::Other("HKD"),
            "SGD" => Currency::Other("SGD"),
            "INR" => Currency::Other("INR"),
            "ZAR" => Currency::Other("ZAR"),
            _ => return None,
        })
    }

    /// A symbol with its optional letter prefix: "$", "US$", "C$", "£", "€", ...
    fn from_symbol(symbol: &str) -> Currency {
        match symbol {
            "£" => return Currency::Gbp,
            "€" => return Currency::Eur,
            "¥" => return Currency::Other("JPY"),
            "₹" => return Currency::Other("INR"),
            _ => {}
        }
        let upper = symbol.to_ascii_uppercase();
        match upper.trim_end_matches('$') {
            "US" | "U.S." | "USD" => Currency::Usd,
            "C" | "CA" | "CAN" | "CDN" | "CAD" => Currency::Cad,
            "A" | "AU" | "AUD" => Currency::Aud,
            "NZ" | "NZD" => Currency::Nzd,
            "HK" => Currency::Other("HKD"),
            "S" | "SG" => Currency::Other("SGD"),
            _ => Currency::Dollar,
        }
    }

    /// The currency a word names: "Canadian dollars", "pounds sterling", "euros".
    fn from_word(word: &str, qualifier: Option<&str>) -> Currency {
        let word = word.to_ascii_lowercase();
        if word.starts_with("pound") || word.starts_with("sterling") || word == "quid" {
            return Currency::Gbp;
        }
        if word.starts_with("euro") {
            return Currency::Eur;
        }
        let q: String = qualifier
            .unwrap_or("")
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        match q.as_str() {
            "canadian" | "can" | "cdn" => Currency::Cad,
            "us" | "american" => Currency::Usd,
            "australian" | "aus" | "au" => Currency::Aud,
            "newzealand" => Currency::Nzd,
            "hongkong" => Currency::Other("HKD"),
            "singapore" => Currency::Other("SGD"),
            _ => Currency::Dollar,
        }
    }
}

/// A money amount.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// The amount with its currency markers ("C$350", "350 CAD", "fifty dollars").
    pub span: Range<usize>,
    /// The amount in units of the currency ("$1.2 million" = 1 200 000).
    pub amount: f64,
    /// The currency the marker names; `None` for a bare amount ("350 per hour").
    pub currency: Option<Currency>,
    /// The marker's byte range ("C$", "CAD", "dollars"); `None` for a bare amount, and for the
    /// second amount of a range that inherits the first one's currency ("$8,000 to 10,000").
    pub marker: Option<Range<usize>>,
}

/// A currency marker right before an amount (one space allowed).
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:(?P<sym>(?:\b(?:US|U\.S\.|USD|CAD|CA|CAN|CDN|C|AUD|AU|A|NZD|NZ|HK|SG|S))?\$|£|€|¥|₹)|\b(?P<code>USD|CAD|GBP|EUR|AUD|NZD|CHF|JPY|HKD|SGD|INR|ZAR))\s?$",
    )
});

/// A currency marker right after an amount.
static SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:\s?(?P<code>USD|CAD|GBP|EUR|AUD|NZD|CHF|JPY|HKD|SGD|INR|ZAR)\b|\s+(?P<word>(?:(?P<q>canadian|can\.|cdn|american|australian|aus\.|u\.s\.|us|new\s+zealand|hong\s+kong|singapore)\s+)?(?:dollars?|bucks)\b|pounds?(?:\s+sterling)?\b|sterling\b|euros?\b|quid\b))",
    )
});

/// "k", "m", "bn" glued to a marked amount ("$5k", "$2m").
static MULTIPLIER: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?P<m>k|mm|m|bn)\b"));

/// Words after a bare amount that make it an hourly rate.
static RATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\s*(?:/\s*(?:h|hr|hrs|hour)\b|per\s+(?:hour|hr)\b|an\s+hour\b|hourly(?:\s*[.,;:)]|\s*$))",
    )
});

/// Words after a bare amount that make it a price: "1,500 plus HST", "about 180, plus GST".
static TAX_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\s*,?\s*(?:plus|\+|excluding|exclusive of|inclusive of|including)\s+(?:HST|GST|PST|QST|VAT|sales tax|taxes)\b",
    )
});

/// Words before a bare amount that make it money ("a retainer of", "our hourly rate is"), on
/// the same line: a heading "RETAINER" followed by clause "4.1" is not an amount.
static MONEY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:retainer|deposit|fee|fees|rate|rates|price|cost|costs|charge|charges|charged|billed|priced|sum|amount|payment|balance|invoice|bill)\b(?:[^\S\n]*:(?:[^\S\n]+(?:approximately|about|around|roughly)\b)?)?(?:[^\S\n]+for[^\S\n]+(?:the[^\S\n]+|your[^\S\n]+|each[^\S\n]+)?(?:[\w-]+[^\S\n]+){0,2}[\w-]+[^\S\n]+(?:is|will[^\S\n]+be|would[^\S\n]+be))?(?:[^\S\n]+(?:of|is|are|will[^\S\n]+be|would[^\S\n]+be|was|at|set[^\S\n]+at|estimated[^\S\n]+at|expected[^\S\n]+to[^\S\n]+be|in[^\S\n]+the[^\S\n]+amount[^\S\n]+of|totall?ing|amounting[^\S\n]+to|equal[^\S\n]+to)){0,2}(?:[^\S\n]+(?:usually|typically|generally|normally|often))?(?:[^\S\n]+(?:approximately|about|around|roughly|only|just|up[^\S\n]+to|not[^\S\n]+exceeding|no[^\S\n]+more[^\S\n]+than|a[^\S\n]+flat|a[^\S\n]+fixed))?[^\S\n]*:?[^\S\n]*$",
    )
});

/// An estimate of fees or costs whose figure comes at the end of the sentence's first part:
/// "We estimate our fees through a ruling on the motion at 18,000", or straight after the
/// verb: "if we must start a claim, we estimate about 4,500 per arena".
static ESTIMATE_AT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\bestimat\w*\s+(?:our|the|your|total|its)\s+(?:\w+\s+)?(?:fees?|costs?|charges|bill)\b[^.;\n]{0,70}?\s(?:at|to\s+be|of)\s*$|\b(?:we|I)\s+(?:would\s+|now\s+)?estimate\s+(?:a\s+total\s+of\s+)?(?:about|approximately|around|roughly|some)\s*$",
    )
});

/// Words after a bare amount that make it something other than money (a street number too:
/// "Mr Daniel Price 17 Lindley Road" is no price).
static NOT_MONEY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\s*(?:%|percent\b|per\s*cent\b|pct\b|hours?\b|hrs?\b|h\b|minutes?\b|mins?\b|days?\b|business\b|working\b|calendar\b|weeks?\b|months?\b|years?\b|times\b|x\b|pages?\b|documents?\b|copies\b|items?\b|people\b|persons?\b|lawyers?\b|[-/.][0-9]|(?:\w+\s+){1,2}(?:road|street|avenue|lane|drive|crescent|boulevard|close)\b)",
    )
});

/// A part's name before a bare number: "the hourly rates in section 4, plus HST" names a
/// section, not an amount.
static PART_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:^|\W)(?:sections?|clauses?|paragraphs?|paras?|parts?|schedules?|items?|pages?|rules?|steps?|stages?|chapters?|articles?|annex(?:es)?|appendix|appendices|questions?|no|s|ss)\.?\s*$",
    )
});

/// A numbered document before a bare whole number: "Applications for Payment 9, 10 and 11",
/// "Invoice 1042" number the documents, not the money. Case-sensitive: the noun is capitalised
/// as a label is, except "invoice" and "statement", which number documents in lower case too
/// ("Sundial then issued invoice 2214"; an amount would follow "of", or have a separator).
static NUMBERED_DOCUMENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?-i:\b(?:Payment|Invoice|Bill|Account|Statement|Application|invoice|statement)\s+$)")
});

/// A range connector after a marked amount ("$8,000 to 10,000", "$8,000–10,000").
static RANGE_CONNECTOR: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*(?:-|–|—|to|and)\s*$"));

fn suffix_currency(c: &Captures<'_>) -> Option<(Currency, Range<usize>)> {
    if let Some(code) = c.name("code") {
        return Some((Currency::from_code(code.as_str())?, code.range()));
    }
    let word = c.name("word")?;
    let q = c.name("q");
    let unit = word
        .as_str()
        .get(q.map_or(0, |q| q.end() - word.start())..)?
        .trim();
    Some((
        Currency::from_word(unit, q.map(|q| q.as_str())),
        word.range(),
    ))
}

/// Finds money amounts, sorted by start.
///
/// A number in words is money only with a currency word or code after it ("fifty dollars").
/// A bare number in digits is money (with `currency: None`) only as an hourly rate
/// ("350 per hour", "250/h"), before a sales tax ("1,500 plus HST") or after a money noun
/// ("a retainer of 3,000", "fee: 2,500", "the fee is usually about 1,500").
/// Percentages, durations, section and rule numbers, years and dates are never money.
pub fn find_money(text: &str) -> Vec<Money> {
    let mut out: Vec<Money> = Vec::new();
    for n in find_numbers(text) {
        if n.pronoun || n.fraction_word {
            continue;
        }
        if out.last().is_some_and(|m| m.span.end > n.span.start) {
            continue;
        }
        let rest = after(text, n.span.end);
        let next = rest.chars().next();
        let suffix_possible = next.is_some_and(|c| c.is_whitespace() || c.is_ascii_alphabetic());
        let suffix = suffix_possible
            .then(|| SUFFIX.captures(rest))
            .flatten()
            .and_then(|c| {
                let (cur, r) = suffix_currency(&c)?;
                let shift = n.span.end;
                Some((cur, r.start + shift..r.end + shift, c.get(0)?.end() + shift))
            });
        let prefix = if n.in_words {
            None
        } else {
            let window = before(text, n.span.start, 16);
            let base = n.span.start - window.len();
            let marker_possible = window
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphabetic() || "$£€¥₹".contains(c));
            marker_possible
                .then(|| PREFIX.captures(window))
                .flatten()
                .and_then(|c| {
                    let (cur, r) = if let Some(sym) = c.name("sym") {
                        (Currency::from_symbol(sym.as_str()), sym.range())
                    } else {
                        let code = c.name("code")?;
                        (Currency::from_code(code.as_str())?, code.range())
                    };
                    Some((cur, r.start + base..r.end + base))
                })
        };
        let mut amount = n.value;
        let mut span = n.span.clone();
        let (currency, marker) = match (prefix, suffix) {
            (Some((pc, pr)), Some((sc, sr, send))) => {
                span = pr.start..send;
                if pc == Currency::Dollar || pc == sc {
                    (Some(sc), Some(sr))
                } else {
                    (Some(pc), Some(pr))
                }
            }
            (Some((pc, pr)), None) => {
                span.start = pr.start;
                if let Some(m) = MULTIPLIER.captures(rest).and_then(|c| c.name("m")) {
                    amount *= match m.as_str().to_ascii_lowercase().as_str() {
                        "k" => 1e3,
                        "bn" => 1e9,
                        _ => 1e6,
                    };
                    span.end += m.end();
                }
                (Some(pc), Some(pr))
            }
            (None, Some((sc, sr, send))) => {
                span.end = send;
                (Some(sc), Some(sr))
            }
            (None, None) => {
                if n.in_words
                    || NOT_MONEY_AFTER.is_match(rest)
                    || PART_BEFORE.is_match(before(text, n.span.start, 16))
                    || (NUMBERED_DOCUMENT_BEFORE.is_match(before(text, n.span.start, 16))
                        && text
                            .get(n.span.clone())
                            .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit())))
                {
                    continue;
                }
                let inherited = out.last().filter(|m| {
                    m.currency.is_some()
                        && text
                            .get(m.span.end..n.span.start)
                            .is_some_and(|gap| gap.len() <= 12 && RANGE_CONNECTOR.is_match(gap))
                });
                if let Some(first) = inherited {
                    (first.currency, None)
                } else if RATE_AFTER.is_match(rest)
                    || TAX_AFTER.is_match(rest)
                    || MONEY_BEFORE.is_match(before(text, n.span.start, 64))
                    || ESTIMATE_AT.is_match(before(text, n.span.start, 120))
                {
                    (None, None)
                } else {
                    continue;
                }
            }
        };
        out.push(Money {
            span,
            amount,
            currency,
            marker,
        });
    }
    // A prefix marker can reach back over the previous amount's suffix ("350 CAD$5").
    remove_overlaps(out, |m| m.span.clone())
}

#[cfg(test)]
mod literal_tests {
    use super::*;

    /// Every pattern literal of this module compiles (the `expect` in `extract::regex` is
    /// never reached).
    #[test]
    fn static_regexes_compile() {
        LazyLock::force(&ESTIMATE_AT);
        LazyLock::force(&MONEY_BEFORE);
        LazyLock::force(&MULTIPLIER);
        LazyLock::force(&NOT_MONEY_AFTER);
        LazyLock::force(&NUMBERED_DOCUMENT_BEFORE);
        LazyLock::force(&PART_BEFORE);
        LazyLock::force(&PREFIX);
        LazyLock::force(&RANGE_CONNECTOR);
        LazyLock::force(&RATE_AFTER);
        LazyLock::force(&SUFFIX);
        LazyLock::force(&TAX_AFTER);
    }
}

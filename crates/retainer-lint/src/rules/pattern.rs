//! Patterns: regexes with named fragments, compiled once per configuration into one
//! [`regex::RegexSet`] so a block is scanned in one pass whatever the number of rules.
//!
//! A *fragment* is a named piece of regex written `{name}` inside a pattern (`{money}`,
//! `{duration}`, `{role:assistant}`); packs add their own under `[fragments]`. Fragments may
//! use other fragments. `{2,}`-style quantifiers are left alone (they start with a digit).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// Number words, for "two business days", "forty-eight hours", "one hundred and fifty".
const NUMBER_WORD: &str = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";

/// The built-in fragments. Each is a regex source that may reference other fragments.
pub const BUILTIN_FRAGMENTS: &[(&str, &str)] = &[
    ("digits", r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"),
    (
        "number-words",
        // "forty-eight", "twenty four", "one hundred and fifty", "two thousand five hundred".
        "\\b(?:NW)(?:(?:[\\s-]+|\\s+and\\s+)(?:NW|hundred|thousand|million))*\\b",
    ),
    ("number", r"(?:{digits}|{number-words})"),
    (
        "fraction",
        r"(?:[½⅓⅔¼¾]|\b(?:one|two)[\s-](?:half|third|thirds|quarter|quarters)\b)",
    ),
    (
        "percent",
        r"(?:(?:{digits}\s*[½⅓⅔¼¾]?|{number-words})\s*(?:%|per\s?cent\b|percent\b)|\b(?:one|two)[\s-](?:half|third|thirds|quarter|quarters)\b)",
    ),
    (
        "currency-marker",
        r"(?:C\$|CA\$|CDN\$|US\$|A\$|AU\$|NZ\$|\$|£|€|\b(?:CAD|CDN|USD|AUD|NZD|GBP|EUR)\b)",
    ),
    (
        "money",
        r"(?:(?:C\$|CA\$|CDN\$|US\$|A\$|AU\$|NZ\$|\$|£|€|\b(?:CAD|CDN|USD|AUD|NZD|GBP|EUR)\s?\$?)\s?{digits}(?:\s?(?:k|million)\b)?|\b{digits}\s?(?:CAD|CDN|USD|AUD|NZD|GBP|EUR|dollars|pounds|euros)\b|{number-words}\s+(?:(?:Canadian|Australian|US|U\.S\.|American|New\s+Zealand)\s+)?(?:dollars|pounds(?:\s+sterling)?|euros)\b)",
    ),
    (
        "per-hour",
        r"(?:(?:per|an|each|a|every|/)\s?(?:hour|hr|h)\b|\bhourly\b|\bper\s+hour\b)",
    ),
    (
        "duration",
        r"(?:\b(?:{number}|an?)\s*(?:\(\d+\)\s*)?(?:full\s+)?(?:business|working|clear|calendar|office|court)?\s*(?:hours?|hrs?|days?|weeks?|months?)\b|\b(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:next\s+|following\s+|same\s+)?(?:business\s+|working\s+)?day\b|\b(?:the\s+)?(?:next|following|same)\s+(?:business\s+|working\s+)?day\b|\bsame[\s-]day\b|\b24/7\b)",
    ),
    (
        "email",
        r"(?:\b[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)",
    ),
    (
        "phone",
        r"(?:(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)\s?|\b\d{2,5}[\s.-])\d{2,4}[\s.-]?\d{2,5}\b|\b1-\d{3}-\d{3}-\d{4}\b)",
    ),
    ("contact", r"(?:{email}|{phone})"),
    (
        "name",
        // A capitalised personal name: "Priya Singh", "Maria de la Cruz", "J. R. Smith".
        r"(?-i:\b\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?(?:\s+\p{Lu}\.)?(?:\s+(?:de|da|van|von|der|la|le|di|du|del|bin|al)){0,2}\s+\p{Lu}[\p{L}'’]+(?:-\p{Lu}\p{Ll}+)?\b)",
    ),
    (
        "title-name",
        r"(?-i:\b(?:Mr|Ms|Mrs|Mx|Miss|Dr|Prof|Sir|Dame|Lady|Lord)\.?\s+[A-Z][a-zA-Z'’-]+)",
    ),
    (
        "role:assistant",
        r"(?:\b(?:legal\s+|personal\s+|executive\s+|administrative\s+|practice\s+)?(?:assistants?|paralegals?|law\s+clerks?|clerks?|legal\s+secretar(?:y|ies)|secretar(?:y|ies)|legal\s+administrators?|support\s+staff|legal\s+executives?|case\s+(?:manager|coordinator)s?|trainee(?:\s+solicitor)?s?)\b)",
    ),
    (
        "role:lawyer",
        r"(?:\b(?:lawyers?|solicitors?|barristers?|attorneys?|counsel|partners?|associates?|advocates?)\b)",
    ),
    (
        "we",
        r"(?:\b(?:we|us|our|I|me|my|the\s+firm|this\s+firm|this\s+office|the\s+lawyer|your\s+lawyer)\b)",
    ),
    (
        "reply",
        r"(?:\b(?:respon(?:d|ds|ded|ding|se|ses)|repl(?:y|ies|ied|ying)|answer(?:s|ed|ing)?|acknowledg\w*|return(?:s|ed|ing)?\s+(?:(?:your|all|any|client|phone|telephone|every|each|the|my|our|missed|their)\s+)*(?:calls?|messages?|e-?mails?|voicemails?)|get\s+back\s+to\s+you|revert|come\s+back\s+to\s+you|hear\s+(?:back\s+)?from\s+(?:us|me))\b)",
    ),
    (
        "message",
        r"(?:\b(?:calls?|phone\s+calls?|telephone\s+calls?|voicemails?|voice\s+mails?|messages?|e-?mails?|enquir(?:y|ies)|inquir(?:y|ies)|questions?|correspondence|letters?|texts?)\b)",
    ),
];

/// A pattern that failed to compile: the author's source, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// The pattern as written in the pack.
    pub pattern: String,
    /// What is wrong with it.
    pub reason: String,
}

/// Fragments available to one pack: the built-ins plus the pack's own (which may shadow
/// built-ins).
#[derive(Debug, Clone, Default)]
pub struct Fragments {
    own: BTreeMap<String, String>,
}

impl Fragments {
    /// The built-ins plus `own`.
    pub fn new(own: BTreeMap<String, String>) -> Self {
        Fragments { own }
    }

    fn get(&self, name: &str) -> Option<String> {
        if let Some(s) = self.own.get(name) {
            return Some(s.clone());
        }
        if name == "number-words" {
            return Some(
                BUILTIN_FRAGMENTS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, s)| s.replace("NW", NUMBER_WORD))
                    .unwrap_or_default(),
            );
        }
        BUILTIN_FRAGMENTS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| (*s).to_string())
    }

    /// Expand every `{name}` in `pattern`.
    pub fn expand(&self, pattern: &str) -> Result<String, PatternError> {
        self.expand_depth(pattern, 0)
            .map_err(|reason| PatternError {
                pattern: pattern.to_string(),
                reason,
            })
    }

    fn expand_depth(&self, pattern: &str, depth: usize) -> Result<String, String> {
        if depth > 16 {
            return Err("fragments refer to each other in a cycle".to_string());
        }
        let mut out = String::with_capacity(pattern.len());
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            let escaped = rest[..open].ends_with('\\') && !rest[..open].ends_with("\\\\");
            let after = &rest[open + 1..];
            let name_len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ':'))
                .unwrap_or(after.len());
            let name = &after[..name_len];
            let is_ref = !escaped
                && after[name_len..].starts_with('}')
                && name.starts_with(|c: char| c.is_ascii_lowercase());
            if is_ref {
                let body = self
                    .get(name)
                    .ok_or_else(|| format!("unknown fragment `{{{name}}}`"))?;
                out.push_str(&rest[..open]);
                out.push_str("(?:");
                out.push_str(&self.expand_depth(&body, depth + 1)?);
                out.push(')');
                rest = &after[name_len + 1..];
            } else {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// Index of a compiled pattern in a [`PatternSet`].
pub type PatternId = usize;

/// Collects patterns (deduplicated by their expanded source) and compiles them together.
#[derive(Debug, Default)]
pub struct PatternSetBuilder {
    sources: Vec<String>,
    by_source: HashMap<String, PatternId>,
}

/// Rewrite `\b`, `\w`, `\d` and their negations (outside character classes) as their ASCII
/// forms. A Unicode word boundary makes the regex crate's lazy DFA give up at the first
/// non-ASCII character (a curly quote, "£", "€") and fall back to a far slower engine, and
/// case-folding the Unicode `\w` class dominated compiling a configuration.
fn ascii_word_boundaries(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 16);
    let mut chars = source.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(b @ ('b' | 'B' | 'w' | 'W' | 'd' | 'D')) if !in_class => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` or `^]` right after the opening bracket is a literal.
                let rest = chars.as_str();
                for lit in ["^]", "]", "^"] {
                    if let Some(after) = rest.strip_prefix(lit) {
                        out.push_str(lit);
                        chars = after.chars();
                        break;
                    }
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn builder(source: &str) -> RegexBuilder {
    let mut b = RegexBuilder::new(source);
    b.case_insensitive(true)
        .size_limit(64 << 20)
        .dfa_size_limit(64 << 20);
    b
}

impl PatternSetBuilder {
    /// Add a pattern written in a pack (fragments expanded with `fragments`).
    pub fn add(&mut self, pattern: &str, fragments: &Fragments) -> Result<PatternId, PatternError> {
        let expanded = ascii_word_boundaries(&fragments.expand(pattern)?);
        if let Some(&id) = self.by_source.get(&expanded) {
            return Ok(id);
        }
        // Syntax is checked here (cheaply) so the error names the pattern as written; the
        // pattern is compiled once, in the set, and on its own only when a block matches it.
        // Case folding is the costly part of translation and cannot change syntax or emptiness.
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&expanded)
            .map_err(|e| PatternError {
                pattern: pattern.to_string(),
                reason: syntax_reason(&e),
            })?;
        if hir.properties().minimum_len() == Some(0) {
            return Err(PatternError {
                pattern: pattern.to_string(),
                reason: "the pattern matches empty text, so it would match everywhere".to_string(),
            });
        }
        let id = self.sources.len();
        self.by_source.insert(expanded.clone(), id);
        self.sources.push(expanded);
        Ok(id)
    }

    /// Compile all patterns into one set.
    pub fn build(self) -> Result<PatternSet, PatternError> {
        let set = RegexSetBuilder::new(&self.sources)
            .case_insensitive(true)
            .size_limit(512 << 20)
            .dfa_size_limit(64 << 20)
            .build()
            .map_err(|e| PatternError {
                pattern: String::new(),
                reason: regex_reason(&e),
            })?;
        let regexes = self.sources.iter().map(|_| OnceLock::new()).collect();
        Ok(PatternSet {
            set,
            sources: self.sources,
            regexes,
        })
    }
}

fn syntax_reason(e: &regex_syntax::Error) -> String {
    let full = e.to_string();
    full.lines()
        .filter(|l| l.starts_with("error:"))
        .map(|l| l.trim_start_matches("error:").trim().to_string())
        .next()
        .unwrap_or(full)
}

fn regex_reason(e: &regex::Error) -> String {
    match e {
        regex::Error::Syntax(s) => s
            .lines()
            .filter(|l| l.starts_with("error:"))
            .map(|l| l.trim_start_matches("error:").trim().to_string())
            .next()
            .unwrap_or_else(|| s.clone()),
        regex::Error::CompiledTooBig(n) => {
            format!("the pattern is too large once compiled (over {n} bytes)")
        }
        other => other.to_string(),
    }
}

/// All patterns of a configuration, compiled once.
#[derive(Debug, Clone)]
pub struct PatternSet {
    set: RegexSet,
    sources: Vec<String>,
    /// Each pattern on its own, compiled the first time a block matches it.
    regexes: Vec<OnceLock<Option<Regex>>>,
}

impl PatternSet {
    /// Which patterns match somewhere in `text`: one pass over the text.
    pub fn scan(&self, text: &str) -> Vec<bool> {
        let mut hits = vec![false; self.regexes.len()];
        for i in self.set.matches(text).iter() {
            if let Some(h) = hits.get_mut(i) {
                *h = true;
            }
        }
        hits
    }

    /// All matches of one pattern in `text`.
    pub fn find_all(&self, id: PatternId, text: &str) -> Vec<Range<usize>> {
        let regex = self.regexes.get(id).and_then(|cell| {
            cell.get_or_init(|| builder(self.sources.get(id)?).build().ok())
                .as_ref()
        });
        match regex {
            Some(re) => re
                .find_iter(text)
                .map(|m| m.range())
                .filter(|r| !r.is_empty())
                .collect(),
            None => Vec::new(),
        }
    }

    /// A set with no patterns.
    pub fn empty() -> Self {
        PatternSet {
            set: RegexSet::empty(),
            sources: Vec::new(),
            regexes: Vec::new(),
        }
    }

    /// Number of distinct patterns.
    pub fn len(&self) -> usize {
        self.regexes.len()
    }

    /// True when there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.regexes.is_empty()
    }
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "no", "nos", "e.g", "i.e", "eg", "ie", "etc",
    "inc", "ltd", "corp", "co", "llp", "p.c", "a.m", "p.m", "am", "pm", "vs", "v", "s", "ss",
    "para", "art", "reg", "sec", "approx", "jr", "sr", "u.s", "fig", "cf", "ext", "tel", "hon",
    "rev", "q.c", "k.c", "esq", "dept", "est", "incl", "excl", "max", "min", "govt",
];

/// Split plain text into sentences (byte ranges). Full stops after abbreviations, initials,
/// and inside numbers ("1.5", "s. 64(3)") do not end a sentence.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // End of sentence: the terminator (and closing quotes/brackets) then whitespace.
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            let at_space = j >= bytes.len() || bytes[j].is_ascii_whitespace();
            let mut is_end = at_space;
            if is_end && b == b'.' {
                // Past the separator's own width: a no-break space is two bytes.
                let word_start = text[..i]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
                    .map_or(0, |(p, c)| p + c.len_utf8());
                let word = text[word_start..i].to_ascii_lowercase();
                let initial = word.len() == 1 && word.chars().all(|c| c.is_alphabetic());
                if initial || ABBREVIATIONS.contains(&word.as_str()) {
                    is_end = false;
                }
                // A lower-case word after the stop continues the sentence ("approx. two").
                let next = text[j..].trim_start().chars().next();
                if next.is_some_and(|c| c.is_lowercase()) {
                    is_end = false;
                }
            }
            if is_end {
                push_trimmed(text, start..j, &mut out);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(s) = text.get(r.clone()) else { return };
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if r.start + lead < r.end - trail {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, text: &str) -> bool {
        let mut b = PatternSetBuilder::default();
        let id = b.add(pattern, &Fragments::default()).unwrap();
        let set = b.build().unwrap();
        !set.find_all(id, text).is_empty()
    }

    /// Regression: a full stop after a word preceded by a no-break space (a German footnote in
    /// the shared DOCX corpus) sliced inside the two-byte space and panicked.
    #[test]
    fn sentences_survive_multibyte_whitespace_before_a_full_stop() {
        for text in [
            "hier S.\u{a0}100-101. Next sentence.",
            "see u.\u{a0}a. Dries",
            "x\u{3000}y. Z",
            "\u{2003}. A",
        ] {
            let spans = sentences(text);
            assert!(!spans.is_empty(), "{text:?}");
            for r in spans {
                assert!(text.get(r.clone()).is_some(), "{text:?} {r:?}");
            }
        }
        assert_eq!(sentences("Ms.\u{a0}Doe. We bill monthly.").len(), 2);
    }

    proptest::proptest! {
        /// Sentence splitting is total: any text, every span on character boundaries.
        #[test]
        fn sentences_are_total(text in "[a-zA-Z .!?\"()\u{a0}\u{2003}’é]{0,80}") {
            for r in sentences(&text) {
                proptest::prop_assert!(text.get(r).is_some());
            }
        }
    }

    #[test]
    fn word_classes_become_ascii_outside_character_classes() {
        assert_eq!(ascii_word_boundaries(r"\bfee\b"), r"(?-u:\b)fee(?-u:\b)");
        assert_eq!(ascii_word_boundaries(r"[\w-]+\d"), r"[\w-]+(?-u:\d)");
        assert_eq!(ascii_word_boundaries(r"[]\b]\\b"), r"[]\b]\\b");
        assert!(matches(r"\bpromptly\b", "we will reply “promptly”."));
    }

    #[test]
    fn fragments_recognise_many_phrasings() {
        for t in [
            "$350",
            "C$350",
            "CAD 380",
            "350 CAD",
            "USD 1,200.00",
            "£250",
            "two thousand dollars",
        ] {
            assert!(matches("{money}", t), "{t}");
        }
        for t in [
            "2 business days",
            "two working days",
            "forty-eight hours",
            "twenty four hours",
            "the end of the next business day",
            "next business day",
            "one (1) business day",
            "an hour",
        ] {
            assert!(matches("^{duration}$", t), "{t}");
        }
        for t in ["33%", "33⅓%", "25 per cent", "one-third", "twenty percent"] {
            assert!(matches("{percent}", t), "{t}");
        }
        assert!(matches("{name}", "Priya Singh"));
        assert!(!matches("^{name}$", "priya singh"));
        assert!(matches("{role:assistant}", "my legal assistant"));
        assert!(matches("{phone}", "(306) 555-0142"));
        assert!(matches("{phone}", "+44 20 7946 0958"));
        assert!(matches("_{4,}", "sign ____ here"));
    }

    #[test]
    fn unknown_fragment_and_bad_regex_are_errors() {
        let mut b = PatternSetBuilder::default();
        let e = b.add("{nope}", &Fragments::default()).unwrap_err();
        assert!(
            e.reason.contains("unknown fragment `{nope}`"),
            "{}",
            e.reason
        );
        let e = b.add("(unclosed", &Fragments::default()).unwrap_err();
        assert!(e.reason.contains("unclosed"), "{}", e.reason);
        let e = b.add("x*", &Fragments::default()).unwrap_err();
        assert!(e.reason.contains("empty"), "{}", e.reason);
    }

    #[test]
    fn sentences_skip_abbreviations_and_decimals() {
        let t = "Dear Ms. Doe, we bill 1.5 hours. Call Dr. J. Smith at 4 p.m. today! Thanks";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            vec![
                "Dear Ms. Doe, we bill 1.5 hours.",
                "Call Dr. J. Smith at 4 p.m. today!",
                "Thanks"
            ]
        );
    }
}

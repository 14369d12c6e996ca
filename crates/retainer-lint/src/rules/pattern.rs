//! Patterns: regexes with named fragments, indexed once per configuration by the literals
//! their matches must contain, so a block is scanned in one pass whatever the number of rules.
//!
//! A *fragment* is a named piece of regex written `{name}` inside a pattern (`{money}`,
//! `{duration}`, `{role:assistant}`); packs add their own under `[fragments]`. Fragments may
//! use other fragments. `{2,}`-style quantifiers are left alone (they start with a digit).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use std::sync::{Mutex, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use regex_automata::meta::{self, Regex};
use regex_automata::util::iter::Searcher;
use regex_automata::util::syntax;
use regex_automata::Input;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

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
        r"(?:(?:{digits}(?:[\s-]+[1-3]/[2-4])?\s*[½⅓⅔¼¾]?|{number-words})\s*(?:%|per\s?cent\b|percent\b)|\b(?:one|two)[\s-](?:half|third|thirds|quarter|quarters)\b)",
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
        r"(?:\b(?:{number}|an?)\s*(?:\(\d+\)\s*)?(?:full\s+)?(?:business|working|clear|calendar|office|court)?\s*(?:hours?|hrs?|days?|weeks?|months?)\b|\b(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:next\s+|following\s+|same\s+)?(?:business\s+|working\s+)?day\b|\b(?:the\s+)?(?:next|following|same)\s+(?:business\s+|working\s+)?day\b|\b(?:the\s+)?(?:close|end)\s+of\s+business(?:\s+(?:on\s+)?(?:the\s+)?(?:next|following|same)\s+(?:business\s+|working\s+)?day)?|\bsame[\s-]day\b|\b24/7\b)",
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
        r"(?-i:\b(?:Mr|Ms|Mrs|Mx|Miss|Dr|Prof|Sir|Dame|Lady|Lord)\.?\s+\p{Lu}[\p{L}'’-]+)",
    ),
    (
        "role:assistant",
        r"(?:\b(?:legal\s+|personal\s+|executive\s+|administrative\s+|practice\s+)?(?:assistants?|paralegals?|law\s+clerks?|clerks?|legal\s+secretar(?:y|ies)|secretar(?:y|ies)|legal\s+administrators?|support\s+staff|legal\s+executives?|case\s+(?:manager|coordinator|handler)s?|(?:closing|legal|file|matter|transaction|litigation|practice)\s+(?:coordinator|administrator)s?|trainee(?:\s+solicitor)?s?|law\s+graduates?|legal\s+support|client\s+(?:care|services)\s+(?:coordinator|officer|manager)s?|office\s+managers?|receptionists?)\b)",
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
        r"(?:\b(?:respon(?:d|ds|ded|ding|se|ses)|repl(?:y|ies|ied|ying)|answer(?:s|ed|ing)?|acknowledg\w*|return(?:s|ed|ing)?\s+(?:(?:your|all|any|client|phone|telephone|every|each|the|my|our|missed|their|non-urgent|urgent|routine|other|later|weekend|after-hours)\s+)*(?:calls?|messages?|e-?mails?|voicemails?)|(?:calls?|messages?|e-?mails?|voicemails?)\s+(?:\w+\s+){0,3}?(?:are|is|will\s+be|get|gets)\s+returned|(?:calls?|messages?|e-?mails?|voicemails?)\s+(?:\w+\s+){0,2}?(?:we|I)\s+(?:will\s+|shall\s+|always\s+|usually\s+|normally\s+)?(?:return|answer)\b|confirm(?:s|ed|ing)?\s+(?:receipt|that\s+(?:we|I)\s+(?:have\s+)?received)|get\s+back\s+to\s+you|revert|come\s+back\s+to\s+you|hear\s+(?:back\s+)?from\s+(?:us|me))\b)",
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
    /// For each pattern, literals one of which every match contains (see [`anchor_literals`]);
    /// `None` when no useful set exists and the pattern is tried on every block.
    anchors: Vec<Option<Vec<Vec<u8>>>>,
    /// Patterns compiled while building (those of firm packs, so that an over-large pattern is
    /// an error at load time).
    compiled: Vec<Option<Regex>>,
    by_source: HashMap<String, PatternId>,
}

/// Rewrite `\b`, `\w`, `\d` and their negations as their ASCII forms (inside a character
/// class, `\w` and `\d` become `[:word:]` and `[:digit:]`). A Unicode word boundary makes the
/// regex crate's lazy DFA give up at the first non-ASCII character (a curly quote, "£", "€")
/// and fall back to a far slower engine; case-folding the Unicode `\w` class dominated
/// compiling a configuration; and each Unicode `\w` left inside a class (`[\w&-]`, eight
/// times over in one fragment) added hundreds of automaton states, which made the compiled
/// patterns and their search caches more than twice their size (BENCHMARKS.md). Names keep
/// their accents through the explicit `\p{L}` classes of the `{name}` fragments.
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
                Some('w') => out.push_str("[:word:]"),
                Some('d') => out.push_str("[:digit:]"),
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

/// Compile one pattern. The regex's own literal prefilters are turned off: a pattern only
/// runs on a block where the anchor index has already found one of its literals, so they
/// would rarely skip anything, and extracting literals from case-folded alternations (for
/// the prefix, suffix and inner prefilters) was half the cost of compiling a pattern, itself
/// most of the cost of linting one letter in a fresh process (BENCHMARKS.md).
fn compile_regex(source: &str) -> Result<Regex, Box<meta::BuildError>> {
    Regex::builder()
        .syntax(syntax::Config::new().case_insensitive(true))
        .configure(
            Regex::config()
                .auto_prefilter(false)
                .nfa_size_limit(Some(64 << 20))
                .hybrid_cache_capacity(8 << 20),
        )
        .build(source)
        .map_err(Box::new)
}

/// Most literals one pattern may be indexed under.
const MAX_ANCHORS: usize = 128;

/// Literals one of which occurs in every match of the pattern, written as they must appear in
/// ASCII-case-insensitive text; `None` when the pattern has no short list of literals rare
/// enough to be worth looking for (it is then tried on every block).
///
/// `hir` is parsed case-sensitively (inline `(?i)`/`(?-i)` flags aside), so a literal is one
/// spelling of what the case-insensitive pattern matches; looking for it ASCII-case-
/// insensitively finds every spelling except those whose case variants are not ASCII. Such
/// letters are cut out here (a literal keeps its longest run without them: "é" also matches
/// "É"), and the only ASCII letters with non-ASCII variants (k: KELVIN SIGN, s: LONG S) make
/// [`PatternSet::candidates`] try every pattern on a block that contains them.
///
/// The set is taken from the most selective place in the pattern: its prefixes or suffixes
/// (regex-syntax's extractor), or, inside a concatenation, any one part every match must
/// contain, recursively ("not … {0,3} … (charg|offer|act)" is indexed under "charg", "offer",
/// "act").
fn anchor_literals(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    // The extractor (cross products of prefixes) runs once, on the whole pattern; the
    // structural walk finds literals inside it.
    let mut set = extracted(hir)
        .into_iter()
        .chain(required_literals(hir))
        .max_by_key(|set| selectivity(set))?;
    set.sort();
    set.dedup();
    Some(set)
}

/// Literals one of which every match contains, from the pattern's structure.
fn required_literals(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(lit) => useful_set(&[&lit.0]),
        HirKind::Capture(c) => required_literals(&c.sub),
        HirKind::Repetition(r) if r.min > 0 => required_literals(&r.sub),
        HirKind::Alternation(alternatives) => {
            let mut union = Vec::new();
            for alternative in alternatives {
                union.extend(required_literals(alternative)?);
                if union.len() > MAX_ANCHORS {
                    return None;
                }
            }
            Some(union)
        }
        HirKind::Concat(parts) => parts
            .iter()
            .filter_map(required_literals)
            .max_by_key(|set| selectivity(set)),
        _ => None,
    }
}

/// The pattern's prefix and suffix literal sets, where they are usable.
fn extracted(hir: &Hir) -> Vec<Vec<Vec<u8>>> {
    [ExtractKind::Prefix, ExtractKind::Suffix]
        .into_iter()
        .filter_map(|kind| {
            let seq = Extractor::new()
                .kind(kind)
                .limit_total(MAX_ANCHORS)
                .limit_literal_len(24)
                .extract(hir);
            let literals: Vec<&[u8]> = seq.literals()?.iter().map(|l| l.as_bytes()).collect();
            useful_set(&literals)
        })
        .collect()
}

/// Bytes rare enough in prose that a short literal containing one is still selective.
fn is_rare_byte(b: u8) -> bool {
    matches!(
        b,
        b'[' | b']'
            | b'{'
            | b'}'
            | b'<'
            | b'>'
            | b'$'
            | b'%'
            | b'@'
            | b'#'
            | b'_'
            | b'|'
            | b'~'
            | b'*'
            | b'\\'
            | b'^'
            | b'='
            | b'+'
    ) || b >= 0x80
}

/// How selective a literal is: its length, more when it holds a rare byte (capped: past a
/// few bytes any literal is rare enough).
fn literal_selectivity(literal: &[u8]) -> usize {
    let rare = if literal.iter().any(|&b| is_rare_byte(b)) {
        3
    } else {
        0
    };
    (literal.len() + rare).min(6)
}

/// A set is as selective as its least selective literal; fewer literals break ties.
fn selectivity(set: &[Vec<u8>]) -> (usize, std::cmp::Reverse<usize>) {
    let least = set
        .iter()
        .map(|l| literal_selectivity(l))
        .min()
        .unwrap_or(0);
    (least, std::cmp::Reverse(set.len()))
}

/// Literals cleaned for ASCII-case-insensitive search, or `None` when one is too short to be
/// selective (under three bytes with no rare byte) or there are too many.
fn useful_set(literals: &[&[u8]]) -> Option<Vec<Vec<u8>>> {
    if literals.is_empty() || literals.len() > MAX_ANCHORS {
        return None;
    }
    literals
        .iter()
        .map(|l| {
            let mut clean = ascii_case_safe(l);
            clean.make_ascii_lowercase();
            (literal_selectivity(&clean) >= 3).then_some(clean)
        })
        .collect()
}

/// The longest run of whole characters in `bytes` that ASCII-case-insensitive search finds in
/// every case spelling: no letter whose case variants are not ASCII, no broken UTF-8.
fn ascii_case_safe(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    text.split(|c: char| c == char::REPLACEMENT_CHARACTER || (!c.is_ascii() && c.is_alphabetic()))
        .max_by_key(|run| run.len())
        .unwrap_or("")
        .as_bytes()
        .to_vec()
}

impl PatternSetBuilder {
    /// Add a pattern written in a pack (fragments expanded with `fragments`). With `compile`,
    /// the pattern is compiled now, so that a pattern too large to compile is an error here
    /// (firm packs); built-in patterns are compiled the first time a letter needs them.
    pub fn add(
        &mut self,
        pattern: &str,
        fragments: &Fragments,
        compile: bool,
    ) -> Result<PatternId, PatternError> {
        let expanded = ascii_word_boundaries(&fragments.expand(pattern)?);
        if let Some(&id) = self.by_source.get(&expanded) {
            if compile {
                self.compile(id, pattern)?;
            }
            return Ok(id);
        }
        // Syntax is checked here (cheaply) so the error names the pattern as written. Case
        // folding is the costly part of translation and cannot change syntax, emptiness or
        // (with ASCII-case-insensitive search) the anchor literals, so it is left out.
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
        self.anchors.push(anchor_literals(&hir));
        self.compiled.push(None);
        if compile {
            self.compile(id, pattern)?;
        }
        Ok(id)
    }

    fn compile(&mut self, id: PatternId, pattern: &str) -> Result<(), PatternError> {
        let (Some(source), Some(slot)) = (self.sources.get(id), self.compiled.get_mut(id)) else {
            return Ok(());
        };
        if slot.is_none() {
            let regex = compile_regex(source).map_err(|e| PatternError {
                pattern: pattern.to_string(),
                reason: regex_reason(&e),
            })?;
            *slot = Some(regex);
        }
        Ok(())
    }

    /// Index every pattern's anchor literals in one automaton.
    pub fn build(self) -> Result<PatternSet, PatternError> {
        let count = self.sources.len();
        let mut literal_ids: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<PatternId>> = Vec::new();
        let mut unanchored = PatternBits::new(count);
        for (id, anchors) in self.anchors.into_iter().enumerate() {
            let Some(anchors) = anchors else {
                unanchored.insert(id);
                continue;
            };
            for literal in anchors {
                let next = literals.len();
                let l = *literal_ids.entry(literal.clone()).or_insert(next);
                if l == next {
                    literals.push(literal);
                    owners.push(Vec::new());
                }
                if let Some(o) = owners.get_mut(l) {
                    o.push(id);
                }
            }
        }
        let anchors = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&literals)
            .map_err(|e| PatternError {
                pattern: String::new(),
                reason: e.to_string(),
            })?;
        let regexes = self
            .compiled
            .into_iter()
            .map(|r| {
                let cell = OnceLock::new();
                if let Some(r) = r {
                    let _ = cell.set(Some(Compiled::new(r)));
                }
                cell
            })
            .collect();
        Ok(PatternSet {
            anchors,
            owners,
            unanchored,
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

fn regex_reason(e: &meta::BuildError) -> String {
    if let Some(s) = e.syntax_error() {
        return syntax_reason(s);
    }
    if let Some(n) = e.size_limit() {
        return format!("the pattern is too large once compiled (over {n} bytes)");
    }
    e.to_string()
}

/// A set of pattern ids, one bit each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternBits {
    words: Vec<u64>,
}

impl PatternBits {
    /// No pattern, room for `count`.
    pub fn new(count: usize) -> Self {
        PatternBits {
            words: vec![0; count.div_ceil(64)],
        }
    }

    /// Every pattern of `count`.
    pub fn all(count: usize) -> Self {
        let mut bits = PatternBits::new(count);
        for id in 0..count {
            bits.insert(id);
        }
        bits
    }

    /// Add `id`.
    pub fn insert(&mut self, id: PatternId) {
        if let Some(w) = self.words.get_mut(id / 64) {
            *w |= 1 << (id % 64);
        }
    }

    /// True when `id` is in the set.
    pub fn contains(&self, id: PatternId) -> bool {
        self.words
            .get(id / 64)
            .is_some_and(|w| w & (1 << (id % 64)) != 0)
    }

    /// The ids in the set, ascending.
    pub fn iter(&self) -> impl Iterator<Item = PatternId> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &w)| {
            (0..64)
                .filter(move |b| w & (1 << b) != 0)
                .map(move |b| i * 64 + b)
        })
    }
}

/// All patterns of a configuration: an index of the literals their matches must contain, and
/// each pattern compiled on its own the first time a block might match it.
///
/// One pass of an Aho-Corasick automaton over a block names the *candidate* patterns (those
/// whose anchor literal occurs); only candidates are run, each a small regex with a small,
/// quickly warm DFA. This replaced one `RegexSet` of every pattern, whose lazy DFA was rebuilt
/// for nearly every block and which took most of a run's start-up to compile.
#[derive(Debug, Clone)]
pub struct PatternSet {
    anchors: AhoCorasick,
    /// For each anchor literal, the patterns it anchors.
    owners: Vec<Vec<PatternId>>,
    /// Patterns with no anchor literals: candidates in every block.
    unanchored: PatternBits,
    sources: Vec<String>,
    regexes: Vec<OnceLock<Option<Compiled>>>,
}

/// One compiled pattern and the search cache its threads share.
///
/// A search needs a mutable cache (the lazy DFA's states, the NFA simulation's sets). The
/// regex's own pool keeps one per thread that has used it, which with ~550 patterns cost about
/// 37 MiB per thread (BENCHMARKS.md). Here a thread takes the one spare cache for the length
/// of a search and puts it back: two threads need two caches only while both run the same
/// pattern at the same moment, and the extra one is then dropped.
#[derive(Debug)]
struct Compiled {
    regex: Regex,
    spare: Mutex<Option<Box<meta::Cache>>>,
}

impl Compiled {
    fn new(regex: Regex) -> Self {
        Compiled {
            regex,
            spare: Mutex::new(None),
        }
    }

    /// Run `search` with a cache: the spare one when no other thread holds it, else a new one.
    fn with_cache<T>(&self, search: impl FnOnce(&Regex, &mut meta::Cache) -> T) -> T {
        let taken = self.spare.lock().ok().and_then(|mut spare| spare.take());
        let mut cache = taken.unwrap_or_else(|| Box::new(self.regex.create_cache()));
        let found = search(&self.regex, &mut cache);
        if let Ok(mut spare) = self.spare.lock() {
            // Of two caches, keep the one that has learnt more.
            let keep = match spare.take() {
                Some(other) if other.memory_usage() > cache.memory_usage() => other,
                _ => cache,
            };
            *spare = Some(keep);
        }
        found
    }
}

impl Clone for Compiled {
    /// The regex, without the cache: a clone may run on other threads.
    fn clone(&self) -> Self {
        Compiled::new(self.regex.clone())
    }
}

impl PatternSet {
    /// The patterns that may match somewhere in `text` (a superset of those that do): one
    /// pass over the text.
    pub fn candidates(&self, text: &str) -> PatternBits {
        // KELVIN SIGN and LONG S fold to ASCII "k" and "s": literal search cannot see them.
        if text.contains(['\u{212A}', '\u{17F}']) {
            return PatternBits::all(self.len());
        }
        let mut bits = self.unanchored.clone();
        let mut seen = vec![false; self.owners.len()];
        for m in self.anchors.find_overlapping_iter(text) {
            let l = m.pattern().as_usize();
            if let Some(s) = seen.get_mut(l) {
                if !*s {
                    *s = true;
                    for &id in self.owners.get(l).map_or(&[][..], Vec::as_slice) {
                        bits.insert(id);
                    }
                }
            }
        }
        bits
    }

    fn compiled(&self, id: PatternId) -> Option<&Compiled> {
        self.regexes.get(id).and_then(|cell| {
            cell.get_or_init(|| compile_regex(self.sources.get(id)?).ok().map(Compiled::new))
                .as_ref()
        })
    }

    /// True when pattern `id` matches somewhere in `text`.
    pub fn is_match(&self, id: PatternId, text: &str) -> bool {
        self.compiled(id)
            .is_some_and(|c| c.with_cache(|re, cache| re.is_match_with(cache, &Input::new(text))))
    }

    /// Which patterns match somewhere in `text`.
    pub fn scan(&self, text: &str) -> Vec<bool> {
        let candidates = self.candidates(text);
        let mut hits = vec![false; self.len()];
        for id in candidates.iter() {
            if let Some(h) = hits.get_mut(id) {
                *h = self.is_match(id, text);
            }
        }
        hits
    }

    /// All matches of one pattern in `text`. A pattern with a group named `at` reports that
    /// group's words when it took part in the match (`(?P<at>\bsoon\b)(?:[^a]|$)` points at
    /// "soon", not at what follows it), else the whole match.
    pub fn find_all(&self, id: PatternId, text: &str) -> Vec<Range<usize>> {
        let Some(compiled) = self.compiled(id) else {
            return Vec::new();
        };
        compiled.with_cache(|re, cache| {
            let at = re
                .group_info()
                .to_index(regex_automata::PatternID::ZERO, "at");
            // What `find_iter`/`captures_iter` do, with this cache instead of the regex's pool.
            let mut searcher = Searcher::new(Input::new(text));
            let mut found = Vec::new();
            if let Some(at) = at {
                let mut caps = re.create_captures();
                while let Some(m) = searcher.advance(|input| {
                    re.search_captures_with(cache, input, &mut caps);
                    Ok(caps.get_match())
                }) {
                    found.push(caps.get_group(at).unwrap_or(m.span()).range());
                }
            } else {
                while let Some(m) = searcher.advance(|input| Ok(re.search_with(cache, input))) {
                    found.push(m.range());
                }
            }
            found.retain(|r| !r.is_empty());
            found
        })
    }

    /// A set with no patterns.
    pub fn empty() -> Self {
        PatternSet {
            anchors: AhoCorasick::new(std::iter::empty::<&[u8]>())
                .unwrap_or_else(|_| unreachable!("an empty automaton always builds")),
            owners: Vec::new(),
            unanchored: PatternBits::new(0),
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

    /// Number of patterns without anchor literals (tried on every block).
    pub fn unanchored_count(&self) -> usize {
        self.unanchored.iter().count()
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

/// The independent clause of `sentence` that holds byte `at`: the sentence cut at semicolons
/// and where ", and" or ", but" starts a new subject ("We acknowledge messages the same day,
/// and we will answer in due course" is two promises). A qualifier without a subject ("promptly,
/// and in any event within 2 business days") stays with its clause.
pub fn clause_at(text: &str, sentence: Range<usize>, at: usize) -> Range<usize> {
    const JOINS: &[&str] = &[", and ", ", but ", ", while ", "; and ", "; but ", " and "];
    // A new subject, or a second verb of the same subject ("We will acknowledge your emails
    // promptly and will give you a full reply within two working days"), or a request to the
    // reader ("…, but please send questions about the dispute to Sam").
    const SUBJECTS: &[&str] = &[
        "we", "i", "you", "she", "he", "they", "it", "our", "your", "this", "will", "shall",
        "then", "please",
    ];
    let Some(s) = text.get(sentence.clone()) else {
        return sentence;
    };
    let lower = s.to_ascii_lowercase();
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of one clause, start of the next)
    for (i, _) in lower.match_indices(';') {
        cuts.push((i, i + 1));
    }
    for join in JOINS {
        for (i, _) in lower.match_indices(join) {
            let rest = &lower[i + join.len()..];
            let word = rest
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            if SUBJECTS.contains(&word) {
                cuts.push((i, i + join.len()));
            }
        }
    }
    let at = at.saturating_sub(sentence.start);
    let start = cuts
        .iter()
        .filter(|&&(_, next)| next <= at)
        .map(|&(_, next)| next)
        .max()
        .unwrap_or(0);
    let end = cuts
        .iter()
        .filter(|&&(end, _)| end >= at && end >= start)
        .map(|&(end, _)| end)
        .min()
        .unwrap_or(s.len());
    sentence.start + start..sentence.start + end
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

    fn find_all(pattern: &str, text: &str) -> Vec<Range<usize>> {
        let mut b = PatternSetBuilder::default();
        let id = b.add(pattern, &Fragments::default(), true).unwrap();
        let set = b.build().unwrap();
        set.find_all(id, text)
    }

    fn matches(pattern: &str, text: &str) -> bool {
        !find_all(pattern, text).is_empty()
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

    /// The compiled patterns of every built-in pack stay small: 19 MiB on 2026-12-05, down
    /// from 48 MiB before `\w` inside character classes became ASCII. A Unicode class in a
    /// fragment that many patterns repeat multiplies the automata (and their search caches,
    /// one per pattern, see `Compiled`), so this fails before peak memory does.
    #[test]
    fn compiled_built_in_patterns_stay_small() {
        let packs: Vec<String> = super::super::pack::builtin_names()
            .map(|n| format!("{n:?}"))
            .collect();
        let toml = format!("extends = [{}]", packs.join(", "));
        let config = crate::config::Config::from_toml("all packs", &toml).unwrap();
        let linter = crate::lint::Linter::new(&config).unwrap();
        let set = linter.base_engine().patterns();
        assert!(set.len() > 400, "{} patterns", set.len());
        let bytes: usize = set
            .sources
            .iter()
            .map(|s| compile_regex(s).unwrap().memory_usage())
            .sum();
        assert!(bytes < 26 << 20, "{} MiB", bytes >> 20);
    }

    #[test]
    fn word_classes_become_ascii_in_and_outside_character_classes() {
        assert_eq!(ascii_word_boundaries(r"\bfee\b"), r"(?-u:\b)fee(?-u:\b)");
        assert_eq!(ascii_word_boundaries(r"[\w-]+\d"), r"[[:word:]-]+(?-u:\d)");
        assert_eq!(ascii_word_boundaries(r"[^\d\s,]"), r"[^[:digit:]\s,]");
        assert!(matches(r"\b[A-Z][\w&-]*\b", "Smith&Co-op"));
        assert!(!matches(r"^[\w]+$", "Québec"));
        assert_eq!(ascii_word_boundaries(r"[]\b]\\b"), r"[]\b]\\b");
        assert!(matches(r"\bpromptly\b", "we will reply “promptly”."));
    }

    #[test]
    fn clauses_split_where_a_new_subject_starts() {
        let text = "We acknowledge messages the same day, and we will answer in due course.";
        let c = clause_at(text, 0..text.len(), text.find("due").unwrap());
        assert_eq!(&text[c], "we will answer in due course.");
        let text = "We will respond promptly, and in any event within 2 business days.";
        assert_eq!(clause_at(text, 0..text.len(), 16), 0..text.len());
        let text = "We acknowledge promptly and will reply within two working days.";
        let c = clause_at(text, 0..text.len(), 15);
        assert_eq!(&text[c], "We acknowledge promptly");
        let text = "Fees are fixed; we reply promptly.";
        let c = clause_at(text, 0..text.len(), 25);
        assert_eq!(&text[c], " we reply promptly.");
    }

    #[test]
    fn a_group_named_at_is_the_reported_span() {
        let text = "We will reply soon. We call as soon as contracts are exchanged.";
        let soon = r"(?P<at>\bsoon\b)(?:\s*[^\sa]|\s+a[^s]|$)";
        assert_eq!(find_all(soon, text), vec![14..18]);
        let either = r"\bpromptly\b|(?P<at>\bsoon\b)\.";
        assert_eq!(find_all(either, "Soon. Promptly"), vec![0..4, 6..14]);
    }

    /// Threads share one spare search cache per pattern: a search on another thread finds
    /// what the first one learnt, and a search that overlaps another gets a cache of its own,
    /// after which only the one that has learnt more is kept.
    #[test]
    fn threads_share_one_search_cache_per_pattern() {
        let compiled = Compiled::new(compile_regex(r"\bwithin\s+\w+\s+days\b").unwrap());
        let text = "We will reply within two days, and pay within ten days.";
        let fresh = compiled.regex.create_cache().memory_usage();
        let hits = compiled.with_cache(|re, cache| {
            let mut searcher = Searcher::new(Input::new(text));
            std::iter::from_fn(|| searcher.advance(|input| Ok(re.search_with(cache, input))))
                .count()
        });
        assert_eq!(hits, 2);
        let learnt = std::thread::scope(|s| {
            s.spawn(|| compiled.with_cache(|_, cache| cache.memory_usage()))
                .join()
                .unwrap()
        });
        assert!(
            learnt > fresh,
            "the other thread got a fresh cache ({learnt} vs {fresh})"
        );
        let (outer, inner) = compiled.with_cache(|_, outer| {
            let inner = compiled.with_cache(|_, inner| inner.memory_usage());
            (outer.memory_usage(), inner)
        });
        assert_eq!(
            inner, fresh,
            "an overlapping search gets a cache of its own"
        );
        let kept = compiled
            .spare
            .lock()
            .unwrap()
            .as_ref()
            .map(|c| c.memory_usage());
        assert_eq!(kept, Some(outer.max(inner)));
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
        for t in [
            "33%",
            "33⅓%",
            "33 1/3%",
            "25 per cent",
            "one-third",
            "twenty percent",
        ] {
            assert!(matches("^{percent}$", t), "{t}");
        }
        assert!(matches("{name}", "Priya Singh"));
        assert!(!matches("^{name}$", "priya singh"));
        assert!(matches("{role:assistant}", "my legal assistant"));
        assert!(matches(
            "{role:assistant}",
            "Dana Kim, our closing coordinator"
        ));
        assert!(matches("{phone}", "(306) 555-0142"));
        assert!(matches("{phone}", "+44 20 7946 0958"));
        assert!(matches("_{4,}", "sign ____ here"));
    }

    #[test]
    fn unknown_fragment_and_bad_regex_are_errors() {
        let mut b = PatternSetBuilder::default();
        let e = b.add("{nope}", &Fragments::default(), false).unwrap_err();
        assert!(
            e.reason.contains("unknown fragment `{nope}`"),
            "{}",
            e.reason
        );
        let e = b
            .add("(unclosed", &Fragments::default(), false)
            .unwrap_err();
        assert!(e.reason.contains("unclosed"), "{}", e.reason);
        let e = b.add("x*", &Fragments::default(), false).unwrap_err();
        assert!(e.reason.contains("empty"), "{}", e.reason);
    }

    fn anchors(pattern: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&ascii_word_boundaries(pattern))
            .unwrap();
        anchor_literals(&hir).map(|set| {
            set.into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect()
        })
    }

    #[test]
    fn anchors_come_from_the_most_selective_part_of_a_pattern() {
        // Prefixes, lower-cased.
        assert_eq!(
            anchors(r"\b(?:Retainer|deposit)s?\b"),
            Some(vec!["deposit".into(), "retainer".into()])
        );
        // Short leading words ("no", "not") are skipped for a required word further on.
        assert_eq!(
            anchors(r"\b(?:no|not)\b(?:\s+\w+){0,3}?\s+(?:charg|offer)"),
            Some(vec!["charg".into(), "offer".into()])
        );
        // A short literal with a rare character is selective enough.
        assert_eq!(anchors(r"\[\s*insert"), Some(vec!["insert".into()]));
        let braces = anchors(r"\{\{[^{}]+\}\}").unwrap();
        assert!(braces == ["{{"] || braces == ["}}"], "{braces:?}");
        // A letter whose case variants are not ASCII is cut out: "FÉE" must still be found.
        assert_eq!(anchors("(?:fée|frais) fixes"), Some(vec![" fixes".into()]));
        // Nothing selective: tried on every block.
        assert_eq!(anchors(r"\b(?:we|I)\s+\w+"), None);
        assert_eq!(anchors(r"(?-i:\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+)"), None);
    }

    #[test]
    fn candidates_cover_case_variants_and_the_kelvin_sign() {
        let mut b = PatternSetBuilder::default();
        let fee = b.add(r"\bfees?\b", &Fragments::default(), false).unwrap();
        let kilo = b.add("keep", &Fragments::default(), false).unwrap();
        let set = b.build().unwrap();
        assert!(set.candidates("Our FEES are").contains(fee));
        assert!(!set.candidates("Our charges are").contains(fee));
        // KELVIN SIGN matches "k" case-insensitively; literal search cannot see it.
        let kelvin = "we \u{212A}EEP it";
        assert!(set.is_match(kilo, kelvin));
        assert!(set.candidates(kelvin).contains(kilo));
        assert_eq!(set.find_all(fee, "a fee, two fees"), vec![2..5, 11..15]);
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

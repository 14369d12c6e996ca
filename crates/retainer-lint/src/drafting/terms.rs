//! Defined terms: where a letter defines a term (`(the "Matter")`, `"Matter" means`), and the
//! three checks over them: terms used but never defined, defined but never used, defined twice.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::{excerpt, prose, slice, Finding};
use crate::document::{contains_word, BlockKind, Document};

/// How a term was defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefinitionForm {
    /// A quoted term in parentheses: `Acme Corp. (the "Client")`.
    Parenthetical,
    /// A quoted term followed by "means", "refers to", "includes"…
    Means,
    /// A quoted term after "the"/"this" in running text: `the “Retainer Agreement”`.
    Inline,
    /// A quoted term after words that name it: `is hereinafter referred to as the "Action"`,
    /// `is the "Franchise Agreement"`.
    Called,
    /// A term in parentheses without quotes: `Acme Corp. (the Client)`; only for the usual
    /// defined-term nouns, since `(the Court)` is more often an aside than a definition.
    Unquoted,
}

/// One place where the letter defines a term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// The term as defined, without quotes: `Matter`, `Retainer Agreement`.
    pub term: String,
    /// Index in [`Document::blocks`].
    pub block: usize,
    /// Byte range of the term (inside the quotes) in the block's plain text.
    pub range: Range<usize>,
    /// How it was defined.
    pub form: DefinitionForm,
}

impl Definition {
    /// Whether the definition reads as a deliberate definition (parenthetical or "means"), the
    /// forms that make a second definition of the same term a real duplicate.
    fn is_formal(&self) -> bool {
        matches!(
            self.form,
            DefinitionForm::Parenthetical | DefinitionForm::Means | DefinitionForm::Called
        )
    }
}

/// Nouns (and a few set phrases) that retainer letters use as defined terms. A capitalised
/// use after "the" of one of these, never defined, is what `drafting.undefined-term` flags.
const DEFINED_TERM_HEADS: &[&str] = &[
    "Matter",
    "Matters",
    "Retainer",
    "Agreement",
    "Services",
    "Service",
    "Client",
    "Clients",
    "Firm",
    "Fees",
    "Fee",
    "Deposit",
    "Engagement",
    "Claim",
    "Claims",
    "Proceedings",
    "Proceeding",
    "Property",
    "Transaction",
    "Estate",
    "Letter",
    "Work",
    "Lawyer",
    "Lawyers",
    "Party",
    "Parties",
    "Company",
    "Corporation",
    "Partnership",
    "Disbursements",
    "Incident",
    "Accident",
    "Event",
    "Action",
    "Lawsuit",
    "Dispute",
    "Appeal",
    "Settlement",
    "Recovery",
    "Proceeds",
    "Benefit",
    "Benefits",
    "Judgment",
    "Lease",
    "Premises",
    "Land",
    "Lands",
    "Product",
    "Products",
    "Invention",
    "Instrument",
    "Collection",
    "Appointor",
    "Contract",
    "Application",
    "Effective Date",
    "Retainer Agreement",
    "Retainer Letter",
    "Engagement Letter",
    "Engagement Agreement",
    "Fee Agreement",
    "Costs Agreement",
    "Services Agreement",
    "Legal Services",
    "Trust Account",
    "Closing Date",
    "Completion Date",
    "Initial Deposit",
    "Period",
    "Sum",
    // The parties' roles, which a letter capitalises once it has defined who they are.
    "Owner",
    "Buyer",
    "Seller",
    "Purchaser",
    "Vendor",
    "Landlord",
    "Tenant",
    "Employer",
    "Employee",
    "Defendant",
    "Defendants",
    "Plaintiff",
    "Plaintiffs",
    "Claimant",
    "Respondent",
    "Respondents",
    "Applicant",
    "Borrower",
    "Lender",
    "Guarantor",
    "Contractor",
    "Franchisor",
    "Franchisee",
    "Licensor",
    "Licensee",
    "Debtor",
    "Debtors",
    "Creditor",
    "Creditors",
    "Investor",
    "Investors",
    "Litigation",
    "Plan",
    "Scheme",
    // What commercial and property letters define: "the Project", "the Campaign".
    "Project",
    "Works",
    "Site",
    "Venue",
    "Campaign",
    "Business",
    "Shares",
    "Goods",
    "Shipment",
    "Shipments",
    "Consignment",
    "Equipment",
    "Vessel",
    "Licence",
    "License",
    "Loan",
    "Sale",
    "Purchase",
    "Programme",
    "Policy",
    "Permit",
    "Development",
    "Building",
    "Unit",
    "Assets",
    "Encroachment",
    "Breach",
    "Default",
    "Platform",
    "Vehicle",
    "Truck",
    "Website",
    // The subject matter of transactional and construction work.
    "Projects",
    "Home",
    "Deliverables",
    "Territory",
    "Supplier",
    "Distributor",
    "Hearing",
    "Waiver",
    "Release",
    "Compound",
    "Easement",
    "Notice",
    "Amount",
    "Vendors",
    "Sellers",
    "Buyers",
    "Purchasers",
    "Tenants",
    "Landlords",
    "Regulations",
    "Facility",
    "Loss",
    // Makers and sellers a claim is brought against ("the Manufacturer and the Dealer").
    "Manufacturer",
    "Manufacturers",
    "Dealer",
    "Retailer",
    "Insurer",
    "Insurers",
    "Developer",
    "Builder",
    "Operator",
    // What a review or appeal is about ("to challenge the Decision"), and what the firm
    // files in answer ("prepare the Response").
    "Decision",
    "Response",
    "Submission",
    "Determination",
    // Figures and dates a letter names once it has fixed them ("the Valuation Date", "the
    // Outstanding Balance", "the Purchase Price").
    "Date",
    "Balance",
    "Price",
    // What the firm is asked to do (the Mandate, the Assignment, the Case).
    "Mandate",
    "Assignment",
    "Case",
];

/// The prefixes that make a defined-term noun into another one written as one word: "the
/// Subcontract", "the Counterclaim", "the Underlease", "the Headlease".
const COMPOUND_PREFIXES: &[&str] = &["Sub", "Counter", "Under", "Head"];

/// The defined-term noun a one-word compound ends with: "Contract" for "Subcontract".
fn compound_head(word: &str) -> Option<&'static str> {
    COMPOUND_PREFIXES.iter().find_map(|prefix| {
        let rest = word.strip_prefix(prefix)?;
        let mut chars = rest.chars();
        let first = chars.next()?;
        DEFINED_TERM_HEADS.iter().copied().find(|head| {
            let mut h = head.chars();
            h.next() == Some(first.to_ascii_uppercase()) && h.eq(chars.clone())
        })
    })
}

/// The rest of an enactment's name after a comma: "the Small Business, Enterprise and
/// Employment Act 2015" is cut at the comma, and "the Small Business" is no term.
static NAME_LIST_TO_ENACTMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^,\s+(?:[A-Z][\w'’-]*,?\s+(?:and\s+)?){1,8}(?:Act|Regulations?|Rules|Code|Order)\b",
    )
    .unwrap_or_else(|_| unreachable!("static regex"))
});

/// "The Corporation of the Town of Millbrook Falls": a word followed by "of" and a
/// capitalised name is the start of a proper name.
static OF_A_PROPER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+of\s+(?:the\s+)?[A-Z]").unwrap_or_else(|_| unreachable!("static regex"))
});

/// "the Leasehold Property (Repairs) Act 1938": a bracketed word inside an enactment's or an
/// instrument's name.
static BRACKETED_IN_A_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\([A-Z][\w\s,&'’-]{0,40}\)\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:Act|Acts|Regulations|Rules|Order|Code|Ordinance|Statute)\b")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// A council's or a state's planning instruments, public law capitalised by convention ("the
/// General Plan" of a California county, Ontario's "Official Plan", an English "Local Plan"),
/// not documents of the letter to define.
const PUBLIC_PLANS: &[&str] = &[
    "General Plan",
    "Official Plan",
    "Local Plan",
    "Development Plan",
    "Neighbourhood Plan",
    "Neighborhood Plan",
    "Specific Plan",
    "Community Plan",
    "Regional Plan",
    "Area Plan",
    "Structure Plan",
];

/// Last words that make a phrase of three or more capitalised words the name of a public
/// scheme or an official form, not a term of the letter: "the Accommodation Payment
/// Guarantee Scheme", "the Canada Pension Plan", "the Court Attendance Notice" ("the Pension
/// Scheme" and "the Increase Notice" are still terms to define).
const PROGRAMME_HEADS: &[&str] = &[
    "Scheme",
    "Schemes",
    "Plan",
    "Program",
    "Programme",
    "Notice",
];

/// Last words that make a capitalised phrase of several words the name of a document the letter
/// relies on, which it should define: "the Shareholders' Agreement", "the Facility Letter".
const DOCUMENT_HEADS: &[&str] = &[
    "Agreement",
    "Letter",
    "Contract",
    "Lease",
    "Deed",
    "Policy",
    "Report",
    "Sheet",
    "Plan",
    "Schedule",
    "Statement",
    "Memorandum",
    "Document",
    "Documents",
    "Terms",
    "Conditions",
    "Bundle",
    "Quote",
    "Quotation",
    "Proposal",
];

/// Last words that make a capitalised phrase an institution or an enactment, never a defined
/// term of the letter: "the Law Society", "the Solicitors Act", "the Legal Ombudsman".
const INSTITUTION_HEADS: &[&str] = &[
    "Act",
    "Acts",
    "Code",
    "Court",
    "Courts",
    "Society",
    "Ombudsman",
    "Tribunal",
    "Board",
    "Province",
    "State",
    "Rules",
    "Rule",
    "Regulation",
    "Regulations",
    "Commission",
    "Commissioner",
    "Bar",
    "Association",
    "Government",
    "Ministry",
    "Department",
    "Registry",
    "Registrar",
    "Office",
    "Authority",
    "Bank",
    "Fund",
    "Crown",
    "Law",
    "Rights",
    "Constitution",
    "Charter",
    "Council",
    "Agency",
    "Service",
    // "the Saskatchewan Crop Insurance Corporation" is a body's name; a bare "the Corporation"
    // is still a defined term (both are in DEFINED_TERM_HEADS too).
    "Corporation",
    "Partnership",
];

/// Whether a phrase ending in `word` names an institution, an enactment or a place.
pub(super) fn institution_head(word: &str) -> bool {
    INSTITUTION_HEADS.contains(&word) || PLACE_HEADS.contains(&word)
}

/// Heads that name places: "the Northern Territory", "the Gold Coast", "the Western District"
/// (but "the Protected Territory" a contract draws is a term).
const PLACE_HEADS: &[&str] = &[
    "Territory",
    "Territories",
    "Region",
    "District",
    "County",
    "Shire",
    "Coast",
];

/// How the words before a quoted term make it a definition: "referred to as the" or "is
/// the" name it ([`DefinitionForm::Called`]); a bare "the" or "this" introduces it in passing
/// ([`DefinitionForm::Inline`]).
fn lead_in(before: &str) -> Option<DefinitionForm> {
    let mut words = before.split_whitespace().rev().map(str::to_lowercase);
    let last = words.next()?;
    let naming = |w: &str| {
        matches!(
            w,
            "as" | "is" | "are" | "be" | "called" | "hereinafter" | "collectively" | "together"
        )
    };
    if last == "the" || last == "this" {
        let previous = words.next().unwrap_or_default();
        return Some(if naming(&previous) {
            DefinitionForm::Called
        } else {
            DefinitionForm::Inline
        });
    }
    // "an online seller trading as \"PuzzleBarn Direct\"": a trade name, not a definition.
    if last == "as"
        && words
            .next()
            .is_some_and(|w| matches!(w.as_str(), "trading" | "operating" | "business"))
    {
        return None;
    }
    matches!(last.as_str(), "as" | "hereinafter" | "called").then_some(DefinitionForm::Called)
}

/// Every term the letter defines, in reading order. Page headers and footers are skipped: a
/// DOCX repeats them per section, which would make every definition in them look doubled.
pub fn definitions(doc: &Document) -> Vec<Definition> {
    let mut out = Vec::new();
    for (index, block) in prose(doc) {
        if matches!(block.kind, BlockKind::Header | BlockKind::Footer) {
            continue;
        }
        quoted_definitions(index, &block.text, &mut out);
        unquoted_definitions(index, &block.text, &mut out);
    }
    out
}

/// Finds `"Term"`-style definitions in one block's text.
fn quoted_definitions(block: usize, text: &str, out: &mut Vec<Definition>) {
    let mut search_from = 0;
    while let Some((open, open_len, closers)) = next_opening_quote(text, search_from) {
        let inner_start = open + open_len;
        search_from = inner_start;
        let Some((inner_end, close_len)) = closing_quote(text, inner_start, closers) else {
            continue;
        };
        let mut term = slice(text, inner_start..inner_end);
        search_from = inner_end + close_len;
        // UK style puts the article inside the quotes: (‘the Firm’).
        let mut inner_start = inner_start;
        for article in ["the ", "The "] {
            if let Some(rest) = term.strip_prefix(article) {
                term = rest;
                inner_start += article.len();
            }
        }
        // American style puts the full stop or comma inside the quotes: the "Action."
        let mut inner_end = inner_end;
        if let Some(rest) = term.strip_suffix(['.', ',']) {
            term = rest;
            inner_end -= 1;
        }
        if !looks_like_term(term) {
            continue;
        }
        let after = text.get(inner_end + close_len..).unwrap_or("");
        let after = after.trim_start_matches(['.', ',']);
        let form = if inside_parentheses(text, open)
            .is_some_and(|paren| defining_words(text, paren + 1, open))
        {
            DefinitionForm::Parenthetical
        } else if MEANS.is_match(after) {
            DefinitionForm::Means
        } else if let Some(form) = lead_in(text.get(..open).unwrap_or("")) {
            form
        } else {
            continue;
        };
        out.push(Definition {
            term: term.to_string(),
            block,
            range: inner_start..inner_end,
            form,
        });
    }
}

static MEANS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:,\s*)?(?:means|shall mean|will mean|has the meaning|shall have the meaning|refers to|is defined|includes|shall include)\b",
    )
    .unwrap_or_else(|_| unreachable!("static regex"))
});

static UNQUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:the|this|hereinafter(?: the)?)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)\)")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// Finds `(the Client)`-style definitions of the usual defined-term nouns.
fn unquoted_definitions(block: usize, text: &str, out: &mut Vec<Definition>) {
    for caps in UNQUOTED.captures_iter(text) {
        let Some(term) = caps.get(1) else { continue };
        if DEFINED_TERM_HEADS.contains(&term.as_str()) {
            out.push(Definition {
                term: term.as_str().to_string(),
                block,
                range: term.range(),
                form: DefinitionForm::Unquoted,
            });
        }
    }
}

/// The next opening quotation mark at or after `from` that is not an apostrophe: its offset,
/// its length, and the marks that may close it.
fn next_opening_quote(text: &str, from: usize) -> Option<(usize, usize, &'static [char])> {
    let rest = text.get(from..)?;
    let mut prev = text.get(..from).and_then(|s| s.chars().next_back());
    for (i, c) in rest.char_indices() {
        let after_word = prev.is_some_and(char::is_alphanumeric);
        prev = Some(c);
        let closers: &'static [char] = match c {
            '"' => &['"', '”'],
            '“' => &['”', '"'],
            '‘' => &['’'],
            '\'' if !after_word => &['\''],
            _ => continue,
        };
        if c == '"' && after_word {
            continue;
        }
        return Some((from + i, c.len_utf8(), closers));
    }
    None
}

/// The closing quote for a term that starts at `from`: a closer not followed by a letter (so
/// the apostrophe of "Client’s" inside a term does not end it), within 80 bytes.
fn closing_quote(text: &str, from: usize, closers: &[char]) -> Option<(usize, usize)> {
    let rest = text.get(from..)?;
    let mut iter = rest.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if i > 80 {
            return None;
        }
        if closers.contains(&c) {
            let next_is_letter = iter.peek().is_some_and(|(_, n)| n.is_alphanumeric());
            if !next_is_letter {
                return Some((from + i, c.len_utf8()));
            }
        }
        if matches!(c, '"' | '“' | '”' | '(' | ')' | '\n') {
            return None;
        }
    }
    None
}

/// A defined term: starts with a capital letter, at most six words, no sentence punctuation.
fn looks_like_term(term: &str) -> bool {
    let mut chars = term.chars();
    let starts_upper = chars.next().is_some_and(char::is_uppercase);
    starts_upper
        && term.len() <= 60
        && term == term.trim()
        && term.split_whitespace().count() <= 6
        && !term.contains(['.', ',', ';', ':', '!', '?', '[', ']', '{', '}'])
}

/// The offset of the open parenthesis the offset sits inside (the nearest bracket to its
/// left is an opening one, no more than 80 bytes back).
fn inside_parentheses(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at).unwrap_or("");
    for (i, c) in before.char_indices().rev() {
        if at - i > 80 {
            return None;
        }
        match c {
            '(' => return Some(i),
            ')' => return None,
            _ => {}
        }
    }
    None
}

/// Whether the words between a parenthesis and a quoted term are the ones definitions use
/// ("the", "collectively", "hereinafter referred to as", other defined terms) rather than a
/// citation: `(see "Your Rights as a Client")` defines nothing.
fn defining_words(text: &str, from: usize, to: usize) -> bool {
    const ALLOWED: &[&str] = &[
        "the",
        "this",
        "these",
        "each",
        "a",
        "an",
        "collectively",
        "together",
        "and",
        "or",
        "hereinafter",
        "herein",
        "referred",
        "to",
        "as",
        "called",
        "individually",
        "jointly",
        "all",
        "both",
        "also",
        "known",
        "its",
        "their",
        "your",
        "our",
        "respectively",
        "such",
        "being",
    ];
    let between = text.get(from..to).unwrap_or("");
    let mut in_quote = false;
    let mut outside = String::new();
    for c in between.chars() {
        match c {
            '"' => in_quote = !in_quote,
            '“' | '‘' => in_quote = true,
            '”' | '’' if in_quote => in_quote = false,
            _ if !in_quote => outside.push(c),
            _ => {}
        }
    }
    outside
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| ALLOWED.contains(&w.to_lowercase().as_str()))
}

/// The forms under which a use of `term` counts: itself, its plural and its singular.
fn variants(term: &str) -> Vec<String> {
    let mut out = vec![term.to_string()];
    if let Some(stem) = term.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    } else if let Some(stem) = term.strip_suffix('y') {
        out.push(format!("{stem}ies"));
        out.push(format!("{term}s"));
    } else if let Some(stem) = term.strip_suffix('s') {
        out.push(stem.to_string());
    } else {
        out.push(format!("{term}s"));
    }
    out
}

/// `s` with its first character lower-cased.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().chain(chars).collect::<String>()
    })
}

/// Whether a match at `range` of `text` stands as whole words.
fn whole_word(text: &str, range: &Range<usize>) -> bool {
    let before = text.get(..range.start).and_then(|s| s.chars().next_back());
    let after = text.get(range.end..).and_then(|s| s.chars().next());
    !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// `drafting.unused-definition`: a term defined formally (in parentheses or with "means")
/// and never used after its definition (case-sensitive; plural and possessive forms, and
/// quoted mentions like `the "Matter"`, count as uses).
pub fn unused_definitions(doc: &Document) -> Vec<Finding> {
    let defs: Vec<Definition> = definitions(doc)
        .into_iter()
        .filter(Definition::is_formal)
        .collect();
    if defs.is_empty() {
        return Vec::new();
    }
    let last_use = last_uses(doc, &defs);
    let mut first_definition: HashMap<&str, (usize, usize)> = HashMap::new();
    for d in &defs {
        first_definition
            .entry(d.term.as_str())
            .or_insert((d.block, d.range.end));
    }
    let mut reported: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for def in &defs {
        let defined_at = (def.block, def.range.end);
        let used_after = last_use
            .get(def.term.as_str())
            .is_some_and(|&at| at > defined_at);
        if used_after || reported.contains(&def.term.as_str()) {
            continue;
        }
        // Only the last definition of a term matters: an earlier one is "used" by the later.
        // A term used between two definitions is used; the duplicate check speaks for the
        // second definition.
        let defined_earlier = first_definition
            .get(def.term.as_str())
            .is_some_and(|&at| at < defined_at);
        if defined_earlier {
            continue;
        }
        reported.push(def.term.as_str());
        out.push(Finding::new(
            def.block,
            def.range.clone(),
            format!(
                "\"{}\" is defined here but never used again; use the defined term or remove the definition",
                def.term
            ),
        ));
    }
    out.sort_by_key(|f| (f.block, f.range.start));
    out
}

/// For each defined term, the position (block, end offset) of its last use in the letter,
/// outside the quotes of any definition. One Aho-Corasick pass over the letter.
fn last_uses<'a>(doc: &Document, defs: &'a [Definition]) -> HashMap<&'a str, (usize, usize)> {
    let mut patterns: Vec<String> = Vec::new();
    let mut owner: Vec<&str> = Vec::new();
    let mut seen: HashMap<&str, ()> = HashMap::new();
    for def in defs {
        if seen.insert(def.term.as_str(), ()).is_some() {
            continue;
        }
        // A sentence-case term ("Gross recovery" means ...) is capitalised only because it
        // opens the sentence; "the gross recovery" uses it.
        let words: Vec<&str> = def.term.split_whitespace().collect();
        let sentence_case = words.len() > 1
            && words
                .iter()
                .skip(1)
                .all(|w| w.starts_with(|c: char| c.is_lowercase()));
        let mut forms = variants(&def.term);
        if sentence_case {
            let lower: Vec<String> = forms.iter().map(|f| lower_first(f)).collect();
            forms.extend(lower);
        }
        for form in forms {
            patterns.push(form);
            owner.push(def.term.as_str());
        }
    }
    let mut last: HashMap<&str, (usize, usize)> = HashMap::new();
    let Ok(matcher) = AhoCorasick::new(&patterns) else {
        return last;
    };
    let mut defs_by_block: HashMap<usize, Vec<&Range<usize>>> = HashMap::new();
    for def in defs {
        defs_by_block.entry(def.block).or_default().push(&def.range);
    }
    for (index, block) in prose(doc) {
        let in_def = defs_by_block.get(&index);
        for m in matcher.find_overlapping_iter(&block.text) {
            let range = m.range();
            if !whole_word(&block.text, &range) {
                continue;
            }
            if in_def.is_some_and(|ranges| {
                ranges
                    .iter()
                    .any(|r| r.start <= range.start && range.end <= r.end)
            }) {
                continue;
            }
            if let Some(term) = owner.get(m.pattern().as_usize()) {
                let at = (index, range.end);
                let slot = last.entry(term).or_insert(at);
                if at > *slot {
                    *slot = at;
                }
            }
        }
    }
    last
}

/// `drafting.duplicate-definition`: the same term defined twice (parenthetical or "means"
/// forms). Reported at the second definition, pointing back at the first.
pub fn duplicate_definitions(doc: &Document) -> Vec<Finding> {
    let mut first: HashMap<String, Definition> = HashMap::new();
    let mut out = Vec::new();
    for def in definitions(doc).into_iter().filter(Definition::is_formal) {
        match first.get(&def.term) {
            Some(earlier) => {
                let mut message = format!("\"{}\" is defined a second time", def.term);
                if earlier.block == def.block {
                    message.push_str(" in the same paragraph");
                }
                message.push_str("; keep one definition");
                out.push(
                    Finding::new(def.block, def.range.clone(), message).with_related(
                        earlier.block,
                        earlier.range.clone(),
                        format!("\"{}\" first defined here", def.term),
                    ),
                );
            }
            None => {
                first.insert(def.term.clone(), def);
            }
        }
    }
    out
}

static CAPITALISED_USE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[Tt]he|[Tt]his|[Ss]uch|[Ee]ach|[Aa]ny such)\s+(?:(?:original|signed|executed|countersigned|attached|enclosed)\s+){0,2}((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:(?:['’]s?)?\s+(?:of\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?){0,3})\b",
    )
    .unwrap_or_else(|_| unreachable!("static regex"))
});

/// Whether a block reads as a title-case line (a subject line, a table header): most of its
/// longer words are capitalised, so capitals say nothing about defined terms.
fn is_title_case(text: &str) -> bool {
    let mut long = 0usize;
    let mut capital = 0usize;
    let mut prev = "";
    // The first word is capitalised in any sentence, and a word after "the" is the very
    // candidate being judged, so neither says anything about the line's style.
    let words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    for (i, word) in words.enumerate() {
        let after_article = matches!(prev, "the" | "The" | "this" | "This" | "such");
        prev = word;
        if i == 0 || after_article || word.chars().count() < 4 {
            continue;
        }
        long += 1;
        if word.chars().next().is_some_and(char::is_uppercase) {
            capital += 1;
        }
    }
    // Subject lines and table headers are short; a long sentence is prose however many
    // capitals it has.
    let short = text.split_whitespace().count() <= 15;
    short && long >= 2 && capital * 10 >= long * 6
}

/// The capitals of a term's words ("Conditional Fee Agreement" → "CFA"); "of", "and" and
/// "the" are skipped.
fn initials(term: &str) -> String {
    term.split_whitespace()
        .filter(|w| !matches!(*w, "of" | "and" | "the" | "&"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Whether the term's acronym follows it in brackets: "the Labor Condition Application (LCA)"
/// names a form and defines its short name at once.
fn acronym_follows(text: &str, term: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("").trim_start();
    rest.strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .is_some_and(|(inside, _)| {
            let inside = inside.trim_matches(|c: char| matches!(c, '"' | '“' | '”'));
            inside.len() >= 2 && inside == initials(term)
        })
}

/// Whether a definition sharing a word with the use follows it in the same sentence, close
/// by: in `the Lease Agreement we have sent (the "Lease")` the capitalised words are what
/// the definition names (but "affected by the Incident (the "Action")" uses a term inside
/// another's definition).
fn defined_just_after(
    defs: &[Definition],
    block: usize,
    text: &str,
    term: &str,
    end: usize,
) -> bool {
    // A name of two words or more with the definition right after it is in apposition: "the
    // Northgate Engineering Pension Plan (the "Scheme")".
    let apposition = |d: &Definition| {
        term.split_whitespace().count() >= 2
            && text
                .get(end..d.range.start)
                .is_some_and(|gap| gap.trim_start().starts_with('(') && gap.len() <= 8)
    };
    defs.iter().any(|d| {
        d.block == block
            && d.range.start > end
            && (apposition(d)
                || d.term
                    .split_whitespace()
                    .any(|w| term.split_whitespace().any(|u| u == w)))
            && d.range.start - end <= 80
            && text
                .get(end..d.range.start)
                .is_some_and(|gap| !gap.contains(". ") && gap.contains('('))
    })
}

/// What follows the start of a longer official name: "the Practice Direction on Pre-Action
/// Conduct", "the Party Wall etc. Act 1996".
static NAMES_MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:(?:on|for|of|in|under|to)\s+(?:the\s+)?[A-Z]|(?:etc\.?\s+)?(?:[A-Z][\w'’-]*\s+){0,2}(?:Act|Acts|Regulations?|Rules|Order|Code)\b)")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// Whether a phrase opens with a past participle ("the Disputed Strip", "the Excluded Work"),
/// which proper names seldom do ("the United States" aside).
fn participle_first(words: &[&str]) -> bool {
    words.first().is_some_and(|w| {
        w.len() >= 6 && w.ends_with("ed") && !matches!(*w, "United" | "Reformed" | "Federated")
    })
}

/// Whether the letter also writes the phrase's words in lower case, as ordinary words: a
/// proper name never appears so.
fn written_in_lower_case(running: &str, term: &str) -> bool {
    contains_word(running, &term.to_lowercase())
}

/// `drafting.undefined-term`: a capitalised term used as a defined term ("the Matter") that
/// the letter never defines. Only the usual defined-term nouns, terms the letter defines in
/// another form ("the Agreement" where only "Retainer Agreement" is defined), and ordinary
/// words capitalised into a term ("the Disputed Strip"; "the Special Meeting" where the letter
/// also says "a special meeting") are considered; institutions and enactments ("the Law
/// Society", "the Solicitors Act") never are. Each term is reported once, at its first use.
pub fn undefined_terms(doc: &Document) -> Vec<Finding> {
    let defs = definitions(doc);
    let defined_variants: HashMap<String, &Definition> = defs
        .iter()
        .flat_map(|d| variants(&d.term).into_iter().map(move |v| (v, d)))
        .collect();
    // "the Conditional Fee Agreement" where the letter defines "CFA".
    let defined_acronyms: HashSet<&str> = defs
        .iter()
        .map(|d| d.term.as_str())
        .filter(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_uppercase()))
        .collect();
    let mut by_last_word: HashMap<&str, &Definition> = HashMap::new();
    for d in &defs {
        if let Some(last) = d.term.split_whitespace().next_back() {
            by_last_word.entry(last).or_insert(d);
        }
    }
    // The letter's running text, to find a capitalised phrase's words also written in lower
    // case ("a special meeting of members" ... "the Special Meeting").
    let running: String = prose(doc)
        .filter(|(_, b)| !b.kind.is_heading())
        .map(|(_, b)| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");

    struct Undefined {
        block: usize,
        range: Range<usize>,
        quoted: String,
        /// The capitalised words alone, without "the" and any words between ("original signed").
        term: String,
        uses: usize,
        near: Option<Definition>,
    }
    let mut found: Vec<Undefined> = Vec::new();
    let mut index_of: HashMap<String, usize> = HashMap::new();

    for (index, block) in prose(doc) {
        if block.kind.is_heading()
            || matches!(block.kind, BlockKind::Header | BlockKind::Footer)
            || is_title_case(&block.text)
        {
            continue;
        }
        for caps in CAPITALISED_USE.captures_iter(&block.text) {
            let (Some(whole), Some(term_match)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let term = term_match.as_str();
            if defined_variants.contains_key(term)
                || defined_acronyms.contains(initials(term).as_str())
                || defined_just_after(&defs, index, &block.text, term, term_match.end())
                || acronym_follows(&block.text, term, term_match.end())
            {
                continue;
            }
            let words: Vec<&str> = term.split_whitespace().collect();
            let Some(&last) = words.last() else { continue };
            // "the Traditional Owners", "the Traditional Custodians": First Peoples,
            // capitalised by convention, not a term of the letter.
            if words.first() == Some(&"Traditional") || PUBLIC_PLANS.contains(&term) {
                continue;
            }
            // "the Northern Territory" is a place; "the Protected Territory", "the Exclusive
            // Territory" are ordinary words capitalised into a term.
            let ordinary_first = PLACE_HEADS.contains(&last)
                && (participle_first(&words) || words.first() == Some(&"Exclusive"));
            // "the Land Registry Services": a public body's name with its kind inside it.
            let body_inside = words.len() > 1
                && words[..words.len() - 1].iter().any(|w| {
                    // Not "Agency" or "Commission": "the Agency Agreement" is a contract.
                    matches!(*w, "Registry" | "Ministry" | "Department")
                });
            let institution = (institution_head(last) || body_inside) && !ordinary_first;
            if words.contains(&"of")
                || institution && (words.len() > 1 || !DEFINED_TERM_HEADS.contains(&term))
            {
                continue;
            }
            // "the Landlord and Tenant Board", "the Bench & Bar Council": a proper name whose
            // first word happens to be a party's role.
            let rest = block.text.get(term_match.end()..).unwrap_or("");
            let joined = rest
                .strip_prefix(" and ")
                .or_else(|| rest.strip_prefix(" & "))
                .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()));
            if joined {
                continue;
            }
            // "see the Fees section above" names a heading, not a defined term.
            let next_word = block
                .text
                .get(term_match.end()..)
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase();
            if matches!(
                next_word.as_str(),
                "section"
                    | "heading"
                    | "part"
                    | "paragraph"
                    | "clause"
                    | "schedule"
                    | "above"
                    | "below"
            ) {
                continue;
            }
            // "the Lebret Farm Equipment draft", "the Prairie Sky website": a name of two or
            // more words naming whose document or thing it is.
            let attributive = words.len() > 1
                && matches!(
                    next_word.as_str(),
                    "draft"
                        | "drafts"
                        | "proposal"
                        | "offer"
                        | "contract"
                        | "agreement"
                        | "lease"
                        | "form"
                        | "letter"
                        | "website"
                        | "site"
                        | "team"
                        | "logo"
                        | "brand"
                        | "store"
                        | "shop"
                        | "office"
                        | "account"
                        | "report"
                        | "policy"
                        | "terms"
                );
            if attributive {
                continue;
            }
            // A single word that ends a longer defined term ("the Agreement" where "Retainer
            // Agreement" is defined) is the defined term in another form.
            let near = if words.len() == 1 {
                by_last_word.get(last).copied().filter(|d| d.term != term)
            } else {
                None
            };
            // "the Shareholders' Agreement", "the Sub-Contract".
            let head = last.rsplit('-').next().unwrap_or(last);
            // A name that runs on ("the New York State Fee Dispute Resolution Program") or
            // follows "Office of the" is a proper name cut short, not a term.
            let runs_on = rest
                .trim_start_matches(' ')
                .starts_with(|c: char| c.is_uppercase())
                || NAME_LIST_TO_ENACTMENT.is_match(rest);
            if OF_A_PROPER_NAME.is_match(rest) || BRACKETED_IN_A_NAME.is_match(rest) {
                continue;
            }
            let before = block.text.get(..whole.start()).unwrap_or("").trim_end();
            let after_of = before.strip_suffix(" of").is_some_and(|b| {
                b.split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
            });
            if words.len() >= 3 && PROGRAMME_HEADS.contains(&head) {
                continue;
            }
            let names_a_document = (words.len() > 1 || head != last)
                && (DOCUMENT_HEADS.contains(&head) || DEFINED_TERM_HEADS.contains(&head))
                && !runs_on
                && !after_of;
            // Ordinary words capitalised into a term: "the Disputed Strip", "the Special
            // Meeting" where the letter also says "a special meeting".
            let common_words_as_term = (2..=3).contains(&words.len())
                && !runs_on
                && !after_of
                && !NAMES_MORE.is_match(rest)
                && (participle_first(&words) || written_in_lower_case(&running, term));
            // "the Subcontract", "the Counterclaim": a defined-term noun with a prefix.
            let compound = words.len() == 1 && compound_head(term).is_some() && !runs_on;
            if near.is_none()
                && !DEFINED_TERM_HEADS.contains(&term)
                && !compound
                && !names_a_document
                && !common_words_as_term
            {
                continue;
            }
            let key = term.to_string();
            match index_of.get(&key) {
                Some(&i) => {
                    if let Some(entry) = found.get_mut(i) {
                        entry.uses += 1;
                    }
                }
                None => {
                    index_of.insert(key, found.len());
                    found.push(Undefined {
                        block: index,
                        range: whole.start()..term_match.end(),
                        quoted: slice(&block.text, whole.start()..term_match.end()).to_string(),
                        term: term.to_string(),
                        uses: 1,
                        near: near.cloned(),
                    });
                }
            }
        }
    }

    found
        .into_iter()
        .map(|u| {
            let times = if u.uses > 1 {
                format!(" (used {} times)", u.uses)
            } else {
                String::new()
            };
            match u.near {
                Some(def) => Finding::new(
                    u.block,
                    u.range,
                    format!(
                        "\"{}\" is used as a defined term{times} but the letter defines \"{}\", not this",
                        excerpt(&u.quoted, 60),
                        def.term
                    ),
                )
                .with_related(def.block, def.range.clone(), format!("\"{}\" is defined here", def.term))
                .with_suggestion(format!(
                    "{}{}",
                    u.quoted.strip_suffix(u.term.as_str()).unwrap_or("the "),
                    def.term
                )),
                None => Finding::new(
                    u.block,
                    u.range,
                    format!(
                        "\"{}\" is used as a defined term{times} but never defined; define it where it first appears, e.g. (the \"{}\")",
                        excerpt(&u.quoted, 60),
                        u.term
                    ),
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    /// Every pattern literal of this module compiles (each `unreachable!` above truly is).
    #[test]
    fn static_regexes_compile() {
        LazyLock::force(&NAME_LIST_TO_ENACTMENT);
        LazyLock::force(&OF_A_PROPER_NAME);
        LazyLock::force(&BRACKETED_IN_A_NAME);
        LazyLock::force(&MEANS);
        LazyLock::force(&UNQUOTED);
        LazyLock::force(&CAPITALISED_USE);
        LazyLock::force(&NAMES_MORE);
    }

    fn defined(texts: &[&str]) -> Vec<(String, DefinitionForm)> {
        definitions(&paragraphs(texts))
            .into_iter()
            .map(|d| (d.term, d.form))
            .collect()
    }

    /// Runs one of the three checks on body paragraphs; `expected` as `block:words`.
    fn check(run: fn(&Document) -> Vec<Finding>, texts: &[&str], expected: &[&str]) {
        let doc = paragraphs(texts);
        let found = run(&doc);
        assert_well_formed(&doc, &found);
        assert_eq!(spans(&doc, &found), expected, "{found:#?}");
    }

    use DefinitionForm::*;

    #[test]
    fn definition_forms_are_recognised() {
        let t = |s: &str| s.to_string();
        assert_eq!(
            defined(&["We act in your claim (the \"Matter\")."]),
            [(t("Matter"), Parenthetical)]
        );
        assert_eq!(
            defined(&["We act in your claim (the “Matter”)."]),
            [(t("Matter"), Parenthetical)]
        );
        assert_eq!(
            defined(&["Acme Corp. (\"Client\") retains us."]),
            [(t("Client"), Parenthetical)]
        );
        assert_eq!(
            defined(&["We act against Northgate Ltd. (your \"Former Employer\")."]),
            [(t("Former Employer"), Parenthetical)]
        );
        assert_eq!(
            defined(&["\"Matter\" means the dispute."]),
            [(t("Matter"), Means)]
        );
        assert_eq!(
            defined(&["the work (collectively, the \"Services\")"]),
            [(t("Services"), Parenthetical)]
        );
        assert_eq!(
            defined(&["Smith LLP (hereinafter \"Firm\")"]),
            [(t("Firm"), Parenthetical)]
        );
        assert_eq!(
            defined(&["Please sign the “Retainer Agreement” below."]),
            [(t("Retainer Agreement"), Inline)]
        );
        assert_eq!(
            defined(&["your matter (the ‘Matter’)"]),
            [(t("Matter"), Parenthetical)]
        );
        assert_eq!(
            defined(&["the statement (the ‘Statement of Client’s Rights’)"]),
            [(t("Statement of Client’s Rights"), Parenthetical)]
        );
        assert_eq!(
            defined(&["Acme Corp. (the Client) retains us."]),
            [(t("Client"), Unquoted)]
        );
        assert_eq!(
            defined(&["(each a \"Party\" and together the \"Parties\")"]),
            [(t("Party"), Parenthetical), (t("Parties"), Parenthetical)]
        );
        // Not definitions: lower-case quotes, scare quotes, apostrophes, asides.
        assert!(defined(&["(\"we\", \"us\" or \"our\")"]).is_empty());
        assert!(defined(&["We marked it \"Confidential\" and sent it."]).is_empty());
        assert!(defined(&["The Client's file and the Firm's 'fees'."]).is_empty());
        assert!(defined(&["(see the Court)"]).is_empty());
        assert_eq!(
            defined(&["The lawsuit is hereinafter referred to as the \"Action.\""]),
            [(t("Action"), Called)]
        );
        assert_eq!(
            defined(&["The agreement with them is the \"Franchise Agreement.\" We will:"]),
            [(t("Franchise Agreement"), Called)]
        );
        assert!(defined(&["(see our brochure \"Your Rights as a Client\")"]).is_empty());
        assert!(defined(&["(as the Law Society's \"Code of Conduct\" requires)"]).is_empty());
        assert!(
            defined(&["an online seller trading as \"PuzzleBarn Direct\" copies it"]).is_empty()
        );
        assert!(defined(&["Ms Roy, doing business as \"Roy Renovations\", owes it"]).is_empty());
        assert_eq!(
            defined(&["Smith LLP (hereinafter referred to as the \"Firm\")"]),
            [(t("Firm"), Parenthetical)]
        );
        assert_eq!(
            defined(&["Chen Law LLP (‘the Firm’, ‘we’ or ‘us’)"]),
            [(t("Firm"), Parenthetical)]
        );
    }

    #[test]
    fn undefined_terms_are_flagged() {
        check(
            undefined_terms,
            &["We will act for you in the Matter."],
            &["0:the Matter"],
        );
        // A defined-term noun with a prefix, written as one word; a fixed date or figure.
        check(
            undefined_terms,
            &[
                "Please send us the Subcontract and the Counterclaim.",
                "We will value the shares at the Valuation Date and chase the Outstanding Balance.",
            ],
            &[
                "0:the Subcontract",
                "0:the Counterclaim",
                "1:the Valuation Date",
                "1:the Outstanding Balance",
            ],
        );
        check(
            undefined_terms,
            &["The verses sit beside the slogan. The Campaign is still running."],
            &["0:The Campaign"],
        );
        check(
            undefined_terms,
            &["The Mandate does not include:"],
            &["0:The Mandate"],
        );
        // What a sale of goods dispute is about.
        check(
            undefined_terms,
            &["Terrasol claims the Shipment was already infected when it left your greenhouse."],
            &["0:the Shipment"],
        );
        check(
            undefined_terms,
            &["It says the Instrument arrived eleven weeks late. We will sell the Collection."],
            &["0:the Instrument", "0:the Collection"],
        );
        // A document's state between "the" and the term.
        check(
            undefined_terms,
            &["We will need the original signed Waiver and any earlier versions."],
            &["0:the original signed Waiver"],
        );
        // A public body with its kind inside its name.
        check(
            undefined_terms,
            &["We will register the lease with the Land Registry Services."],
            &[],
        );
        // The definition it asks for is the term alone.
        let found = undefined_terms(&paragraphs(&["Bring the signed Waiver."]));
        assert!(
            found
                .first()
                .is_some_and(|f| f.message.ends_with("e.g. (the \"Waiver\")")),
            "{found:#?}"
        );
        // A territory a contract draws, unlike a place ("the Northern Territory"); a filing.
        check(
            undefined_terms,
            &[
                "It accepted rentals from customers outside the Protected Territory.",
                "We will prepare the Response for the trustees. Our office is in the Northern Territory.",
            ],
            &["0:the Protected Territory", "1:the Response"],
        );
        // Ordinary words capitalised into a term: a participle first, or the same words
        // also written in lower case.
        check(
            undefined_terms,
            &["A surveyor will plot the Disputed Strip against the Transfer plan."],
            &["0:the Disputed Strip"],
        );
        check(
            undefined_terms,
            &[
                "At a special meeting of members, the members removed three directors.",
                "We will advise whether the Special Meeting was valid.",
            ],
            &["1:the Special Meeting"],
        );
        check(
            undefined_terms,
            &[
                "The Services include advice.",
                "We bill the Services monthly.",
            ],
            &["0:The Services"],
        );
        check(
            undefined_terms,
            &["Under this Agreement, you pay our fees."],
            &["0:this Agreement"],
        );
        // One maker defined, the other only capitalised.
        check(
            undefined_terms,
            &[
                "You bought the dryer from Kindersley Ag Ltd. (the \"Dealer\"). It was built by NorthPlain Ltd.",
                "We will claim against the Manufacturer and the Dealer.",
            ],
            &["1:the Manufacturer"],
        );
        check(
            undefined_terms,
            &[
                "This letter (the \"Retainer Agreement\") sets out terms.",
                "Sign the Agreement and return it.",
            ],
            &["1:the Agreement"],
        );
        check(
            undefined_terms,
            &[
                "We will send the Deliverables to you for review.",
                "You agree to review the Transaction Documents carefully.",
                "The work is set out in more detail in the Scope Document.",
                "We deduct our fee from the Settlement Proceeds.",
            ],
            &[
                "0:the Deliverables",
                "1:the Transaction Documents",
                "2:the Scope Document",
                "3:the Settlement Proceeds",
            ],
        );
        check(
            undefined_terms,
            &[
                "We will represent you at the Hearing.",
                "The Policy limits will matter to your recovery.",
                "The balance is protected by the Accommodation Payment Guarantee Scheme.",
                "Your savings are in the Pension Scheme.",
                "Our view is that the Waiver does not cover this.",
                "The home relies on the Increase Notice.",
                "Bring the Court Attendance Notice with you.",
                "The powers come from the Small Business, Enterprise and Employment Act 2015.",
                "It depends on whether the Vendors settle early.",
                "The Booking Terms limit the operator's liability.",
                "We act for The Corporation of the Town of Millbrook Falls.",
            ],
            &[
                "0:the Hearing",
                "1:The Policy",
                "3:the Pension Scheme",
                "4:the Waiver",
                "5:the Increase Notice",
                "8:the Vendors",
                "9:The Booking Terms",
            ],
        );
        check(
            undefined_terms,
            &["We will sue for every patient affected by the Incident (the \"Action\")."],
            &["0:the Incident"],
        );
        check(
            undefined_terms,
            &["Any such Claim will be reported."],
            &["0:Any such Claim"],
        );
        check(
            undefined_terms,
            &["The Effective Date is the date you sign."],
            &["0:The Effective Date"],
        );
        let doc = paragraphs(&[
            "This letter (the \"Retainer Agreement\") sets out terms.",
            "Sign the Agreement.",
        ]);
        let f = &undefined_terms(&doc)[0];
        assert_eq!(f.suggestion.as_deref(), Some("the Retainer Agreement"));
        assert_eq!(f.related.as_ref().map(|r| r.0), Some(0));
        assert!(f.message.contains("\"the Agreement\""), "{}", f.message);
        check(
            undefined_terms,
            &["Copies To: Maria Chen, Priya Singh, John Smith, Rosa Delgado, Daniel Park, Linh Nguyen and Sam Ortiz, who will review the Matter."],
            &["0:the Matter"],
        );
        check(
            undefined_terms,
            &["We will review the Shareholders' Agreement, then the Facility Letter, and finally the Sub-Contract with your directors before we advise you."],
            &[
                "0:the Shareholders' Agreement",
                "0:the Facility Letter",
                "0:the Sub-Contract",
            ],
        );
        check(
            undefined_terms,
            &["The SLA treats an undisclosed interest seriously, so please check the Filing Bundle carefully before you sign it."],
            &["0:the Filing Bundle"],
        );
        check(
            undefined_terms,
            &["Do not speak to Ministry staff about the Amended Conditions without first checking with us."],
            &["0:the Amended Conditions"],
        );
        check(
            undefined_terms,
            &["We will review the documents and the Remediation Quote and meet with you."],
            &["0:the Remediation Quote"],
        );
        check(
            undefined_terms,
            &["We will review what Dr. Hale may do during the Transition Period, and claim the Outstanding Sum."],
            &["0:the Transition Period", "0:the Outstanding Sum"],
        );
        check(
            undefined_terms,
            &["We will serve a counter-notice under the Leasehold Property (Repairs) Act 1938, if it applies. If the Leasehold Property (Repairs) Act 1938 applies, the notice must be served within 28 days."],
            &[],
        );
        check(
            undefined_terms,
            &[
                "You signed a shareholder agreement (the \"Shareholders' Agreement\").",
                "We will review the Shareholders' Agreement and the Bank's letters.",
            ],
            &[],
        );
        check(
            undefined_terms,
            &["If a second day is needed, we estimate the Additional Work at CAD 1,500, and you may use the New York State Fee Dispute Resolution Program or ask the Office of the Children's Lawyer."],
            &["0:the Additional Work"],
        );
        let doc = paragraphs(&["the Matter and the Matter again, and the Matter."]);
        assert!(undefined_terms(&doc)[0].message.contains("used 3 times"));
    }

    #[test]
    fn role_words_are_terms_unless_part_of_a_name() {
        check(
            undefined_terms,
            &["We will respond if the Owner asks the court to vacate the lien."],
            &["0:the Owner"],
        );
        check(
            undefined_terms,
            &["We will apply to the Landlord and Tenant Board for an order."],
            &[],
        );
    }

    #[test]
    fn compound_words_that_are_no_terms() {
        // Not a defined-term noun after the prefix, or a name that runs on.
        check(
            undefined_terms,
            &["Take the Underground to the Headland. The Subcontract Workers Union meets."],
            &[],
        );
        assert_eq!(compound_head("Subcontract"), Some("Contract"));
        assert_eq!(compound_head("Underlease"), Some("Lease"));
        assert_eq!(compound_head("Sublet"), None);
        assert_eq!(compound_head("Sub"), None);
    }

    #[test]
    fn defined_and_institutional_terms_are_not_flagged() {
        // The start of a longer official name, even when its words also appear in lower case;
        // First Peoples capitalised by convention.
        check(
            undefined_terms,
            &[
                "We will send a letter of claim under the Practice Direction on Pre-Action Conduct.",
                "Under that practice direction, they should reply within 14 days.",
                "The Party Wall etc. Act 1996 may apply; we will not act as your party wall surveyor.",
                "You have the consent of the Traditional Owners on whose Country you harvest.",
                // A council's planning instruments.
                "We will review the General Plan policies and the Official Plan.",
                "The United States court will decide.",
                // A word run into a name ("WorkSafe", "PayPal") is no term; nor is a place.
                "Please keep the WorkSafe incident reports and the PayPal receipts.",
                "The airstrip is in the Northern Territory, near the Gold Coast of nowhere.",
                "Clause 14 of the Lebret Farm Equipment draft gives the sponsor a display right.",
            ],
            &[],
        );
        // The words a definition names, and their long form once an acronym is defined.
        check(
            undefined_terms,
            &[
                "Please read it with the Conditional Fee Agreement we have sent (the \"CFA\").",
                "What you owe is in the Conditional Fee Agreement.",
                "Read the Lease Agreement we have sent you (the \"Lease\").",
                "We will file the Labor Condition Application (LCA) with the Department of Labor.",
                "Your husband's pension, the Northgate Engineering Pension Plan (the \"Scheme\"), is shared.",
            ],
            &[],
        );
        check(
            undefined_terms,
            &[
                "We act in your claim (the \"Matter\").",
                "The Matter is complex.",
            ],
            &[],
        );
        check(
            undefined_terms,
            &["Acme Corp. (the “Client”) retains us; the Client's file is open."],
            &[],
        );
        check(
            undefined_terms,
            &[
                "(collectively, the \"Services\")",
                "Each Service is billed.",
            ],
            &[],
        );
        check(
            undefined_terms,
            &["You may complain to the Law Society, the Court, the Legal Ombudsman, or read the Statement of Client's Rights under the Solicitors Act in the Province."],
            &[],
        );
        check(
            undefined_terms,
            &["We will act for you in the matter and bill the services."],
            &[],
        );
        check(
            undefined_terms,
            &["Re: The Purchase of the Property at 12 Main Street"],
            &[],
        );
        check(
            undefined_terms,
            &["We will log in to the Client Portal."],
            &[],
        );
        check(
            undefined_terms,
            &["The Honourable Justice Smith heard the Estate of John Smith."],
            &[],
        );
        check(
            undefined_terms,
            &["THE CLIENT ACKNOWLEDGES THE TERMS."],
            &[],
        );
        let doc = letter(&[(H1, "The Services"), (P, "We do the work.")]);
        assert!(undefined_terms(&doc).is_empty());
        let doc = letter(&[
            (C, "the Matter"),
            (P, "We act (the \"Client\")."),
            (P, "the Client"),
        ]);
        assert!(undefined_terms(&doc).is_empty());
    }

    #[test]
    fn unused_definitions_are_flagged() {
        check(
            unused_definitions,
            &[
                "We act in your claim (the \"Matter\").",
                "Our fees are hourly.",
            ],
            &["0:Matter"],
        );
        check(
            unused_definitions,
            &["\"Deposit\" means the money you pay first."],
            &["0:Deposit"],
        );
        // A sentence-case term is used in lower case; a one-word term is not.
        check(
            unused_definitions,
            &[
                "\"Gross recovery\" means everything paid to you.",
                "Our fee is 25% of the gross recovery.",
            ],
            &[],
        );
        check(
            unused_definitions,
            &[
                "\"Deposit\" means the money you pay first.",
                "The deposit is $500.",
            ],
            &["0:Deposit"],
        );
        check(
            unused_definitions,
            &[
                "Acme Corp. (the “Client”) retains us.",
                "The client will pay the retainer.",
            ],
            &["0:Client"],
        );
        check(
            unused_definitions,
            &["The Matter is a claim (the \"Matter\")."],
            &["0:Matter"],
        );
    }

    #[test]
    fn used_definitions_are_not_flagged() {
        check(
            unused_definitions,
            &[
                "We act in your claim (the \"Matter\").",
                "The Matter is complex.",
            ],
            &[],
        );
        check(
            unused_definitions,
            &["Acme Corp. (the \"Client\") retains us; the Client's file is open."],
            &[],
        );
        check(
            unused_definitions,
            &["the work (the \"Services\")", "Each Service is billed."],
            &[],
        );
        check(
            unused_definitions,
            &["the parties (each a \"Party\")", "The Parties agree."],
            &[],
        );
        check(
            unused_definitions,
            &["(the \"Fee Estimate\")", "We may revise the Fee Estimate."],
            &[],
        );
        check(
            unused_definitions,
            &["Acme Corp. (the Client) retains us."],
            &[],
        );
        check(unused_definitions, &["We have no definitions at all."], &[]);
        check(
            unused_definitions,
            &[
                "is the \"Franchise Agreement.\"",
                "Review the Franchise Agreement.",
                "\"Franchise Agreement\" means it.",
            ],
            &[],
        );
        check(
            unused_definitions,
            &["Tick the \"Acceptance\" box and sign."],
            &[],
        );
        check(
            unused_definitions,
            &["(the \"Matter\")", "Sign the “Matter” form."],
            &[],
        );
    }

    #[test]
    fn duplicate_definitions_are_flagged() {
        check(
            duplicate_definitions,
            &[
                "Your claim (the \"Matter\") is complex.",
                "The lawsuit (the \"Matter\") is next.",
                "The Matter.",
            ],
            &["1:Matter"],
        );
        check(
            duplicate_definitions,
            &["(the \"Client\") and (the “Client”)"],
            &["0:Client"],
        );
        check(
            duplicate_definitions,
            &[
                "the litigation (the \"Action\")",
                "The lawsuit is hereinafter referred to as the \"Action.\"",
            ],
            &["1:Action"],
        );
        let doc = paragraphs(&["\"Matter\" means the claim.", "the claim (the \"Matter\")"]);
        let found = duplicate_definitions(&doc);
        assert_eq!(
            found[0].related.as_ref().map(|r| (r.0, r.1.clone())),
            Some((0, 1..7))
        );
    }

    #[test]
    fn single_and_informal_definitions_are_not_duplicates() {
        check(
            duplicate_definitions,
            &["(the \"Matter\")", "(the \"Client\")", "(the \"Services\")"],
            &[],
        );
        check(
            duplicate_definitions,
            &[
                "(the \"Retainer Agreement\")",
                "Sign the “Retainer Agreement” below.",
            ],
            &[],
        );
        check(
            duplicate_definitions,
            &["(the \"Matter\")", "(the \"Matters\")"],
            &[],
        );
        let doc = letter(&[
            (BlockKind::Header, "(the \"Firm\")"),
            (BlockKind::Header, "(the \"Firm\")"),
        ]);
        assert!(duplicate_definitions(&doc).is_empty());
    }
}

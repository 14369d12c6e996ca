//! Drafting proofreading checks: pure functions over a read letter.
//!
//! Each check reads the prose blocks of a [`Document`] (never comments) and returns
//! [`Finding`]s: a block, a byte range of that block's plain text, and a message a lawyer can
//! act on. The rule engine turns findings into diagnostics (the `defined-terms`,
//! `cross-reference`, `numbering`, `balance`, `dates` and `names` kinds).
//!
//! The checks are deliberately conservative: a false alarm on a well-drafted letter costs as
//! much trust as a missed defect, so each one only speaks when the text leaves no doubt.

use std::ops::Range;

use crate::document::{Block, Document};

mod balance;
mod dates;
mod names;
mod numbering;
mod terms;
mod xref;

pub use balance::balance;
pub(crate) use dates::civil_from_days;
pub use dates::{dates, weekday, Weekday};
pub use names::party_names;
pub use numbering::numbering;
pub use terms::{definitions, duplicate_definitions, undefined_terms, unused_definitions};
pub use terms::{Definition, DefinitionForm};
pub use xref::cross_references;

/// One problem found by a drafting check. Each check returns its findings in document order
/// (block, then offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Index in [`Document::blocks`].
    pub block: usize,
    /// Byte range in that block's plain text; never empty, always on char boundaries.
    pub range: Range<usize>,
    /// Plain English a lawyer can act on, quoting the words.
    pub message: String,
    /// A secondary place (block, byte range, label), e.g. where a term was first defined.
    pub related: Option<(usize, Range<usize>, String)>,
    /// A replacement for the words at `range`, when there is an obvious one.
    pub suggestion: Option<String>,
}

impl Finding {
    fn new(block: usize, range: Range<usize>, message: String) -> Self {
        Finding {
            block,
            range,
            message,
            related: None,
            suggestion: None,
        }
    }

    fn with_related(mut self, block: usize, range: Range<usize>, label: impl Into<String>) -> Self {
        self.related = Some((block, range, label.into()));
        self
    }

    fn with_suggestion(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }
}

/// A drafting check: a pure function from a letter to its findings.
pub type Check = fn(&Document) -> Vec<Finding>;

/// Every drafting check with the id of the built-in rule it carries out, in catalog order.
pub const CHECKS: [(&str, Check); 8] = [
    ("drafting.undefined-term", undefined_terms),
    ("drafting.unused-definition", unused_definitions),
    ("drafting.duplicate-definition", duplicate_definitions),
    ("drafting.cross-reference", cross_references),
    ("drafting.numbering", numbering),
    ("drafting.brackets", balance),
    ("drafting.date", dates),
    ("drafting.party-name", party_names),
];

/// The prose blocks of a letter (comments skipped), with their indices.
fn prose(doc: &Document) -> impl Iterator<Item = (usize, &Block)> {
    doc.prose()
}

/// The text at `range`, or "" when the range is not valid for `text`.
fn slice(text: &str, range: Range<usize>) -> &str {
    text.get(range).unwrap_or("")
}

/// Quote at most `max` characters of `s` (an ellipsis marks a cut), for messages.
fn excerpt(s: &str, max: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", s.get(..cut).unwrap_or(s).trim_end()),
        None => s.to_string(),
    }
}

/// Levenshtein distance between two short words, giving up (returning `limit + 1`) once the
/// distance must exceed `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    // Row indices below are bounded by construction (both rows hold b.len() + 1 cells).
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(limit + 1)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Builds documents for the checks' tests without depending on any reader.

    use std::sync::Arc;

    use crate::document::{Block, BlockKind, Document, Format, OffsetMap};

    pub(crate) const P: BlockKind = BlockKind::Paragraph;
    pub(crate) const H1: BlockKind = BlockKind::Heading { level: 1 };
    pub(crate) const H2: BlockKind = BlockKind::Heading { level: 2 };
    pub(crate) const LI: BlockKind = BlockKind::ListItem { level: 0 };
    pub(crate) const C: BlockKind = BlockKind::Comment;

    /// A document whose blocks are the given kinds and plain texts, one per line of the view.
    pub(crate) fn letter(blocks: &[(BlockKind, &str)]) -> Document {
        let mut view = String::new();
        let mut out = Vec::new();
        for (kind, text) in blocks {
            let mut map = OffsetMap::new();
            map.push_copy(0, view.len(), text.len());
            view.push_str(text);
            view.push('\n');
            out.push(Block::new(*kind, (*text).to_string(), map));
        }
        Document::new(Format::Text, Arc::from(view), out)
    }

    /// A letter of body paragraphs only.
    pub(crate) fn paragraphs(texts: &[&str]) -> Document {
        let blocks: Vec<(BlockKind, &str)> = texts.iter().map(|t| (P, *t)).collect();
        letter(&blocks)
    }

    /// The quoted words of each finding, as `block:words`, for compact assertions.
    pub(crate) fn spans(doc: &Document, findings: &[super::Finding]) -> Vec<String> {
        findings
            .iter()
            .map(|f| {
                let text = &doc.blocks[f.block].text;
                format!("{}:{}", f.block, &text[f.range.clone()])
            })
            .collect()
    }

    /// Every finding points at real, non-empty words of a prose block.
    pub(crate) fn assert_well_formed(doc: &Document, findings: &[super::Finding]) {
        for f in findings {
            let block = &doc.blocks[f.block];
            assert!(block.kind.is_prose(), "finding in a comment: {f:?}");
            assert!(!f.range.is_empty(), "empty range: {f:?}");
            assert!(
                block.text.get(f.range.clone()).is_some(),
                "bad range: {f:?}"
            );
            assert!(!f.message.is_empty());
            if let Some((b, r, _)) = &f.related {
                assert!(
                    doc.blocks[*b].text.get(r.clone()).is_some(),
                    "bad related: {f:?}"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn helpers() {
        assert_eq!(edit_distance("John", "Jon", 2), 1);
        assert_eq!(edit_distance("Smith", "Smyth", 2), 1);
        assert_eq!(edit_distance("Maria", "Priya", 2), 3);
        assert_eq!(edit_distance("", "abc", 5), 3);
        assert_eq!(excerpt("abcdef", 3), "abc…");
        assert_eq!(excerpt("été", 5), "été");
    }

    fn all_checks(doc: &Document) -> Vec<Finding> {
        CHECKS.iter().flat_map(|(_, run)| run(doc)).collect()
    }

    #[test]
    fn large_letter_runs_through_every_check() {
        // 5,000 paragraphs with definitions, references, dates, names and numbering: the checks
        // must stay near-linear (a quadratic pass would take minutes here).
        let mut texts = Vec::new();
        for i in 0..5000 {
            texts.push(match i % 5 {
                0 => format!(
                    "{}. Heading paragraph about Term{i} (the \"Term{i}\") and the Matter.",
                    i / 5 + 1
                ),
                1 => format!(
                    "See section {} and Schedule A; the Term{} applies.",
                    i % 40,
                    i - 1
                ),
                2 => "Our meeting on Thursday, 26 November 2026 with Acme Corp. (the \"Client\")"
                    .to_string(),
                3 => format!(
                    "(a) the Client will pay (b) within {} days; Mr. John Smith{i} agrees.",
                    i % 30
                ),
                _ => {
                    "Acme Corporation and Mr. Jon Smith signed on 31 April 2026 [draft".to_string()
                }
            });
        }
        // Adversarial blocks: deep nesting, closers that match nothing, a huge label.
        texts.push("(".repeat(50_000));
        texts.push(format!("({}{}", "[".repeat(50_000), ")".repeat(50_000)));
        texts.push(format!("({}) x", "c".repeat(50_000)));
        texts.push("“\"".repeat(30_000));
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let doc = paragraphs(&refs);
        let findings = all_checks(&doc);
        assert_well_formed(&doc, &findings);
        assert!(findings.len() > 1000);
    }

    /// A clean, well-drafted letter: no check may say anything about it.
    const GOOD_LETTER: &[(crate::document::BlockKind, &str)] = &[
        (crate::document::BlockKind::Title, "Chen Law LLP"),
        (P, "1200 Albert Street, Suite 400, Regina, Saskatchewan S4R 2N5 | Tel. (306) 555-0142"),
        (P, "Thursday, 26 November 2026"),
        (P, "Acme Holdings Inc."),
        (P, "Attention: Mr. John Smith, President"),
        (P, "Re: Retainer for the purchase of 55 Main Street (our file no. 2026-114)"),
        (P, "Dear Mr. Smith:"),
        (P, "Thank you for choosing Chen Law LLP (the \"Firm\", \"we\" or \"us\"). This letter (the \"Retainer Agreement\") confirms that Acme Holdings Inc. (the \"Client\" or \"you\") has retained the Firm to act on the purchase of 55 Main Street, Regina (the \"Property\")."),
        (H2, "1. Scope of the Services"),
        (P, "We will review the agreement of purchase and sale, search title, prepare the closing documents and register the transfer (collectively, the \"Services\"). The Services do not include tax advice; we recommend that you consult your accountant (for example, about GST on the Property)."),
        (P, "1.1 Exclusions. We will not advise on zoning, environmental matters or financing unless you ask us to in writing."),
        (P, "1.2 Changes. If the scope changes, we will confirm the change by email before doing the work."),
        (H2, "2. Fees and Disbursements"),
        (P, "Our fees are based on time spent: Maria Chen, partner, at $425 per hour, and Priya Singh, legal assistant, at $150 per hour, billed in six-minute increments. We estimate the total fees at $3,500 to $4,500, plus GST and PST, and disbursements (for example, search and registration fees) at about $600."),
        (P, "We ask for a deposit of $2,000 (the \"Deposit\"), which we will hold in our trust account and apply to our final account. As set out in section 3 below, we bill monthly."),
        (H2, "3. Billing and Payment"),
        (P, "We will send an account every month, and when we take money from trust. Accounts are payable within 30 days; you may ask the Court of King's Bench to review (assess) an account within 30 days of receiving it, under section 76 of The Legal Profession Act, 1990 and Rule 1902 of the Law Society's rules."),
        (P, "(a) by cheque payable to Chen Law LLP in trust;"),
        (P, "(b) by electronic funds transfer; or"),
        (P, "(c) by credit card, subject to a 2% surcharge."),
        (H2, "4. Communication"),
        (P, "Maria Chen is responsible for your file. Her assistant, Priya Singh, can answer questions about documents, dates and accounts. We return calls and emails within one business day; if Ms. Chen is away, Ms. Singh will tell you when she will reply. We will update you after each step, and at least every two weeks, including after the closing on Friday, 18 December 2026."),
        (H2, "5. Ending the Retainer"),
        (P, "You may end this Retainer Agreement at any time by telling us in writing. We may withdraw for the reasons the Law Society's Code of Professional Conduct allows; the Deposit, less fees and disbursements earned, will be refunded. If the Client ends the retainer, see section 2 for how fees are charged."),
        (P, "If you are not satisfied with our services or an account, please tell Ms. Chen first; you may also contact the Law Society of Saskatchewan. Schedule A sets out our standard terms."),
        (H2, "Schedule A - Standard Terms"),
        (P, "The Client's documents will be kept for ten years after the file closes, then destroyed unless you ask for them. Interest on money held in trust is paid to the Law Foundation as the Act requires."),
        (P, "Yours truly,"),
        (P, "Chen Law LLP"),
        (P, "Per: Maria Chen, Partner"),
        (P, "I have read and agree to this Retainer Agreement on behalf of Acme Holdings Inc."),
        (P, "ACME HOLDINGS INC."),
        (P, "Per: John Smith, President        Date: ________________"),
    ];

    /// An English solicitors' client care letter: single quotes, the Legal Ombudsman, VAT.
    const GOOD_UK_LETTER: &[(crate::document::BlockKind, &str)] = &[
        (crate::document::BlockKind::Header, "Harding & Rowe Solicitors LLP | Private and Confidential"),
        (P, "Our ref: JR/2026/0413 | Your ref: 2026-14-07"),
        (P, "1 December 2026"),
        (P, "Dear Ms Okafor,"),
        (P, "Purchase of 14 Elm Grove, Leeds LS6 2AB"),
        (P, "Thank you for instructing Harding & Rowe Solicitors LLP (‘the Firm’, ‘we’, ‘us’) on your purchase of 14 Elm Grove (the ‘Property’). This letter and our Terms of Business (together, the ‘Engagement’) set out the basis on which the Firm will act."),
        (H2, "Who will deal with your matter"),
        (P, "James Rowe, a partner, will be responsible for your matter, supervised by Helen Harding. His assistant, Aisha Patel, will help with day-to-day questions; you can reach her on 0113 496 0000. If Mr Rowe is away, Ms Patel will tell you when he will reply, normally within two working days."),
        (H2, "Our charges"),
        (P, "Our fixed fee for the Property is £1,450 plus VAT at 20% (£290), so £1,740 in total. Disbursements (payments we make on your behalf, such as search fees and Land Registry fees) are extra; we estimate them at £650. Stamp Duty Land Tax is payable to HMRC and is not included."),
        (P, "We will ask you for £500 on account before we order searches. We will send a final bill on completion; it is payable on receipt."),
        (H2, "Timescales"),
        (P, "We expect exchange in January 2027 and completion on Friday 29 January 2027, though dates depend on the seller's solicitors. We will tell you promptly, and at least every two weeks, how the matter is progressing."),
        (H2, "Complaints"),
        (P, "If you are unhappy with our service, please tell Mr Rowe first, or our Complaints Partner, Helen Harding. If we cannot resolve your complaint within eight weeks, you may ask the Legal Ombudsman to consider it, within six months of our final response and within one year of the problem (see www.legalombudsman.org.uk). The Solicitors Regulation Authority can help if you are concerned about our behaviour."),
        (P, "Please sign and return the enclosed copy of this letter and of our Terms of Business. The Engagement takes effect when we receive them; the Firm's obligations start then."),
        (P, "Yours sincerely,"),
        (P, "James Rowe"),
        (P, "Partner, for and on behalf of Harding & Rowe Solicitors LLP"),
        (P, "I, Grace Okafor, accept these terms. Signed: ____________  Date: ____________"),
        (crate::document::BlockKind::Footer, "Harding & Rowe Solicitors LLP is authorised and regulated by the Solicitors Regulation Authority (SRA No. 612345)."),
    ];

    /// A California engagement letter: statute sections, Exhibit A, US dates.
    const GOOD_US_LETTER: &[(crate::document::BlockKind, &str)] = &[
        (crate::document::BlockKind::Title, "Engagement Letter"),
        (P, "November 30, 2026"),
        (P, "Ms. Rosa Delgado"),
        (P, "Delgado Design, LLC"),
        (P, "Dear Ms. Delgado:"),
        (P, "This letter (this \"Agreement\") confirms that Park & Nguyen LLP (\"Attorneys\") will represent Delgado Design, LLC (\"Client\") in the trademark dispute with Sunset Signs Inc. (the \"Matter\"). As required by section 6148 of the Business and Professions Code, this Agreement states the basis of our compensation, the nature of the legal services, and the responsibilities of Attorneys and Client."),
        (H2, "1. Scope of Services"),
        (P, "Attorneys will advise Client on the Matter, send a demand letter, and negotiate a settlement. Litigation and appeals are not included; they would need a new agreement. Client will provide complete and accurate information and pay invoices on time."),
        (H2, "2. Fees"),
        (P, "Our hourly rates are $450 for Daniel Park and $395 for Linh Nguyen, billed in 0.1-hour increments. Costs (filing fees, courier charges) are billed at cost. The rates in Exhibit A may change on January 1 of each year with 30 days' written notice."),
        (P, "Client will pay an advance fee deposit of $5,000, held in our client trust account. Under Rule 1.15 of the California Rules of Professional Conduct we will account for it monthly."),
        (H2, "3. Billing"),
        (P, "We bill monthly. Invoices are due within 30 days. If you dispute a bill, you may request arbitration under Business and Professions Code sections 6200-6206 (the Mandatory Fee Arbitration Act)."),
        (H2, "4. Communication"),
        (P, "Daniel Park is responsible for the Matter. We will return calls and emails within one business day and report on progress at least every 30 days, and after each significant development (for example, the mediation set for Tuesday, January 12, 2027). Our paralegal, Sam Ortiz, can answer scheduling questions."),
        (H2, "5. Termination"),
        (P, "Client may discharge Attorneys at any time. Attorneys may withdraw as permitted by the Rules of Professional Conduct. On termination, the unearned portion of the deposit will be refunded, and sections 2 and 3 continue to apply to fees already incurred."),
        (H2, "Exhibit A - Rate Schedule"),
        (P, "Partner: $450 per hour; Associate: $395 per hour; Paralegal: $185 per hour."),
        (P, "If this Agreement is acceptable, please sign below and return a copy; a fully signed duplicate will be provided to Client."),
        (P, "PARK & NGUYEN LLP"),
        (P, "By: Daniel Park, Partner"),
        (P, "DELGADO DESIGN, LLC"),
        (P, "By: Rosa Delgado, Managing Member    Date: __________"),
    ];

    /// A family-law letter: relatives share surnames, dates without years, lists inline.
    const GOOD_FAMILY_LETTER: &[(crate::document::BlockKind, &str)] = &[
        (P, "Monday, 7 December 2026"),
        (P, "PRIVILEGED AND CONFIDENTIAL"),
        (P, "Ms. Mary Tremblay"),
        (P, "Dear Ms. Tremblay:"),
        (P, "Re: Your separation from Mark Tremblay"),
        (P, "Thank you for meeting with me on Thursday 3 December. You have asked Okafor Family Law (\"we\" or \"us\") to act for you in your separation from your husband, Mark Tremblay, including parenting arrangements for your children, Marie Tremblay and Mario Tremblay, and the division of property (the \"Matter\")."),
        (P, "We will not act on a contingency basis: the law does not allow it in parenting matters. Our work on the Matter will include (a) negotiating a separation agreement; (b) if needed, an application to the Court of King's Bench (Family Law Division); and (c) advice on child support under the Federal Child Support Guidelines."),
        (P, "My hourly rate is $380; my associate, Daniel Okafor, bills at $260 and our clerk, Danielle Okafor, at $140. Your sister, Joan Tremblay, may attend meetings with your written consent, but she is not our client."),
        (P, "The first step is a disclosure meeting on Wednesday, 16 December at 10:00 a.m. (please bring your 2023, 2024 and 2025 tax returns). I will be away from 24 December to 4 January; Mr. Okafor will cover urgent issues."),
        (P, "If Mark's lawyer writes to you directly, please send the letter to me. We report to you by email after every step, and you may call me any weekday between 9:00 and 5:00 :)"),
        (P, "Sincerely,"),
        (P, "Grace Okafor"),
        (P, "Okafor Family Law"),
    ];

    /// Australian and New York passages: statute citations, ABNs, emoticons, look-alike names.
    const GOOD_PASSAGES: &[(crate::document::BlockKind, &str)] = &[
        (P, "This costs agreement (the ‘Agreement’) is made between Nguyen Lawyers Pty Ltd ABN 12 345 678 901 (‘we’, ‘us’) and Harbour Café Pty Ltd (‘you’)."),
        (P, "Under section 174(2) of the Legal Profession Uniform Law you may negotiate a costs agreement, receive a bill and request an itemised bill (s 174(1)(b))."),
        (P, "You may contact the Office of the Legal Services Commissioner (OLSC) on 1800 242 958 about this Agreement."),
        (P, "Pursuant to 22 NYCRR Part 137, you may have the right to arbitrate fee disputes; we bill at least every 60 days (22 NYCRR § 1215.1)."),
        (P, "Our office hours are Monday to Friday, 9:00 a.m. to 5:00 p.m., excluding holidays such as Labour Day (Monday, 7 September 2026)."),
        (P, "The hearing is set for March 3, 2027; the defendant, Brooklyn Bagels Inc., has until February 12, 2027 to answer."),
        (P, "Ms. Ana Lima (the \"Client\") instructs us. The Client's daughter, Ana Luiza Lima, is a witness; Mr. Luis Lima is her father."),
        (P, "Smith & Wesson Holding Corp. is not a party; neither is Smith & Wesson Inc."),
        (P, "If you have any questions (about fees, timing or anything else), please call me :-) or email me."),
        (P, "The “Effective Date” is the date you sign; we act through Harbour Café Pty Ltd's director, Mr. Tran Van Minh."),
        (P, "We refer to our call on Tuesday (1 December 2026) and to your email of 30 November."),
    ];

    #[test]
    fn clean_letters_draw_no_findings() {
        for good in [
            GOOD_LETTER,
            GOOD_UK_LETTER,
            GOOD_US_LETTER,
            GOOD_FAMILY_LETTER,
            GOOD_PASSAGES,
        ] {
            let doc = letter(good);
            let findings = all_checks(&doc);
            assert_well_formed(&doc, &findings);
            let described: Vec<String> = findings
                .iter()
                .map(|f| format!("{}: {}", spans(&doc, std::slice::from_ref(f))[0], f.message))
                .collect();
            assert!(described.is_empty(), "{described:#?}");
        }
    }

    #[test]
    fn a_clean_letter_draws_no_findings() {
        let doc = letter(GOOD_LETTER);
        let findings = all_checks(&doc);
        assert_well_formed(&doc, &findings);
        let described: Vec<String> = findings
            .iter()
            .map(|f| format!("{}: {}", spans(&doc, std::slice::from_ref(f))[0], f.message))
            .collect();
        assert!(described.is_empty(), "{described:#?}");
    }

    #[test]
    fn a_letter_with_seeded_defects_draws_each() {
        let mut blocks = GOOD_LETTER.to_vec();
        let seeded: &[(usize, &str)] = &[
            (13, "Our fees are based on time spent (payable within 30 days, and the Matter is billed at $425 per hour."),
            (16, "We will send an account every month. See section 9 for assessment, and Error! Reference source not found."),
            (18, "(b) by electronic funds transfer; or"),
            (19, "(d) by credit card, subject to a 2% surcharge."),
            (21, "We will update you after each step, including after the closing on Friday, 17 December 2026, or 31 April 2027."),
            (28, "I have read and agree on behalf of Acme Holdings Corp."),
            (22, "You may end this Retainer Agreement at any time. The deposit (the \"Deposit\") is refundable."),
        ];
        for &(at, text) in seeded {
            blocks[at].1 = text;
        }
        let doc = letter(&blocks);
        let found = |run: fn(&Document) -> Vec<Finding>| spans(&doc, &run(&doc));
        assert_eq!(found(balance), ["13:("]);
        assert_eq!(found(undefined_terms), ["13:the Matter"]);
        assert_eq!(
            found(cross_references),
            ["16:section 9", "16:Error! Reference source not found."]
        );
        assert_eq!(found(numbering), ["19:(d)"]);
        assert_eq!(
            found(dates),
            ["21:Friday, 17 December 2026", "21:31 April 2027"]
        );
        assert_eq!(found(party_names), ["28:Acme Holdings Corp."]);
        assert_eq!(found(duplicate_definitions), ["22:Deposit"]);
        assert_eq!(found(unused_definitions), Vec::<String>::new());
    }

    fn block_kind() -> impl Strategy<Value = crate::document::BlockKind> {
        prop_oneof![Just(P), Just(H1), Just(H2), Just(LI), Just(C)]
    }

    fn block_text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            // Text made of the pieces the checks key on, to reach deep into their branches.
            proptest::collection::vec(
                prop_oneof![
                    Just("(".to_string()),
                    Just(")".to_string()),
                    Just("“".to_string()),
                    Just("”".to_string()),
                    Just("\"".to_string()),
                    Just("[".to_string()),
                    Just("é".to_string()),
                    Just(" the Matter ".to_string()),
                    Just("(the \"Client\")".to_string()),
                    Just(" see section 4.2(b) ".to_string()),
                    Just("Schedule A".to_string()),
                    Just("1. ".to_string()),
                    Just("(c) ".to_string()),
                    Just("iv. ".to_string()),
                    Just("Monday, 31 April 2026".to_string()),
                    Just("February 29, 2027".to_string()),
                    Just("2026-13-01".to_string()),
                    Just("Acme Corp.".to_string()),
                    Just("Mr. Jon Smith".to_string()),
                    Just("Mr. John Smith".to_string()),
                    Just(" ".to_string()),
                    Just(".".to_string()),
                    "[A-Za-z0-9 ]{0,6}",
                    "\\PC{0,3}",
                ],
                0..12
            )
            .prop_map(|parts| parts.concat()),
        ]
    }

    proptest! {
        #[test]
        fn checks_are_total_on_label_like_text(
            texts in proptest::collection::vec("[(]?[ivxlcIVXLC0-9a-z.]{0,40}[).]? [A-Za-z0-9 ()“”\"]{0,12}", 1..10)
        ) {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let doc = paragraphs(&refs);
            assert_well_formed(&doc, &all_checks(&doc));
        }

        #[test]
        fn checks_are_total_on_any_text(blocks in proptest::collection::vec((block_kind(), block_text()), 0..8)) {
            let refs: Vec<(crate::document::BlockKind, &str)> =
                blocks.iter().map(|(k, t)| (*k, t.as_str())).collect();
            let doc = letter(&refs);
            let findings = all_checks(&doc);
            assert_well_formed(&doc, &findings);
        }
    }
}

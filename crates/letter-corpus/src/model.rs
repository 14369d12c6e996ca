//! A letter as an ordered list of blocks, independent of the file format it is written in.

/// One block of a letter. Inline text may contain `**bold**` spans; both writers honour them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The letter's title ("Retainer Agreement").
    Title(String),
    /// A section heading (level 1 below the title).
    Heading(String),
    /// A sub-heading inside a section (long letters' schedules).
    Subheading(String),
    /// A paragraph of prose.
    Paragraph(String),
    /// Short lines kept together with line breaks (address block, signature block).
    Lines(Vec<String>),
    /// A bulleted list.
    Bullets(Vec<String>),
    /// A numbered list.
    Numbered(Vec<String>),
    /// A table: header row then body rows.
    Table {
        /// Column titles.
        header: Vec<String>,
        /// Body rows, each as long as `header`.
        rows: Vec<Vec<String>>,
    },
}

impl Block {
    /// Every piece of text in the block, for word counts and searches.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Block::Title(t) | Block::Heading(t) | Block::Subheading(t) | Block::Paragraph(t) => {
                vec![t.as_str()]
            }
            Block::Lines(ls) | Block::Bullets(ls) | Block::Numbered(ls) => {
                ls.iter().map(String::as_str).collect()
            }
            Block::Table { header, rows } => header
                .iter()
                .chain(rows.iter().flatten())
                .map(String::as_str)
                .collect(),
        }
    }
}

/// A clause a letter may leave out; leaving it out should fire the rule named by
/// [`Clause::rule_id`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Clause {
    /// Verifying the client's identity.
    Verification,
    /// What the retainer does not cover.
    Exclusions,
    /// What the client must do.
    ClientDuties,
    /// Next steps and timeline.
    NextSteps,
    /// Estimate of total fees.
    Estimate,
    /// Sales tax on fees.
    Tax,
    /// Disbursements explained.
    Disbursements,
    /// How rates may change.
    RateChanges,
    /// Payment terms.
    BillingDue,
    /// How to reach the lawyer.
    Channels,
    /// Whether calls and emails are billed.
    CommsCost,
    /// Set times for returning calls.
    Availability,
    /// Path for urgent matters.
    Urgent,
    /// A response-time commitment.
    ResponseCommitment,
    /// Acknowledgement distinct from full answer.
    Acknowledgement,
    /// The assistant, named with contacts.
    Assistant,
    /// What the assistant can help with.
    AssistantTopics,
    /// Cadence of status updates.
    StatusUpdates,
    /// How the retainer ends.
    Termination,
    /// File retention period.
    FileRetention,
    /// Route for complaints and fee disputes.
    Disputes,
    /// Client's signature block.
    Signature,
}

impl Clause {
    /// Every clause that may be omitted.
    pub const ALL: [Clause; 22] = [
        Clause::Verification,
        Clause::Exclusions,
        Clause::ClientDuties,
        Clause::NextSteps,
        Clause::Estimate,
        Clause::Tax,
        Clause::Disbursements,
        Clause::RateChanges,
        Clause::BillingDue,
        Clause::Channels,
        Clause::CommsCost,
        Clause::Availability,
        Clause::Urgent,
        Clause::ResponseCommitment,
        Clause::Acknowledgement,
        Clause::Assistant,
        Clause::AssistantTopics,
        Clause::StatusUpdates,
        Clause::Termination,
        Clause::FileRetention,
        Clause::Disputes,
        Clause::Signature,
    ];

    /// The catalog rule that should fire when this clause is missing.
    pub fn rule_id(self) -> &'static str {
        match self {
            Clause::Verification => "identity.verification",
            Clause::Exclusions => "scope.exclusions",
            Clause::ClientDuties => "scope.client-duties",
            Clause::NextSteps => "scope.next-steps",
            Clause::Estimate => "fees.estimate",
            Clause::Tax => "fees.tax",
            Clause::Disbursements => "fees.disbursements",
            Clause::RateChanges => "fees.rate-changes",
            Clause::BillingDue => "billing.due",
            Clause::Channels => "comms.channels",
            Clause::CommsCost => "comms.cost",
            Clause::Availability => "comms.availability",
            Clause::Urgent => "comms.urgent",
            Clause::ResponseCommitment => "response.commitment",
            Clause::Acknowledgement => "response.acknowledgement",
            Clause::Assistant => "staff.assistant",
            Clause::AssistantTopics => "staff.assistant-topics",
            Clause::StatusUpdates => "status.updates",
            Clause::Termination => "termination.terms",
            Clause::FileRetention => "file.retention",
            Clause::Disputes => "disputes.route",
            Clause::Signature => "template.signature",
        }
    }
}

/// A fault deliberately written into a letter, so that rules have something to find.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Defect {
    /// A clause is left out.
    Omitted(Clause),
    /// "promptly", "as soon as possible", … about replies.
    VagueTiming,
    /// A response time longer than two business days.
    SlowResponse,
    /// "[CLIENT NAME]", "{{matter_number}}", "TBD", …
    Placeholder,
    /// "[Note: delete if not litigation]", …
    DraftingNote,
    /// "three thousand dollars ($3,500)".
    WordsFigures,
    /// "psingh@firm" (no domain suffix).
    MalformedEmail,
    /// A phone number one digit short.
    MalformedPhone,
    /// "a non-refundable retainer".
    NonRefundable,
    /// "herein", "pursuant to", "in the event that", …
    Legalese,
    /// "we will win".
    Guarantee,
    /// "our usual rates" instead of a fee basis.
    VagueFeeBasis,
    /// "350 per hour" without a currency marker.
    NoCurrency,
    /// "from time to time" billing.
    VagueBilling,
    /// "1.5% per month" without an annual rate.
    MonthlyInterest,
    /// A retainer asked for without trust, application and refund terms.
    IncompleteDeposit,
    /// "our assistant can answer any questions about your case".
    AssistantAdvice,
    /// "31 April 2026".
    ImpossibleDate,
    /// "(payable within 30 days" with no closing bracket.
    UnbalancedBracket,
}

impl Defect {
    /// Defects other than omissions.
    pub const WRITTEN: [Defect; 18] = [
        Defect::VagueTiming,
        Defect::SlowResponse,
        Defect::Placeholder,
        Defect::DraftingNote,
        Defect::WordsFigures,
        Defect::MalformedEmail,
        Defect::MalformedPhone,
        Defect::NonRefundable,
        Defect::Legalese,
        Defect::Guarantee,
        Defect::VagueFeeBasis,
        Defect::NoCurrency,
        Defect::VagueBilling,
        Defect::MonthlyInterest,
        Defect::IncompleteDeposit,
        Defect::AssistantAdvice,
        Defect::ImpossibleDate,
        Defect::UnbalancedBracket,
    ];

    /// The catalog rule this defect should fire (other rules may fire too).
    pub fn rule_id(self) -> &'static str {
        match self {
            Defect::Omitted(c) => c.rule_id(),
            Defect::VagueTiming => "response.vague",
            Defect::SlowResponse => "response.limit",
            Defect::Placeholder => "template.placeholder",
            Defect::DraftingNote => "template.drafting-note",
            Defect::WordsFigures => "fees.words-figures",
            Defect::MalformedEmail | Defect::MalformedPhone => "staff.contact-format",
            Defect::NonRefundable => "trust.nonrefundable",
            Defect::Legalese => "plain.legalese",
            Defect::Guarantee => "scope.guarantee",
            Defect::VagueFeeBasis => "fees.basis",
            Defect::NoCurrency => "fees.currency",
            Defect::VagueBilling => "billing.frequency",
            Defect::MonthlyInterest => "billing.interest",
            Defect::IncompleteDeposit => "trust.deposit",
            Defect::AssistantAdvice => "staff.legal-advice",
            Defect::ImpossibleDate => "drafting.date",
            Defect::UnbalancedBracket => "drafting.brackets",
        }
    }

    /// Two defects that cannot both be written into one letter (one would hide the other).
    pub fn conflicts_with(self, other: Defect) -> bool {
        use Clause as C;
        use Defect as D;
        let pair = |a: Defect, b: Defect| (self == a && other == b) || (self == b && other == a);
        pair(D::Omitted(C::ResponseCommitment), D::SlowResponse)
            || pair(D::Omitted(C::Assistant), D::AssistantAdvice)
            || pair(D::Omitted(C::Assistant), D::Omitted(C::AssistantTopics))
            || pair(D::AssistantAdvice, D::Omitted(C::AssistantTopics))
            || pair(D::Omitted(C::BillingDue), D::UnbalancedBracket)
            || pair(D::VagueFeeBasis, D::NoCurrency)
            || pair(D::NonRefundable, D::IncompleteDeposit)
            || pair(D::Omitted(C::NextSteps), D::ImpossibleDate)
    }
}

/// A generated letter: its blocks, letterhead and footer, and the faults written into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// File stem, e.g. `letter-00042`.
    pub name: String,
    /// Letterhead lines (the DOCX page header).
    pub letterhead: Vec<String>,
    /// Footer lines (the DOCX page footer).
    pub footer: Vec<String>,
    /// The body.
    pub blocks: Vec<Block>,
    /// Faults written into the letter, in a stable order.
    pub defects: Vec<Defect>,
    /// Markdown source hard-wrapped at 88 columns (as many authors do) or one line per paragraph.
    pub wrap_markdown: bool,
    /// The Markdown bullet marker, `-` or `*`.
    pub bullet: char,
}

impl Letter {
    /// Words in the body, letterhead and footer.
    pub fn word_count(&self) -> usize {
        let body = self.blocks.iter().flat_map(Block::texts);
        let edges = self
            .letterhead
            .iter()
            .chain(&self.footer)
            .map(String::as_str);
        body.chain(edges)
            .map(|t| t.split_whitespace().count())
            .sum()
    }

    /// Rule ids the defects should fire, sorted and without duplicates.
    pub fn expected_rules(&self) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = self.defects.iter().map(|d| d.rule_id()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The whole body as one string, paragraphs separated by newlines (for tests and searches).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for t in self.blocks.iter().flat_map(Block::texts) {
            out.push_str(&t.replace("**", ""));
            out.push('\n');
        }
        out
    }
}

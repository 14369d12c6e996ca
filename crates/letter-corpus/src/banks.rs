//! Phrase banks: the many ways lawyers write the same clause. `{name}` fields are filled from
//! the letter's facts by the composer.

/// A place where letters are written, with its money, tax, phone style and dispute route.
#[derive(Debug)]
pub struct Jurisdiction {
    /// Pack-style key (`ca-sk`, `uk-sra`, …).
    pub key: &'static str,
    /// Province, state or country named in the letter.
    pub region: &'static str,
    /// Cities with their telephone area code.
    pub cities: &'static [(&'static str, &'static str)],
    /// Postal codes, one per city (by index, wrapping).
    pub postcodes: &'static [&'static str],
    /// How telephone numbers are written.
    pub phones: PhoneStyle,
    /// Currency markers, e.g. `$`, `CAD `.
    pub money: &'static [&'static str],
    /// The currency in words ("dollars", "pounds").
    pub currency_word: &'static str,
    /// Sentences about tax on fees.
    pub tax: &'static [&'static str],
    /// Sentences about the route for complaints and fee disputes.
    pub disputes: &'static [&'static str],
    /// Court for litigation matters.
    pub court: &'static str,
    /// Dates written "March 15, 2026" (true) or "15 March 2026".
    pub month_first: bool,
    /// "cheque" or "check".
    pub cheque: &'static str,
}

/// Telephone numbering plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneStyle {
    /// 306-555-0142
    NorthAmerica,
    /// 020 7946 0958
    Uk,
    /// (02) 5550 1234
    Australia,
}

pub const JURISDICTIONS: &[Jurisdiction] = &[
    Jurisdiction {
        key: "ca-sk",
        region: "Saskatchewan",
        cities: &[("Regina", "306"), ("Saskatoon", "306"), ("Moose Jaw", "306"), ("Prince Albert", "306")],
        postcodes: &["S4P 3Y2", "S7K 1J5", "S6H 4P8", "S6V 1B6"],
        phones: PhoneStyle::NorthAmerica,
        money: &["$", "$", "CAD "],
        currency_word: "dollars",
        tax: &[
            "Our fees are subject to GST (5%) and PST (6%), which we add to each account.",
            "GST and PST are charged on our fees and on most disbursements.",
            "All amounts in this letter are before GST and PST, which will be added to your accounts.",
        ],
        disputes: &[
            "If you disagree with an account, you may have it reviewed (assessed) by the Local Registrar of the Court of King's Bench; please ask us how.",
            "You have the right to have any account assessed by the Court of King's Bench, and you may also contact the Law Society of Saskatchewan about a concern with our service.",
        ],
        court: "Court of King's Bench for Saskatchewan",
        month_first: true,
        cheque: "cheque",
    },
    Jurisdiction {
        key: "ca-on",
        region: "Ontario",
        cities: &[("Toronto", "416"), ("Ottawa", "613"), ("Hamilton", "905"), ("London", "519"), ("Kingston", "613")],
        postcodes: &["M5H 2N2", "K1P 5J9", "L8P 4R5", "N6A 3N7", "K7L 2Z3"],
        phones: PhoneStyle::NorthAmerica,
        money: &["$", "$", "CAD ", "C$"],
        currency_word: "dollars",
        tax: &[
            "HST (currently 13%) is added to our fees and to taxable disbursements.",
            "Our fees are subject to HST at 13%, which will appear on each account.",
            "All fees quoted are exclusive of HST.",
        ],
        disputes: &[
            "If you disagree with an account, you may ask the Superior Court of Justice to assess it under the Solicitors Act.",
            "You may have any account assessed by an assessment officer of the Superior Court of Justice; you may also contact the Law Society of Ontario.",
        ],
        court: "Ontario Superior Court of Justice",
        month_first: true,
        cheque: "cheque",
    },
    Jurisdiction {
        key: "us-ny",
        region: "New York",
        cities: &[("New York", "212"), ("Brooklyn", "718"), ("Albany", "518"), ("Buffalo", "716")],
        postcodes: &["NY 10007", "NY 11201", "NY 12207", "NY 14202"],
        phones: PhoneStyle::NorthAmerica,
        money: &["$", "$", "US$", "USD "],
        currency_word: "dollars",
        tax: &[
            "New York does not charge sales tax on legal fees, so no tax is added to our accounts.",
            "Sales tax is not charged on our fees.",
        ],
        disputes: &[
            "If there is a fee dispute, you may have the right to arbitration under Part 137 of the Rules of the Chief Administrator of the Courts; we will give you the forms if a dispute arises.",
            "If we disagree about our fees, you may ask for arbitration under Part 137 of the Rules of the Chief Administrator, which we will explain if the need arises.",
        ],
        court: "Supreme Court of the State of New York",
        month_first: true,
        cheque: "check",
    },
    Jurisdiction {
        key: "us-ca",
        region: "California",
        cities: &[("San Francisco", "415"), ("Oakland", "510"), ("Los Angeles", "213"), ("Sacramento", "916")],
        postcodes: &["CA 94104", "CA 94612", "CA 90012", "CA 95814"],
        phones: PhoneStyle::NorthAmerica,
        money: &["$", "$", "US$"],
        currency_word: "dollars",
        tax: &[
            "California does not charge sales tax on legal services, so no tax is added to our fees.",
            "Tax is not charged on our fees.",
        ],
        disputes: &[
            "If you dispute our fees, you may ask for arbitration through the State Bar of California's Mandatory Fee Arbitration Program.",
            "Fee disputes may be submitted to arbitration under the State Bar's Mandatory Fee Arbitration Program before any court action.",
        ],
        court: "Superior Court of California",
        month_first: true,
        cheque: "check",
    },
    Jurisdiction {
        key: "uk-sra",
        region: "England and Wales",
        cities: &[("London", "20 7946 0"), ("Manchester", "161 496 0"), ("Leeds", "113 496 0"), ("Bristol", "117 496 0")],
        postcodes: &["EC4A 1BR", "M2 5DB", "LS1 4AP", "BS1 4DJ"],
        phones: PhoneStyle::Uk,
        money: &["£", "£", "GBP "],
        currency_word: "pounds",
        tax: &[
            "VAT at 20% is added to our fees and to some expenses.",
            "Our charges are subject to VAT, currently 20%.",
            "All figures in this letter exclude VAT.",
        ],
        disputes: &[
            "If you are unhappy with our service, please tell me first. You may then complain to the Legal Ombudsman within six months of our final response and no more than one year from the date of the problem.",
            "Our complaints procedure is enclosed. If we cannot resolve your complaint, you may contact the Legal Ombudsman within six months of our final response; you may also ask the court to assess our bill.",
        ],
        court: "County Court at Central London",
        month_first: false,
        cheque: "cheque",
    },
    Jurisdiction {
        key: "au-ul",
        region: "New South Wales",
        cities: &[("Sydney", "2"), ("Newcastle", "2"), ("Wollongong", "2")],
        postcodes: &["NSW 2000", "NSW 2300", "NSW 2500"],
        phones: PhoneStyle::Australia,
        money: &["$", "A$", "AUD "],
        currency_word: "dollars",
        tax: &[
            "GST of 10% is added to our professional fees.",
            "Our fees are quoted exclusive of GST, which is charged at 10%.",
        ],
        disputes: &[
            "If you disagree with our bill, you may apply for a costs assessment, or contact the Office of the Legal Services Commissioner, usually within 60 days of receiving the bill.",
            "You have the right to seek the assistance of the Office of the Legal Services Commissioner and to apply for a costs assessment of any bill.",
        ],
        court: "District Court of New South Wales",
        month_first: false,
        cheque: "cheque",
    },
];

pub const FIRST_NAMES: &[&str] = &[
    "Maria", "Daniel", "Priya", "James", "Aisha", "Robert", "Chloe", "Samuel", "Fatima", "Liam",
    "Grace", "Omar", "Hannah", "Wei", "Sofia", "Thomas", "Amara", "Lucas", "Noor", "Ethan",
    "Isabel", "Kwame", "Emily", "Mateo", "Leah", "Arjun", "Claire", "Yusuf", "Nadia", "Patrick",
    "Rosa", "Benjamin", "Mei", "Gabriel", "Anika", "David", "Zoe", "Felix", "Ingrid", "Tariq",
];

pub const LAST_NAMES: &[&str] = &[
    "Chen",
    "Okafor",
    "Singh",
    "MacLeod",
    "Haddad",
    "Kowalski",
    "Tremblay",
    "Nguyen",
    "Fischer",
    "Rossi",
    "Abernathy",
    "Osei",
    "Park",
    "Lindqvist",
    "Moreau",
    "Delgado",
    "Whitfield",
    "Ibrahim",
    "Novak",
    "Sutherland",
    "Kaur",
    "Bergstrom",
    "Mensah",
    "Fitzgerald",
    "Castillo",
    "Yamamoto",
    "Petrov",
    "Campbell",
    "Adeyemi",
    "Larsen",
    "O'Brien",
    "Shapiro",
    "Ferreira",
    "Walsh",
    "Gallagher",
    "Hughes",
    "Ahmed",
    "Bianchi",
    "Reid",
    "Kovac",
];

pub const FIRM_PATTERNS: &[&str] = &[
    "{a} & {b} LLP",
    "{a} {b} Law",
    "{a} Legal Professional Corporation",
    "{a}, {b} and Partners",
    "{a} & Co. Solicitors",
    "{a} {b} Barristers & Solicitors",
    "{a} Law Group",
];

pub const STREETS: &[&str] = &[
    "Main Street",
    "Victoria Avenue",
    "King Street West",
    "Albert Street",
    "Queen Street",
    "Broad Street",
    "Market Square",
    "Harbour Road",
    "College Avenue",
    "Elm Street",
];

pub const COMPANIES: &[&str] = &[
    "Northgate Supply Ltd.",
    "Prairie Holdings Inc.",
    "Westbrook Developments Ltd.",
    "Harbourview Freight Services",
    "Bluewater Contracting Inc.",
    "Summit Ridge Properties",
    "Keystone Fabrication Ltd.",
    "Redleaf Logistics Corp.",
    "Silverline Renovations",
    "Meadowbank Foods Inc.",
];

pub const CLIENT_COMPANIES: &[&str] = &[
    "Acme Tooling Ltd.",
    "Brightwater Dental Inc.",
    "Cedar Lane Farms Ltd.",
    "Dunmore Software Inc.",
    "Evergreen Home Care Ltd.",
    "Foxglove Catering",
    "Granite Peak Outfitters Inc.",
];

/// How the fee is charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeeKind {
    /// By the hour.
    Hourly,
    /// A flat fee for a defined job.
    Flat,
    /// A percentage of the recovery.
    Contingency,
}

/// A kind of legal work, with what is done, what is not, and what happens next.
#[derive(Debug)]
pub struct Matter {
    /// Short name ("your separation").
    pub short: &'static str,
    /// Infinitive phrase completing "You have retained us to …".
    pub services: &'static str,
    /// Services, as list items.
    pub bullets: &'static [&'static str],
    /// Things not covered.
    pub exclusions: &'static [&'static str],
    /// Next steps; `{date1}` and `{date2}` are dates after the letter.
    pub steps: &'static [&'static str],
    /// Fee arrangements that suit the work.
    pub fees: &'static [FeeKind],
    /// Estimate range, thousands of currency units.
    pub estimate: (u64, u64),
    /// The assumption behind the estimate.
    pub assumption: &'static str,
    /// A flat-fee scope ("the purchase, up to closing").
    pub flat_scope: &'static str,
    /// Whether the client is a company.
    pub corporate: bool,
}

pub const MATTERS: &[Matter] = &[
    Matter {
        short: "your separation from {spouse}",
        services: "act for you in your separation from {spouse}, including parenting arrangements, child and spousal support, and the division of family property",
        bullets: &[
            "advising you on parenting time and decision-making responsibility",
            "preparing your financial disclosure and reviewing {spouse}'s disclosure",
            "negotiating a separation agreement with {spouse}'s lawyer",
            "attending up to two mediation sessions with you",
            "calculating child and spousal support under the guidelines",
            "registering the agreement once it is signed",
        ],
        exclusions: &["any court application or trial", "the sale of the family home", "tax advice on dividing pensions", "any appeal"],
        steps: &[
            "You complete and return our family property questionnaire by {date1}.",
            "We write to {spouse}'s lawyer to propose mediation.",
            "You send us your income tax returns for the last three years.",
            "We meet to review the disclosure and your options on {date2}.",
        ],
        fees: &[FeeKind::Hourly, FeeKind::Hourly, FeeKind::Flat],
        estimate: (6, 15),
        assumption: "that the matter settles without a contested court hearing",
        flat_scope: "negotiating and drafting a separation agreement",
        corporate: false,
    },
    Matter {
        short: "the claim by {opponent}",
        services: "defend the claim brought against you by {opponent} in the {court}",
        bullets: &[
            "reviewing the statement of claim and your documents",
            "preparing and filing a statement of defence",
            "producing documents and attending questioning",
            "negotiating a settlement where that is in your interest",
            "preparing for and attending a pre-trial conference",
        ],
        exclusions: &["any appeal", "a counterclaim, unless you instruct us in writing", "enforcing or collecting a judgment", "claims against your insurer"],
        steps: &[
            "We file and serve the statement of defence by {date1}.",
            "You collect the contracts, invoices and emails about the dispute and send them to us.",
            "We meet to prepare your affidavit of documents on {date2}.",
            "We write to {opponent}'s lawyer to explore early settlement.",
        ],
        fees: &[FeeKind::Hourly],
        estimate: (15, 60),
        assumption: "that the claim settles before trial",
        flat_scope: "preparing the statement of defence",
        corporate: true,
    },
    Matter {
        short: "your injury claim",
        services: "pursue your claim for damages for the injuries you suffered in the collision on {incident}",
        bullets: &[
            "gathering your medical records and the police report",
            "retaining medical and economic experts where needed",
            "starting a court action before the limitation period expires",
            "negotiating with the insurers",
            "representing you at mediation and, if needed, at trial",
        ],
        exclusions: &["any appeal", "your accident benefits claim", "disputes with your own employer"],
        steps: &[
            "You sign the medical authorizations we enclose and return them by {date1}.",
            "We notify the other driver's insurer of your claim.",
            "We request your hospital and physiotherapy records.",
            "We meet again on {date2} to review the records.",
        ],
        fees: &[FeeKind::Contingency],
        estimate: (20, 80),
        assumption: "a settlement within two years",
        flat_scope: "the claim",
        corporate: false,
    },
    Matter {
        short: "your purchase of {property}",
        services: "act for you on your purchase of {property}, including the mortgage",
        bullets: &[
            "reviewing the agreement of purchase and sale",
            "searching title and checking for liens and taxes owing",
            "preparing the transfer and mortgage documents",
            "receiving the mortgage funds and paying the seller",
            "registering the transfer and reporting to you and your lender",
        ],
        exclusions: &["disputes with the seller after closing", "advice on the condition of the building", "tax planning for a rental property"],
        steps: &[
            "You send us the signed agreement of purchase and sale and your lender's instructions.",
            "We complete the title search by {date1}.",
            "We meet to sign the closing documents on {date2}.",
        ],
        fees: &[FeeKind::Flat],
        estimate: (2, 3),
        assumption: "one mortgage and no unusual title issues",
        flat_scope: "the purchase, from review of the agreement to our final report",
        corporate: false,
    },
    Matter {
        short: "your will and powers of attorney",
        services: "prepare your will, an enduring power of attorney for property and a health care directive",
        bullets: &[
            "meeting with you to review your family and your assets",
            "advising you on how to leave your estate",
            "drafting the will, power of attorney and directive",
            "supervising the signing and keeping the originals in our vault",
        ],
        exclusions: &["administering your estate after your death", "tax planning beyond the will", "transfers of property during your lifetime"],
        steps: &[
            "You complete our estate planning questionnaire by {date1}.",
            "We send you drafts to review.",
            "We meet to sign the documents on {date2}.",
        ],
        fees: &[FeeKind::Flat],
        estimate: (1, 3),
        assumption: "a straightforward estate without trusts",
        flat_scope: "the will, the power of attorney and the directive",
        corporate: false,
    },
    Matter {
        short: "the end of your employment",
        services: "advise you on the termination of your employment by {opponent} and negotiate a severance package",
        bullets: &[
            "reviewing your employment contract and termination letter",
            "advising you on the notice or pay in lieu you are owed",
            "negotiating severance, benefits and a reference with {opponent}",
            "reviewing any release before you sign it",
        ],
        exclusions: &["a court action or tribunal complaint", "human rights claims", "advice on your taxes"],
        steps: &[
            "You send us your contract, pay slips and termination letter by {date1}.",
            "We write to {opponent} to set out your claim.",
            "We meet on {date2} to discuss their response.",
        ],
        fees: &[FeeKind::Hourly, FeeKind::Contingency],
        estimate: (4, 12),
        assumption: "that the matter settles by negotiation",
        flat_scope: "negotiating your severance",
        corporate: false,
    },
    Matter {
        short: "the incorporation of your business",
        services: "incorporate your business, organise the company and prepare a shareholders' agreement",
        bullets: &[
            "searching and reserving the company name",
            "preparing and filing the articles of incorporation",
            "preparing by-laws, resolutions and registers",
            "drafting a shareholders' agreement for the founders",
            "registering the company for tax accounts",
        ],
        exclusions: &["raising investment", "employment contracts", "intellectual property registrations", "annual filings after the first year"],
        steps: &[
            "You confirm the company name and the founders' shareholdings by {date1}.",
            "We file the articles of incorporation.",
            "We meet on {date2} to review the shareholders' agreement.",
        ],
        fees: &[FeeKind::Flat, FeeKind::Hourly],
        estimate: (3, 8),
        assumption: "two or three shareholders and a single class of shares",
        flat_scope: "incorporation and organisation of the company",
        corporate: true,
    },
    Matter {
        short: "the estate of {deceased}",
        services: "help you as executor to administer the estate of {deceased}",
        bullets: &[
            "applying for probate of the will",
            "advising you on your duties as executor",
            "notifying beneficiaries and creditors",
            "preparing the estate accounts and releases",
            "distributing the estate once tax clearance is received",
        ],
        exclusions: &["preparing the estate's tax returns", "any dispute about the validity of the will", "selling real estate"],
        steps: &[
            "You send us the original will and the death certificate by {date1}.",
            "We prepare the probate application for your signature.",
            "We meet on {date2} to review the inventory of assets.",
        ],
        fees: &[FeeKind::Hourly],
        estimate: (5, 14),
        assumption: "that no beneficiary disputes the will",
        flat_scope: "the probate application",
        corporate: false,
    },
];

pub const TITLES: &[&str] = &[
    "Retainer Agreement",
    "Engagement Letter",
    "Terms of Engagement",
    "Retainer Letter",
    "Letter of Engagement",
];

pub const OPENINGS: &[&str] = &[
    "Thank you for choosing {firm} to act for you. This letter sets out the terms of our retainer and explains how we will work together.",
    "Thank you for meeting with me on {meeting}. I am pleased that you have asked {firm} to represent you, and this letter confirms the terms of our engagement.",
    "We are pleased to act for you. This letter explains what we will do, what it will cost, and how we will keep in touch.",
    "Thank you for asking us to help with {matter_short}. Please read this letter carefully; it is our agreement about the work, the fees and how we will communicate.",
];

pub const SERVICES: &[&str] = &[
    "You have retained us to {services}.",
    "You have asked us to {services}.",
    "We will act for you to {services}.",
    "Our engagement is to {services}.",
];

pub const SERVICES_LIST_INTRO: &[&str] = &[
    "Our services include:",
    "In particular, we will:",
    "This includes:",
    "The work we expect to do includes:",
];

pub const EXCLUSIONS: &[&str] = &[
    "This retainer does not cover {excl1} or {excl2}. If you want our help with either, we will agree on terms in writing first.",
    "Our retainer does not include {excl1} or {excl2}; those would need a separate agreement.",
    "We have not been asked to deal with {excl1} or {excl2}, and this retainer does not cover them.",
];

pub const NO_GUARANTEE: &[&str] = &[
    "We cannot guarantee the outcome of your matter, but we will give you our honest assessment at each stage.",
    "No lawyer can promise a result, and we make no guarantee about the outcome.",
    "While we will do our best for you, we can make no guarantee about the outcome.",
];

pub const GUARANTEE: &[&str] = &[
    "We are confident that we will win this case for you.",
    "We guarantee a favourable result.",
    "You can expect a guaranteed result.",
];

pub const LAWYER_RESPONSIBLE: &[&str] = &[
    "{lawyer} will have primary responsibility for your file.",
    "I, {lawyer}, will be the lawyer responsible for your matter.",
    "{lawyer}, a {lawyer_role} of the firm, will be responsible for your file and will supervise all work on it.",
    "The lawyer with overall responsibility for your matter is {lawyer}.",
];

pub const OTHER_STAFF: &[&str] = &[
    "{associate} (associate) and {paralegal} (paralegal) may also work on your file under my supervision, where that keeps the cost down.",
    "To keep costs down, some work will be done by {associate}, an associate, and by {paralegal}, a paralegal.",
];

pub const ASSISTANT: &[&str] = &[
    "My assistant, {assistant} ({assistant_phone}, {assistant_email}), will help you with the day-to-day running of your file.",
    "{assistant}, my {assistant_role}, can be reached at {assistant_phone} or {assistant_email}.",
    "You may contact my {assistant_role}, {assistant}, by telephone at {assistant_phone} or by email at {assistant_email}.",
];

pub const ASSISTANT_TOPICS: &[&str] = &[
    "{assistant_first} can help with appointments, invoices, receiving documents and the status of your file. {assistant_first} is not a lawyer and cannot give legal advice.",
    "Please contact {assistant_first} about scheduling, copies of documents, your account and where things stand; questions of legal advice should come to me.",
    "{assistant_first} can book meetings, receive your documents, answer questions about invoices and tell you what has happened on your file recently.",
];

pub const ASSISTANT_ADVICE: &[&str] = &[
    "{assistant_first} can answer any questions about your case.",
    "Our staff can advise you on any aspect of your matter when I am unavailable.",
    "If I am not available, {assistant_first} can give you advice on your case.",
];

pub const HOURLY_BASIS: &[&str] = &[
    "Our fees are based on the time we spend on your matter. My hourly rate is {rate}.",
    "We charge by the hour. My rate is {rate} per hour, and the rates of others who may work on your file are set out below.",
    "Our fees are calculated on the time spent, at the hourly rates of the people who do the work. My rate is {rate} per hour.",
];

pub const RATE_TABLE_INTRO: &[&str] = &[
    "The people who may work on your file, and their hourly rates, are:",
    "Current hourly rates:",
    "Our rates for this matter are as follows:",
];

pub const INCREMENT: &[&str] = &[
    "We record time in tenths of an hour (6 minutes).",
    "Time is billed in six-minute units.",
    "We bill time in 15-minute increments.",
];

pub const VAGUE_BASIS: &[&str] = &[
    "Our fees will be charged at our usual rates.",
    "Standard rates apply to all work on your file.",
    "We will charge a reasonable fee for our services.",
];

pub const FLAT_BASIS: &[&str] = &[
    "We will charge a flat fee of {flat} for {flat_scope}. Any work outside that scope is billed at {rate} per hour, and we will tell you before doing any.",
    "Our fee for {flat_scope} is a flat fee of {flat}. Additional work, if you ask for it, is charged at {rate} per hour.",
];

pub const CONTINGENCY_BASIS: &[&str] = &[
    "Our fee is {pct} of the gross amount recovered, whether by settlement or judgment, computed before disbursements are deducted. If we recover nothing, you owe no fee, but you remain responsible for disbursements.",
    "You will pay us {pct} of the total amount recovered for you (the gross recovery), calculated before expenses are deducted. If there is no recovery, you pay no fee; you pay disbursements in either case.",
];

pub const ESTIMATE_HOURLY: &[&str] = &[
    "We estimate total fees of {est_lo} to {est_hi}, plus disbursements and tax, assuming {assumption}. We will tell you in writing before that estimate is exceeded.",
    "Based on what we know today, we expect our fees to be between {est_lo} and {est_hi}, assuming {assumption}. This is an estimate, not a fixed price, and we will update it if the facts change.",
];

pub const ESTIMATE_FLAT: &[&str] = &[
    "With disbursements and tax, we expect the total cost to be about {est_hi}.",
    "We estimate your total cost, including disbursements and tax, at {est_lo} to {est_hi}.",
];

pub const ESTIMATE_CONTINGENCY: &[&str] = &[
    "Because the fee depends on the amount recovered, we cannot give a fixed figure; for example, on a recovery of {example_recovery}, our fee would be {example_fee}.",
    "The fee depends on the result: if the claim settles for {example_recovery}, for example, our fee would be {example_fee} plus tax.",
];

pub const RATE_CHANGES: &[&str] = &[
    "Our rates are reviewed each January; we will give you 30 days' notice in writing of any change.",
    "Hourly rates may increase once a year, and we will tell you in writing at least one month before a new rate applies.",
    "Our rates will not change for the first twelve months of this retainer.",
];

pub const DEPOSIT_GOOD: &[&str] = &[
    "Before we begin, please pay a retainer of {deposit_amount}. We hold it in our trust account and apply it to our accounts as they are issued; we refund any unused balance at the end of the matter.",
    "We ask for a deposit of {deposit_amount}, which we will keep in our trust account. We will use it to pay our accounts as we send them to you, and any amount left over will be refunded to you.",
    "Please provide a retainer of {deposit_amount} to be held in trust. It will be applied to our final account, and any unused balance will be refunded to you.",
];

pub const DEPOSIT_INCOMPLETE: &[&str] = &[
    "A retainer of {deposit_amount} is required before we begin work.",
    "Please pay a retainer of {deposit_amount} when you sign this letter.",
];

pub const DEPOSIT_NONREFUNDABLE: &[&str] = &[
    "We require a non-refundable retainer of {deposit_amount}, which we apply to our first account.",
    "A non-refundable deposit of {deposit_amount} is payable when you sign this letter.",
];

pub const TOP_UP: &[&str] = &[
    "We may ask you to top up the retainer before major steps, such as a hearing.",
    "If the work grows, we may ask for a further retainer.",
];

pub const DISBURSEMENTS: &[&str] = &[
    "Disbursements are payments we make to others on your behalf, such as {disb_examples}. You pay them in addition to our fees, and we list each one on your account.",
    "In addition to our fees, you are responsible for disbursements: out-of-pocket expenses such as {disb_examples}. We may ask you to pay larger disbursements in advance.",
    "You will also pay our disbursements, which are costs we pay to third parties for your matter, for example {disb_examples}.",
];

pub const DISB_EXAMPLES: &[&str] = &[
    "court filing fees, courier charges and search fees",
    "registration fees, title searches and couriers",
    "experts' fees, transcripts and filing fees",
    "process servers, photocopying by outside suppliers and filing fees",
];

pub const BILLING_FREQUENCY: &[&str] = &[
    "We bill monthly.",
    "We will send you an account at least every 60 days.",
    "We send an account at the end of each month in which work is done.",
    "We will send you an account at the end of each stage of the work and on completion.",
];

pub const BILLING_VAGUE: &[&str] = &[
    "We will bill you from time to time.",
    "We will send you accounts periodically.",
];

pub const BILLING_DUE: &[&str] = &[
    "Each account is payable within {due_days} days of the invoice date.",
    "Payment is due within {due_days} days after you receive our invoice.",
    "Please pay each account (by bank transfer, card or {cheque}) within {due_days} days.",
];

pub const BILLING_DUE_UNBALANCED: &[&str] = &[
    "Each account is payable on receipt (and in any event within {due_days} days of the invoice date.",
    "Please pay each account (by bank transfer, card or {cheque} within {due_days} days of receiving it.",
];

pub const INTEREST: &[&str] = &[
    "Overdue accounts bear interest at {interest}% per year.",
    "We charge interest on accounts unpaid after 30 days at {interest}% per annum.",
];

pub const INTEREST_MONTHLY: &[&str] = &[
    "Overdue accounts bear interest at 1.5% per month.",
    "Interest of 2% per month is charged on unpaid accounts.",
];

pub const CHANNELS: &[&str] = &[
    "The best way to reach me is by email at {lawyer_email}. You can also call me at {lawyer_phone}.",
    "You can reach me by telephone at {lawyer_phone} or by email at {lawyer_email}.",
    "Please contact me by email ({lawyer_email}) or by phone ({lawyer_phone}); you may also upload documents through our secure client portal.",
];

pub const COMMS_COST: &[&str] = &[
    "Calls and emails with a lawyer are billed at the hourly rate in 6-minute units; short scheduling calls with {helper} are not billed.",
    "Time spent on telephone calls and emails is billed like any other work. Calls with {helper} about appointments or invoices are free.",
    "We bill for telephone calls and for reading and writing emails at the rates above; we do not charge for brief calls to arrange meetings.",
];

pub const AVAILABILITY: &[&str] = &[
    "I return calls between 4 and 5 p.m. on weekdays.",
    "I set aside Tuesday and Thursday mornings to answer email and return calls.",
    "I return telephone messages each afternoon between 2 and 4 p.m., unless I am in court.",
];

pub const URGENT: &[&str] = &[
    "For anything urgent, call {urgent_contact} and say that it is urgent; I will be told even if I am in court.",
    "If something is urgent, please telephone {urgent_contact} rather than sending an email.",
];

pub const RESPONSE: &[&str] = &[
    "We answer every message within {response}.",
    "You will have a full reply to your email or telephone message within {response}.",
    "Our standard is to reply to every call and email within {response}.",
];

pub const RESPONSE_TIMES_GOOD: &[&str] = &[
    "2 business days",
    "two business days",
    "one working day",
    "24 hours",
    "48 hours",
    "1 business day",
];

pub const RESPONSE_TIMES_SLOW: &[&str] = &[
    "10 business days",
    "two weeks",
    "5 working days",
    "seven days",
];

pub const ACKNOWLEDGE: &[&str] = &[
    "We acknowledge every message within one business day and tell you when to expect a full answer.",
    "If a full answer needs more time, we will acknowledge your message by the end of the next business day and tell you when you will hear from us.",
];

pub const VAGUE_TIMING: &[&str] = &[
    "We will deal with your questions promptly.",
    "We will respond to your messages as soon as possible.",
    "Documents you send us will be reviewed in a timely manner.",
    "We will report to you in due course.",
    "We will get back to you at our earliest convenience.",
];

pub const COVERAGE: &[&str] = &[
    "If I am away, my voicemail and email will say who is covering my files.",
    "When I am on holiday, another lawyer in the firm will look after urgent matters on your file.",
];

pub const STATUS: &[&str] = &[
    "You will receive a written update at least every {update_days} days and after every court date or significant development.",
    "We will send you a short status report every {update_days} days, and copies of all important correspondence.",
    "We will update you in writing at least once every {update_days} days, and sooner when something important happens.",
];

pub const STATUS_VAGUE: &[&str] = &["We will keep you informed."];

pub const CLIENT_DUTIES: &[&str] = &[
    "You agree to give us complete and accurate information, to tell us of any change of address, phone number or email, and to answer our requests for instructions.",
    "To help us, please give us full and truthful information, keep us told of any change in your contact details, and send us documents we ask for on time.",
];

pub const VERIFICATION: &[&str] = &[
    "The law requires us to verify your identity. Please bring government-issued photo ID to our next meeting.",
    "Before we act, we must verify your identity with government-issued photo identification.",
    "As required by our regulator, we will verify your identity from a current passport or driver's licence.",
];

pub const STEPS_INTRO: &[&str] = &[
    "Next steps:",
    "Here is what happens next:",
    "The next steps are:",
];

pub const TERMINATION: &[&str] = &[
    "You may end this retainer at any time by telling us in writing; you pay for work done to that date. We may end it for good reason, such as non-payment, with enough notice for you to find another lawyer.",
    "You can end our retainer whenever you wish, by letter or email. We may stop acting for you only for a good reason and as our professional rules allow. In either case you pay our fees and disbursements up to that date.",
];

pub const FILE_RETENTION: &[&str] = &[
    "We keep your file for {retention} years after it closes, then destroy it securely.",
    "After the matter ends, we will return your original documents and keep our file for {retention} years before destroying it confidentially.",
];

pub const CONCERN_FIRST: &[&str] = &[
    "Please raise any concern with me first; if that does not resolve it, contact {partner}, our managing partner.",
    "If you have a concern about our work or an account, please tell me, or {partner}, so that we can try to put it right.",
];

pub const LEGALESE: &[&str] = &[
    "The terms herein shall apply to all services rendered pursuant to this retainer.",
    "In the event that any provision hereof is held unenforceable, the remainder thereof shall continue in effect.",
    "The client hereby acknowledges the aforementioned terms and agrees to pay all fees forthwith.",
];

pub const DRAFTING_NOTES: &[&str] = &[
    "[Note: delete if not litigation]",
    "[Optional]",
    "[amend as necessary]",
    "[Option 1]",
];

pub const CLOSINGS: &[&str] = &[
    "Please sign and return a copy of this letter, with the retainer, to confirm your instructions. If you have any questions about it, please call me.",
    "If these terms are acceptable, please sign the enclosed copy and return it to us. We look forward to working with you.",
    "Please read this letter carefully and call me with any questions before you sign it.",
];

pub const SIGN_OFFS: &[&str] = &[
    "Yours truly,",
    "Sincerely,",
    "Yours sincerely,",
    "Kind regards,",
];

pub const ACCEPTANCE: &[&str] = &[
    "I have read and understood this letter and agree to its terms.",
    "I confirm that I have read this letter, that I understand it, and that I accept its terms.",
];

/// Standard terms for long letters' schedules: (title, paragraph).
pub const STANDARD_TERMS: &[(&str, &str)] = &[
    ("Conflicts of interest", "Before accepting your matter we searched our records for conflicts of interest and found none. If a conflict arises during the retainer, we will tell you at once and explain your options, which may include getting independent advice or instructing another firm. We will not act against you in this matter or in any closely related matter."),
    ("Confidentiality", "Everything you tell us is confidential and protected by solicitor-client privilege, subject to the exceptions the law recognises. Our staff are bound by the same duty. We will not disclose your information to anyone outside the firm without your permission, except where the law requires it or where disclosure is needed to carry out your instructions."),
    ("Privacy", "We collect, use and keep your personal information only to provide legal services to you, to meet our professional obligations and to collect our accounts. You may ask to see the personal information we hold about you and ask us to correct it. Our privacy policy, which we can send you, explains how we protect it."),
    ("Electronic communication", "We will communicate with you by email unless you ask otherwise. Email is not completely secure, and we recommend that you do not use an email account that your employer or others can read. We may use a secure portal for sensitive documents, and we will never change our banking details by email."),
    ("Money laundering and fraud", "We do not accept cash payments above the limits set by our regulator. We will never ask you by email to send money to a new account. If you receive such a request, call us at a number you already know before sending any money, because criminals target law firms and their clients."),
    ("Limitation periods", "Claims must usually be started within a limited time, or they are lost. We will tell you of any limitation period we identify in your matter, but we are responsible only for the matters you have asked us to handle. Please tell us at once if you think you may have another claim."),
    ("Costs awards", "If your matter goes to court, the court may order one party to pay part of the other's legal costs. An award of costs in your favour rarely covers all of our fees, and you remain responsible for our account whatever the court orders. If costs are awarded against you, you must pay them in addition to our fees."),
    ("Settlement offers", "We will tell you about every settlement offer we receive, and we will not accept or make an offer without your instructions. Offers can affect who pays costs, so we will explain the effect of each one. The decision to settle is always yours."),
    ("Third parties", "We act only for you. We do not act for any other person involved in your matter, including family members, business partners or insurers, even if they pay our account. We will take instructions only from you, unless you tell us in writing that someone else may instruct us."),
    ("Documents and records", "Please keep copies of everything you send us. Original documents you give us will be returned at the end of the matter. Documents we create for you belong to you once our accounts are paid; our working notes and internal records belong to the firm."),
    ("Insurance", "The firm carries professional liability insurance as our regulator requires. Details of the insurer and the territorial coverage are available on request."),
    ("Outsourcing", "We sometimes use outside providers for services such as document storage, transcription and courier services. They must keep your information confidential and may use it only to provide their service to us."),
    ("Changes to these terms", "If we need to change these terms, we will write to you and explain the change. A change takes effect only if you agree to it, except for the annual rate review described in this letter."),
    ("Governing law", "This retainer is governed by the law of {region}. Any dispute about it will be decided by the courts of {region}, without affecting your right to have our accounts reviewed."),
];

/// Stages for long letters' work plans.
pub const STAGES: &[&str] = &[
    "Initial review and advice",
    "Pleadings",
    "Document production",
    "Examinations and questioning",
    "Expert reports",
    "Mediation",
    "Pre-trial conference",
    "Trial preparation",
    "Trial",
    "Post-trial steps",
];

pub const STAGE_TASKS: &[&str] = &[
    "Meetings and calls with you",
    "Review of documents",
    "Legal research",
    "Drafting",
    "Correspondence with the other side",
    "Court attendance",
    "Preparation of witnesses",
    "Review of expert evidence",
];

pub const STAGE_TEXT: &[&str] = &[
    "This stage covers {task_a} and {task_b}. We expect it to take four to six weeks from your instructions. We will report to you in writing at the end of the stage, with our advice on the next one and an updated estimate.",
    "During this stage we will focus on {task_a}, together with {task_b}. The time needed depends largely on how quickly the other side responds. If the work grows beyond the estimate below, we will write to you before continuing.",
    "The main work in this stage is {task_a}. We will also handle {task_b}. You can help keep the cost down by sending us complete documents, in order, and by answering our questions in writing.",
];

//! From a seed to a [`Letter`]: pick the facts (place, matter, people, money), pick the
//! defects, then write each section from the phrase banks.

use crate::banks::{self, FeeKind, Jurisdiction, Matter, PhoneStyle};
use crate::model::{Block, Clause, Defect, Letter};
use crate::rng::Rng;
use crate::words::{number_in_words, with_commas};

/// How long a letter is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A typical 2-4 page letter.
    Typical,
    /// A letter with schedules (standard terms, a work plan) of at least this many pages.
    Long {
        /// Target length in pages of about [`WORDS_PER_PAGE`] words.
        pages: u32,
    },
}

/// Words on a typical printed page of a letter (12-point, single spaced, with headings).
pub const WORDS_PER_PAGE: usize = 450;

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

/// The letter number `index` of the corpus seeded with `seed`.
pub fn compose(seed: u64, index: u64, shape: Shape) -> Letter {
    // Long letters draw from their own streams, so long-00001 is not letter-00001 padded.
    let stream = match shape {
        Shape::Typical => index,
        Shape::Long { .. } => index | 1 << 63,
    };
    let mut rng = Rng::for_letter(seed, stream);
    let jurisdiction = rng.pick(banks::JURISDICTIONS);
    let matter = rng.pick(banks::MATTERS);
    let fee = *rng.pick(matter.fees);
    let defects = pick_defects(&mut rng, fee);
    let mut w = Writer {
        vars: Vec::new(),
        j: jurisdiction,
        matter,
        fee,
        defects,
        blocks: Vec::new(),
        rng,
    };
    w.facts();
    let letterhead = w.letterhead();
    let footer = vec![w.fill("{firm} · {street_line}, {city} · {main_phone} · www.{domain}")];
    w.body();
    if let Shape::Long { pages } = shape {
        w.schedules(pages as usize * WORDS_PER_PAGE);
    }
    w.post_defects();
    let wrap_markdown = w.rng.chance(50);
    let bullet = if w.rng.chance(70) { '-' } else { '*' };
    let prefix = match shape {
        Shape::Typical => "letter",
        Shape::Long { .. } => "long",
    };
    Letter {
        name: format!("{prefix}-{index:05}"),
        letterhead,
        footer,
        blocks: w.blocks,
        defects: w.defects,
        wrap_markdown,
        bullet,
    }
}

/// 0 to 4 defects, mostly 1 or 2, never two that hide each other.
fn pick_defects(rng: &mut Rng, fee: FeeKind) -> Vec<Defect> {
    let wanted = match rng.below(100) {
        0..=14 => 0,
        15..=49 => 1,
        50..=79 => 2,
        80..=94 => 3,
        _ => 4,
    };
    let mut defects: Vec<Defect> = Vec::new();
    let mut attempts = 0;
    while defects.len() < wanted && attempts < 64 {
        attempts += 1;
        let d = if rng.chance(45) {
            Defect::Omitted(*rng.pick(&Clause::ALL))
        } else {
            *rng.pick(&Defect::WRITTEN)
        };
        // These rules only apply to time-based billing.
        let hourly_only = matches!(
            d,
            Defect::Omitted(Clause::CommsCost) | Defect::VagueFeeBasis
        );
        if (hourly_only && fee != FeeKind::Hourly)
            || defects.contains(&d)
            || defects.iter().any(|e| e.conflicts_with(d))
        {
            continue;
        }
        defects.push(d);
    }
    defects.sort();
    defects
}

struct Writer {
    rng: Rng,
    vars: Vec<(&'static str, String)>,
    j: &'static Jurisdiction,
    matter: &'static Matter,
    fee: FeeKind,
    defects: Vec<Defect>,
    blocks: Vec<Block>,
}

impl Writer {
    fn has(&self, d: Defect) -> bool {
        self.defects.contains(&d)
    }

    fn keeps(&self, c: Clause) -> bool {
        !self.has(Defect::Omitted(c))
    }

    fn set(&mut self, key: &'static str, value: String) {
        self.vars.push((key, value));
    }

    fn var(&self, key: &str) -> &str {
        self.vars
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Replace each `{key}` with its value; a `{` not followed by a known key stays as is.
    fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) if self.vars.iter().any(|(k, _)| *k == &after[..close]) => {
                    let value = self.var(&after[..close]).to_string();
                    // Values may themselves name facts ("{spouse}" inside a matter).
                    out.push_str(&self.fill(&value));
                    rest = &after[close + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn pick_fill(&mut self, bank: &[&str]) -> String {
        let template = *self.rng.pick(bank);
        self.fill(template)
    }

    fn money(&self, amount: u64) -> String {
        // Markers carry their own spacing: "$350", "CAD 350".
        format!("{}{}", self.var("money"), with_commas(amount))
    }

    fn name(&mut self) -> (String, String) {
        (
            (*self.rng.pick(banks::FIRST_NAMES)).to_string(),
            (*self.rng.pick(banks::LAST_NAMES)).to_string(),
        )
    }

    fn phone(&mut self, area: &str) -> String {
        let line = self.rng.range(100, 199);
        match self.j.phones {
            PhoneStyle::NorthAmerica => match self.rng.below(3) {
                0 => format!("{area}-555-0{line}"),
                1 => format!("({area}) 555-0{line}"),
                _ => format!("{area}.555.0{line}"),
            },
            PhoneStyle::Uk => {
                let digits = format!("{area}{line}");
                if self.rng.chance(50) {
                    format!("+44 {digits}")
                } else {
                    format!("0{digits}")
                }
            }
            PhoneStyle::Australia => {
                let tail = self.rng.range(1000, 9999);
                if self.rng.chance(50) {
                    format!("({area:0>2}) 5550 {tail}")
                } else {
                    format!("+61 {area} 5550 {tail}")
                }
            }
        }
    }

    fn date(&self, day: u64, month: usize) -> String {
        let month = MONTHS.get(month % 12).copied().unwrap_or("January");
        if self.j.month_first {
            format!("{month} {day}, 2026")
        } else {
            format!("{day} {month} 2026")
        }
    }

    /// Choose every fact the sections refer to.
    fn facts(&mut self) {
        let city_index = self.rng.below(self.j.cities.len());
        let (city, area) = self.j.cities[city_index];
        let postcode = self.j.postcodes[city_index % self.j.postcodes.len()];
        let money = *self.rng.pick(self.j.money);
        self.set("money", money.to_string());
        self.set("city", city.to_string());
        self.set("region", self.j.region.to_string());
        self.set("postcode", postcode.to_string());
        self.set("court", self.j.court.to_string());
        self.set("cheque", self.j.cheque.to_string());

        let (_, a) = self.name();
        let (_, b) = self.name();
        let pattern = *self.rng.pick(banks::FIRM_PATTERNS);
        let firm = pattern.replace("{a}", &a).replace("{b}", &b);
        let slug: String = format!("{a}{b}")
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        let domain = format!("{slug}.example.com");
        self.set("firm", firm);
        self.set("domain", domain.clone());
        let number = self.rng.range(2, 980);
        let street = *self.rng.pick(banks::STREETS);
        self.set("street_line", format!("{number} {street}"));
        let main_phone = self.phone(area);
        self.set("main_phone", main_phone);

        let (lf, ll) = self.name();
        let lawyer_email = format!(
            "{}{}@{domain}",
            lf.chars().next().unwrap_or('x').to_ascii_lowercase(),
            ll.chars()
                .filter(char::is_ascii_alphabetic)
                .collect::<String>()
                .to_ascii_lowercase()
        );
        self.set("lawyer", format!("{lf} {ll}"));
        self.set("lawyer_first", lf);
        let role = *self
            .rng
            .pick(&["partner", "partner", "senior associate", "lawyer"]);
        self.set("lawyer_role", role.to_string());
        self.set("lawyer_email", lawyer_email);
        let lawyer_phone = self.phone(area);
        self.set("lawyer_phone", lawyer_phone);

        let (af, al) = self.name();
        let mut assistant_email = format!(
            "{}{}@{domain}",
            af.chars().next().unwrap_or('x').to_ascii_lowercase(),
            al.chars()
                .filter(char::is_ascii_alphabetic)
                .collect::<String>()
                .to_ascii_lowercase()
        );
        if self.has(Defect::MalformedEmail) {
            // The domain loses its suffix: "psingh@chenokafor".
            assistant_email = assistant_email.replace(".example.com", "");
        }
        let mut assistant_phone = self.phone(area);
        if self.has(Defect::MalformedPhone) {
            assistant_phone.pop();
        }
        self.set("assistant", format!("{af} {al}"));
        self.set("assistant_first", af);
        let assistant_role =
            *self
                .rng
                .pick(&["assistant", "legal assistant", "paralegal", "law clerk"]);
        self.set("assistant_role", assistant_role.to_string());
        self.set("assistant_email", assistant_email);
        self.set("assistant_phone", assistant_phone);
        // With no assistant, the assistant-free wording of the same clauses is used.
        if self.keeps(Clause::Assistant) {
            let first = self.var("assistant_first").to_string();
            let phone = self.var("assistant_phone").to_string();
            self.set("helper", first.clone());
            self.set("urgent_contact", format!("{first} at {phone}"));
        } else {
            self.set("helper", "our reception staff".to_string());
            let main = self.var("main_phone").to_string();
            self.set("urgent_contact", format!("our main line at {main}"));
        }

        let (xf, xl) = self.name();
        self.set("associate", format!("{xf} {xl}"));
        let (pf, pl) = self.name();
        self.set("paralegal", format!("{pf} {pl}"));
        let (mf, ml) = self.name();
        self.set("partner", format!("{mf} {ml}"));

        let (cf, cl) = self.name();
        let honorific = *self.rng.pick(&["Ms.", "Mr.", "Mx.", "Dr."]);
        if self.matter.corporate && self.rng.chance(60) {
            let company = *self.rng.pick(banks::CLIENT_COMPANIES);
            self.set("client", company.to_string());
            self.set(
                "client_attention",
                format!("Attention: {honorific} {cf} {cl}, Chief Financial Officer"),
            );
        } else {
            self.set("client", format!("{honorific} {cf} {cl}"));
            self.set("client_attention", String::new());
        }
        let salutation = if self.rng.chance(70) {
            format!("{honorific} {cl}")
        } else {
            cf.clone()
        };
        self.set("salutation", salutation);
        let (sf, sl) = self.name();
        self.set("spouse", format!("{sf} {sl}"));
        let (df, dl) = self.name();
        self.set("deceased", format!("the late {df} {dl}"));
        let opponent = *self.rng.pick(banks::COMPANIES);
        self.set("opponent", opponent.to_string());
        let house = self.rng.range(10, 2400);
        let road = *self.rng.pick(banks::STREETS);
        self.set("property", format!("{house} {road}, {city}"));

        let month = self.rng.below(9);
        let day = self.rng.range(1, 28);
        let letter_date = self.date(day, month);
        self.set("date", letter_date);
        let meeting_day = self.rng.range(1, day);
        let meeting = self.date(meeting_day, month);
        self.set("meeting", meeting);
        let d1 = self.rng.range(1, 28);
        let date1 = self.date(d1, month + 1);
        self.set("date1", date1);
        let d2 = self.rng.range(1, 28);
        let date2 = self.date(d2, month + 2);
        self.set("date2", date2);
        let incident_day = self.rng.range(1, 28);
        let incident_month = self.rng.below(12);
        let incident = if self.j.month_first {
            format!("{} {incident_day}, 2025", MONTHS[incident_month])
        } else {
            format!("{incident_day} {} 2025", MONTHS[incident_month])
        };
        self.set("incident", incident);
        let file_no = self.rng.range(100, 9999);
        self.set("file_no", format!("2026-{file_no:04}"));

        self.set("matter_short", self.matter.short.to_string());
        self.set("services", self.matter.services.to_string());
        self.set("assumption", self.matter.assumption.to_string());
        self.set("flat_scope", self.matter.flat_scope.to_string());

        let rate = self.rng.range(24, 60) * 10;
        let rate_text = if self.has(Defect::NoCurrency) {
            with_commas(rate)
        } else {
            self.money(rate)
        };
        self.set("rate_value", rate.to_string());
        self.set("rate", rate_text);
        let (lo, hi) = self.matter.estimate;
        let est_lo = self.rng.range(lo, (lo + hi) / 2) * 1000;
        let est_hi = est_lo + self.rng.range(1, (hi - lo).max(1)) * 1000;
        let est_lo_text = self.money(est_lo);
        let est_hi_text = self.money(est_hi);
        self.set("est_lo", est_lo_text);
        self.set("est_hi", est_hi_text);
        // The flat fee sits below the estimate of the total cost, which adds disbursements and tax.
        let flat = (est_lo * 7 / 10 / 100).max(5) * 100;
        let flat_text = self.money(flat);
        self.set("flat", flat_text);
        let pct = *self.rng.pick(&[20u64, 25, 30, 33]);
        self.set("pct", format!("{pct}%"));
        let recovery = self.rng.range(4, 40) * 10_000;
        let recovery_text = self.money(recovery);
        self.set("example_recovery", recovery_text);
        let fee_text = self.money(recovery * pct / 100);
        self.set("example_fee", fee_text);

        let deposit = self.rng.range(2, 10) * 500;
        let deposit_text = if self.has(Defect::NoCurrency) {
            with_commas(deposit)
        } else {
            self.money(deposit)
        };
        self.set("deposit", deposit_text.clone());
        let in_words = self.has(Defect::WordsFigures) || self.rng.chance(60);
        let deposit_amount = if in_words {
            let figure = if self.has(Defect::WordsFigures) {
                // A figure that disagrees with the words, as a bad edit leaves it.
                let wrong = deposit + self.rng.range(1, 9) * 500;
                self.money(wrong)
            } else {
                deposit_text
            };
            format!(
                "{} {} ({figure})",
                number_in_words(deposit),
                self.j.currency_word
            )
        } else {
            deposit_text
        };
        self.set("deposit_amount", deposit_amount);
        let due = *self.rng.pick(&[14u64, 30, 30, 30]);
        self.set("due_days", due.to_string());
        let interest = *self.rng.pick(&[5u64, 8, 10, 12]);
        self.set("interest", interest.to_string());
        let updates = *self.rng.pick(&[14u64, 30, 30, 45, 60]);
        self.set("update_days", updates.to_string());
        let retention = *self.rng.pick(&[6u64, 7, 10, 10, 15]);
        self.set("retention", retention.to_string());
        let response = if self.has(Defect::SlowResponse) {
            *self.rng.pick(banks::RESPONSE_TIMES_SLOW)
        } else {
            *self.rng.pick(banks::RESPONSE_TIMES_GOOD)
        };
        self.set("response", response.to_string());
        let disb = *self.rng.pick(banks::DISB_EXAMPLES);
        self.set("disb_examples", disb.to_string());
        let mut exclusions = self.matter.exclusions.to_vec();
        self.rng.shuffle(&mut exclusions);
        self.set(
            "excl1",
            exclusions.first().copied().unwrap_or("").to_string(),
        );
        self.set(
            "excl2",
            exclusions.get(1).copied().unwrap_or("").to_string(),
        );
    }

    fn letterhead(&mut self) -> Vec<String> {
        vec![
            self.fill("**{firm}**"),
            self.fill("{street_line}, {city}, {region} {postcode}"),
            self.fill("Tel. {main_phone} · www.{domain}"),
        ]
    }

    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    fn para(&mut self, text: String) {
        self.push(Block::Paragraph(text));
    }

    fn heading(&mut self, options: &[&str]) {
        let h = (*self.rng.pick(options)).to_string();
        self.push(Block::Heading(h));
    }

    /// The whole body of a typical letter, in the order most firms use.
    fn body(&mut self) {
        self.opening();
        self.scope();
        self.team();
        self.fees();
        self.trust();
        self.billing();
        // Communication, response times and status updates come in varying orders.
        let mut comms = [0u8, 1, 2];
        if self.rng.chance(40) {
            self.rng.shuffle(&mut comms);
        }
        let response_merged = self.rng.chance(35);
        for part in comms {
            match part {
                0 => self.communication(response_merged),
                1 if !response_merged => self.response(true),
                2 => self.status(),
                _ => {}
            }
        }
        self.duties();
        self.next_steps();
        let mut ending = [0u8, 1, 2];
        self.rng.shuffle(&mut ending);
        for part in ending {
            match part {
                0 => self.termination(),
                1 => self.file_retention(),
                _ => self.disputes(),
            }
        }
        self.other_terms();
        self.closing();
    }

    fn opening(&mut self) {
        let date = self.var("date").to_string();
        self.para(date);
        if self.rng.chance(50) {
            self.para("**Private and Confidential**".to_string());
        }
        let mut address = vec![self.var("client").to_string()];
        let attention = self.var("client_attention").to_string();
        if !attention.is_empty() {
            address.push(attention);
        }
        let house = self.rng.range(10, 990);
        let street = *self.rng.pick(banks::STREETS);
        address.push(format!("{house} {street}"));
        address.push(self.fill("{city}, {region} {postcode}"));
        self.push(Block::Lines(address));
        let placeholder_kind = if self.has(Defect::Placeholder) {
            Some(self.rng.below(4))
        } else {
            None
        };
        let file_ref = if placeholder_kind == Some(0) {
            "{{matter_number}}".to_string()
        } else {
            self.var("file_no").to_string()
        };
        let re_matter = if placeholder_kind == Some(1) {
            "[describe matter]".to_string()
        } else {
            self.fill("{matter_short}")
        };
        self.para(format!("**Re: {re_matter} (our file {file_ref})**"));
        let salutation = if placeholder_kind == Some(2) {
            "[CLIENT NAME]".to_string()
        } else {
            self.var("salutation").to_string()
        };
        let punct = if self.j.month_first { ":" } else { "," };
        self.para(format!("Dear {salutation}{punct}"));
        let title = (*self.rng.pick(banks::TITLES)).to_string();
        self.push(Block::Title(title));
        let mut opening = self.pick_fill(banks::OPENINGS);
        if placeholder_kind == Some(3) {
            opening.push_str(" Your first meeting with us is on TBD.");
        }
        self.para(opening);
    }

    fn scope(&mut self) {
        self.heading(&[
            "Scope of Services",
            "What We Will Do",
            "The Services",
            "Scope of Our Engagement",
            "Scope of the Retainer",
        ]);
        let services = self.pick_fill(banks::SERVICES);
        self.para(services);
        let intro = (*self.rng.pick(banks::SERVICES_LIST_INTRO)).to_string();
        self.para(intro);
        let mut bullets: Vec<String> = self.matter.bullets.iter().map(|b| self.fill(b)).collect();
        let keep = self.rng.range(3, bullets.len() as u64) as usize;
        bullets.truncate(keep);
        if self.rng.chance(50) {
            self.push(Block::Bullets(bullets));
        } else {
            self.push(Block::Numbered(bullets));
        }
        if self.keeps(Clause::Exclusions) {
            let excl = self.pick_fill(banks::EXCLUSIONS);
            self.para(excl);
        }
        if self.has(Defect::Guarantee) {
            let g = self.pick_fill(banks::GUARANTEE);
            self.para(g);
        } else if self.rng.chance(60) {
            let g = self.pick_fill(banks::NO_GUARANTEE);
            self.para(g);
        }
    }

    fn team(&mut self) {
        self.heading(&[
            "Who Will Work on Your File",
            "Your Legal Team",
            "Staffing",
            "Who Is Responsible",
        ]);
        let mut text = self.pick_fill(banks::LAWYER_RESPONSIBLE);
        if self.fee == FeeKind::Hourly {
            text.push(' ');
            text.push_str(&self.pick_fill(banks::OTHER_STAFF));
        }
        self.para(text);
        if self.keeps(Clause::Assistant) {
            let mut text = self.pick_fill(banks::ASSISTANT);
            if self.has(Defect::AssistantAdvice) {
                text.push(' ');
                text.push_str(&self.pick_fill(banks::ASSISTANT_ADVICE));
            } else if self.keeps(Clause::AssistantTopics) {
                text.push(' ');
                text.push_str(&self.pick_fill(banks::ASSISTANT_TOPICS));
            }
            self.para(text);
        } else {
            self.para("Other members of our staff may also help with your file.".to_string());
        }
    }

    fn fees(&mut self) {
        self.heading(&["Fees", "Our Fees", "Legal Fees", "How We Charge"]);
        match self.fee {
            FeeKind::Hourly if self.has(Defect::VagueFeeBasis) => {
                let basis = self.pick_fill(banks::VAGUE_BASIS);
                self.para(format!(
                    "{basis} Other staff will bill at their applicable rates."
                ));
            }
            FeeKind::Hourly => {
                let basis = self.pick_fill(banks::HOURLY_BASIS);
                self.para(basis);
                let intro = (*self.rng.pick(banks::RATE_TABLE_INTRO)).to_string();
                self.para(intro);
                let rows = self.rate_rows();
                self.push(Block::Table {
                    header: vec!["Name".into(), "Role".into(), "Hourly rate".into()],
                    rows,
                });
                let inc = (*self.rng.pick(banks::INCREMENT)).to_string();
                self.para(inc);
            }
            FeeKind::Flat => {
                let basis = self.pick_fill(banks::FLAT_BASIS);
                self.para(basis);
            }
            FeeKind::Contingency => {
                let basis = self.pick_fill(banks::CONTINGENCY_BASIS);
                self.para(basis);
            }
        }
        if self.keeps(Clause::Estimate) {
            let bank = match self.fee {
                FeeKind::Hourly => banks::ESTIMATE_HOURLY,
                FeeKind::Flat => banks::ESTIMATE_FLAT,
                FeeKind::Contingency => banks::ESTIMATE_CONTINGENCY,
            };
            let e = self.pick_fill(bank);
            self.para(e);
        }
        let mut tail = Vec::new();
        if self.keeps(Clause::Tax) {
            tail.push(self.pick_fill(self.j.tax));
        }
        if self.keeps(Clause::RateChanges) && self.fee != FeeKind::Contingency {
            tail.push(self.pick_fill(banks::RATE_CHANGES));
        }
        if !tail.is_empty() {
            self.para(tail.join(" "));
        }
        if self.keeps(Clause::Disbursements) {
            if self.rng.chance(40) {
                self.heading(&[
                    "Disbursements",
                    "Expenses and Disbursements",
                    "Out-of-Pocket Expenses",
                ]);
            }
            let d = self.pick_fill(banks::DISBURSEMENTS);
            self.para(d);
        }
    }

    fn rate_rows(&mut self) -> Vec<Vec<String>> {
        let rate: u64 = self.var("rate_value").parse().unwrap_or(300);
        let no_marker = self.has(Defect::NoCurrency);
        let fmt = |w: &mut Writer, n: u64| {
            if no_marker {
                with_commas(n)
            } else {
                w.money(n)
            }
        };
        let lawyer = self.var("lawyer").to_string();
        let role = self.var("lawyer_role").to_string();
        let associate = self.var("associate").to_string();
        let paralegal = self.var("paralegal").to_string();
        let mut rows = vec![
            vec![lawyer, capitalise(&role), fmt(self, rate)],
            vec![
                associate,
                "Associate".into(),
                fmt(self, rate * 6 / 10 / 5 * 5),
            ],
            vec![
                paralegal,
                "Paralegal".into(),
                fmt(self, rate * 3 / 10 / 5 * 5),
            ],
        ];
        if self.rng.chance(40) {
            rows.push(vec![
                "Articling student".into(),
                "Student".into(),
                fmt(self, rate / 4 / 5 * 5),
            ]);
        }
        rows
    }

    fn trust(&mut self) {
        self.heading(&[
            "Retainer",
            "Money in Trust",
            "Retainer and Trust Funds",
            "Deposit on Account",
        ]);
        let text = if self.has(Defect::IncompleteDeposit) {
            self.pick_fill(banks::DEPOSIT_INCOMPLETE)
        } else if self.has(Defect::NonRefundable) {
            self.pick_fill(banks::DEPOSIT_NONREFUNDABLE)
        } else {
            let mut t = self.pick_fill(banks::DEPOSIT_GOOD);
            if self.rng.chance(50) {
                t.push(' ');
                t.push_str(&self.pick_fill(banks::TOP_UP));
            }
            t
        };
        self.para(text);
    }

    fn billing(&mut self) {
        self.heading(&["Billing and Payment", "Accounts", "Invoices and Payment"]);
        let mut parts = Vec::new();
        parts.push(if self.has(Defect::VagueBilling) {
            self.pick_fill(banks::BILLING_VAGUE)
        } else {
            self.pick_fill(banks::BILLING_FREQUENCY)
        });
        if self.has(Defect::UnbalancedBracket) {
            parts.push(self.pick_fill(banks::BILLING_DUE_UNBALANCED));
        } else if self.keeps(Clause::BillingDue) {
            parts.push(self.pick_fill(banks::BILLING_DUE));
        }
        if self.has(Defect::MonthlyInterest) {
            parts.push(self.pick_fill(banks::INTEREST_MONTHLY));
        } else if self.rng.chance(50) {
            parts.push(self.pick_fill(banks::INTEREST));
        }
        self.para(parts.join(" "));
    }

    fn communication(&mut self, with_response: bool) {
        self.heading(&[
            "Communication",
            "How to Reach Us",
            "Our Communication Policy",
            "Keeping in Touch",
        ]);
        let mut parts = Vec::new();
        if self.keeps(Clause::Channels) {
            parts.push(self.pick_fill(banks::CHANNELS));
        }
        if self.keeps(Clause::Availability) {
            parts.push(self.pick_fill(banks::AVAILABILITY));
        }
        if !parts.is_empty() {
            self.para(parts.join(" "));
        }
        if self.fee == FeeKind::Hourly && self.keeps(Clause::CommsCost) {
            let c = self.pick_fill(banks::COMMS_COST);
            self.para(c);
        }
        if self.keeps(Clause::Urgent) {
            let u = self.pick_fill(banks::URGENT);
            self.para(u);
        }
        if with_response {
            self.response(false);
        }
    }

    fn response(&mut self, own_heading: bool) {
        let mut parts = Vec::new();
        if self.keeps(Clause::ResponseCommitment) {
            parts.push(self.pick_fill(banks::RESPONSE));
        }
        if self.keeps(Clause::Acknowledgement) {
            parts.push(self.pick_fill(banks::ACKNOWLEDGE));
        }
        if self.has(Defect::VagueTiming) {
            parts.push(self.pick_fill(banks::VAGUE_TIMING));
        }
        if self.rng.chance(50) {
            parts.push(self.pick_fill(banks::COVERAGE));
        }
        if parts.is_empty() {
            return;
        }
        if own_heading {
            self.heading(&[
                "Response Times",
                "When You Will Hear From Us",
                "Our Service Standards",
            ]);
        }
        self.para(parts.join(" "));
    }

    fn status(&mut self) {
        if self.keeps(Clause::StatusUpdates) {
            self.heading(&["Status Updates", "Keeping You Informed", "Progress Reports"]);
            let s = self.pick_fill(banks::STATUS);
            self.para(s);
        } else if self.rng.chance(50) {
            self.heading(&["Keeping You Informed"]);
            let s = self.pick_fill(banks::STATUS_VAGUE);
            self.para(s);
        }
    }

    fn duties(&mut self) {
        let duties = self.keeps(Clause::ClientDuties);
        let verify = self.keeps(Clause::Verification);
        if !duties && !verify {
            return;
        }
        if duties {
            self.heading(&[
                "Your Responsibilities",
                "What We Need From You",
                "Your Role",
            ]);
        } else {
            self.heading(&["Identification"]);
        }
        let mut parts = Vec::new();
        if duties {
            parts.push(self.pick_fill(banks::CLIENT_DUTIES));
        }
        if verify {
            parts.push(self.pick_fill(banks::VERIFICATION));
        }
        self.para(parts.join(" "));
    }

    fn next_steps(&mut self) {
        if !self.keeps(Clause::NextSteps) {
            return;
        }
        self.heading(&["Next Steps", "What Happens Next", "Timeline"]);
        let intro = (*self.rng.pick(banks::STEPS_INTRO)).to_string();
        self.para(intro);
        let mut steps: Vec<String> = self.matter.steps.iter().map(|s| self.fill(s)).collect();
        if self.has(Defect::ImpossibleDate) {
            let bad = *self
                .rng
                .pick(&[(31u64, 3usize), (31, 5), (31, 8), (31, 10), (30, 1)]);
            let date = self.date(bad.0, bad.1);
            steps.push(format!("We will report to you on the results by {date}."));
        }
        self.push(Block::Numbered(steps));
    }

    fn termination(&mut self) {
        if self.keeps(Clause::Termination) {
            self.heading(&[
                "Ending the Retainer",
                "Termination",
                "If Either of Us Ends This Retainer",
            ]);
            let t = self.pick_fill(banks::TERMINATION);
            self.para(t);
        }
    }

    fn file_retention(&mut self) {
        if self.keeps(Clause::FileRetention) {
            self.heading(&["Your File", "File Retention", "Records"]);
            let f = self.pick_fill(banks::FILE_RETENTION);
            self.para(f);
        }
    }

    fn disputes(&mut self) {
        if self.keeps(Clause::Disputes) {
            self.heading(&[
                "Concerns and Disputes",
                "If You Have a Concern",
                "Complaints and Fee Disputes",
            ]);
            let first = self.pick_fill(banks::CONCERN_FIRST);
            let route = self.pick_fill(self.j.disputes);
            self.para(format!("{first} {route}"));
        }
    }

    /// A few of the firm's standard terms, each a paragraph with a bold lead-in.
    fn other_terms(&mut self) {
        self.heading(&["Other Terms", "General", "Other Matters"]);
        let mut terms = banks::STANDARD_TERMS.to_vec();
        self.rng.shuffle(&mut terms);
        let keep = self.rng.range(3, 6) as usize;
        for (title, text) in terms.into_iter().take(keep) {
            let text = self.fill(text);
            self.para(format!("**{title}.** {text}"));
        }
    }

    fn closing(&mut self) {
        let c = self.pick_fill(banks::CLOSINGS);
        self.para(c);
        let sign_off = (*self.rng.pick(banks::SIGN_OFFS)).to_string();
        let lines = vec![
            sign_off,
            self.fill("**{firm}**"),
            self.fill("{lawyer}"),
            capitalise(self.var("lawyer_role")),
        ];
        self.push(Block::Lines(lines));
        if self.keeps(Clause::Signature) {
            self.heading(&["Acceptance", "Your Agreement", "Please Sign and Return"]);
            let a = self.pick_fill(banks::ACCEPTANCE);
            self.para(a);
            let lines = vec![
                self.fill("Signature of {client}:"),
                "Name and title:".to_string(),
                "Date:".to_string(),
            ];
            self.push(Block::Lines(lines));
        }
    }

    /// Schedules that make a long letter: standard terms, then a staged work plan with a
    /// budget table per stage, until `target_words` is reached.
    fn schedules(&mut self, target_words: usize) {
        let mut words: usize = self.words_so_far();
        self.push(Block::Heading(
            "Schedule A: Standard Terms of Business".into(),
        ));
        for (n, (title, text)) in banks::STANDARD_TERMS.iter().enumerate() {
            self.push(Block::Subheading(format!("A.{} {title}", n + 1)));
            let t = self.fill(text);
            words += t.split_whitespace().count() + 3;
            self.para(t);
        }
        self.push(Block::Heading("Schedule B: Work Plan and Budget".into()));
        let rate: u64 = self.var("rate_value").parse().unwrap_or(300);
        let mut stage = 0usize;
        while words < target_words {
            let name = banks::STAGES[stage % banks::STAGES.len()];
            let round = stage / banks::STAGES.len();
            let title = if round == 0 {
                format!("B.{} {name}", stage + 1)
            } else {
                format!("B.{} {name} (round {})", stage + 1, round + 1)
            };
            self.push(Block::Subheading(title));
            let mut tasks = banks::STAGE_TASKS.to_vec();
            self.rng.shuffle(&mut tasks);
            for _ in 0..3 {
                self.set("task_a", tasks[0].to_lowercase());
                self.set("task_b", tasks[1].to_lowercase());
                let p = self.pick_fill(banks::STAGE_TEXT);
                words += p.split_whitespace().count();
                self.para(p);
                tasks.rotate_left(2);
            }
            let mut rows = Vec::new();
            for task in tasks.iter().take(5) {
                let hours = self.rng.range(2, 40);
                let fee = self.money(hours * rate);
                rows.push(vec![(*task).to_string(), hours.to_string(), fee]);
                words += task.split_whitespace().count() + 2;
            }
            self.push(Block::Table {
                header: vec![
                    "Task".into(),
                    "Estimated hours".into(),
                    "Estimated fees".into(),
                ],
                rows,
            });
            let steps: Vec<String> = (0..4)
                .map(|k| {
                    let task = tasks[k % tasks.len()].to_lowercase();
                    format!(
                        "Complete {task} for stage {} and report to you in writing.",
                        stage + 1
                    )
                })
                .collect();
            words += steps
                .iter()
                .map(|s| s.split_whitespace().count())
                .sum::<usize>();
            self.push(Block::Numbered(steps));
            stage += 1;
        }
    }

    fn words_so_far(&self) -> usize {
        self.blocks
            .iter()
            .flat_map(Block::texts)
            .map(|t| t.split_whitespace().count())
            .sum()
    }

    /// Defects written into an existing paragraph: a drafting note, legalese.
    fn post_defects(&mut self) {
        // Body paragraphs after the salutation and title, before the closing.
        let candidates: Vec<usize> = self
            .blocks
            .iter()
            .enumerate()
            .skip(6)
            .filter(|(_, b)| matches!(b, Block::Paragraph(_)))
            .map(|(i, _)| i)
            .collect();
        if candidates.is_empty() {
            return;
        }
        if self.has(Defect::DraftingNote) {
            let at = *self.rng.pick(&candidates);
            let note = *self.rng.pick(banks::DRAFTING_NOTES);
            if let Some(Block::Paragraph(p)) = self.blocks.get_mut(at) {
                *p = format!("{note} {p}");
            }
        }
        if self.has(Defect::Legalese) {
            let at = *self.rng.pick(&candidates);
            let sentence = *self.rng.pick(banks::LEGALESE);
            if let Some(Block::Paragraph(p)) = self.blocks.get_mut(at) {
                p.push(' ');
                p.push_str(sentence);
            }
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

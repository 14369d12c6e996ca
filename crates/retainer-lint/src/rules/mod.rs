//! The rule engine: packs of rules (data) compiled into one [`Engine`] per configuration,
//! carried out by a closed set of kinds (code, one module each under [`kinds`]).
//!
//! Compilation gathers every pattern of every enabled rule into one [`pattern::PatternSet`].
//! Checking a letter scans each block once against that set's literal index ([`Scan`]), which
//! names the block's candidate patterns; a candidate is run only when a rule asks about it, and
//! at most once per block, so cost grows with the letter, not with letter × rules.

use std::cell::{OnceCell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use serde::Deserialize;

use crate::config::ConfigError;
use crate::diagnostic::Severity;
use crate::document::{BlockKind, Document};
use crate::lint::{Example, RuleInfo};

pub mod kinds;
pub mod pack;
pub mod pattern;
pub mod suppress;

use pack::{table_error_in, RuleDef, Source};
use pattern::{Fragments, PatternBits, PatternId, PatternSet, PatternSetBuilder};

/// Firm policy values (`[params]` in `retainer-lint.toml`), read by the kinds that use them.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Longest response time allowed, in business days (`response.limit`; default 2).
    #[serde(default)]
    pub max_business_days: Option<f64>,
    /// The currency marker amounts must carry (`fees.currency`), e.g. `"CAD"`.
    #[serde(default)]
    pub currency: Option<String>,
    /// The sales taxes a letter must name (`fees.tax`), e.g. `["GST", "PST"]`.
    #[serde(default)]
    pub taxes: Option<Vec<String>>,
    /// Longest sentence, in words (`plain.sentence-length`; default 35).
    #[serde(default)]
    pub max_words: Option<usize>,
    /// Highest Flesch–Kincaid grade (`plain.readability`; default 12).
    #[serde(default)]
    pub max_grade: Option<f64>,
    /// When true, `staff.assistant` is an error.
    #[serde(default)]
    pub require_assistant: Option<bool>,
}

impl Policy {
    /// `other`'s values where set, else ours.
    pub fn merged(&self, other: &Policy) -> Policy {
        Policy {
            max_business_days: other.max_business_days.or(self.max_business_days),
            currency: other.currency.clone().or_else(|| self.currency.clone()),
            taxes: other.taxes.clone().or_else(|| self.taxes.clone()),
            max_words: other.max_words.or(self.max_words),
            max_grade: other.max_grade.or(self.max_grade),
            require_assistant: other.require_assistant.or(self.require_assistant),
        }
    }

    fn flag(&self, name: &str) -> bool {
        match name {
            "require_assistant" => self.require_assistant.unwrap_or(false),
            _ => false,
        }
    }

    /// Template values (`{max_business_days}`) for messages and suggestions.
    fn template_values(&self) -> Vec<(&'static str, String)> {
        vec![
            (
                "max_business_days",
                fmt_num(self.max_business_days.unwrap_or(2.0)),
            ),
            ("max_words", self.max_words.unwrap_or(35).to_string()),
            ("max_grade", fmt_num(self.max_grade.unwrap_or(12.0))),
        ]
    }
}

/// A number without a needless ".0".
pub fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n:.1}")
    }
}

/// Fill `{name}` placeholders of a message template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// A clause as written in a pack: a single pattern, or patterns that must all match in the
/// same sentence (or block) with none of the `not` patterns.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ClauseSpec {
    /// One pattern.
    One(String),
    /// Several.
    Many(ClauseTable),
}

/// The table form of a clause.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseTable {
    /// Every one must match; the first gives the reported span.
    pub all: Vec<String>,
    /// None may match in the same unit.
    #[serde(default)]
    pub not: Vec<String>,
    /// `"sentence"` (default) or `"block"`.
    #[serde(default)]
    pub within: Within,
}

/// The unit a clause's patterns must share.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Within {
    /// One sentence.
    #[default]
    Sentence,
    /// One block (paragraph, list item, table cell).
    Block,
    /// One section: the heading and the blocks under it (a table row's cells, a contact
    /// block split over lines, a heading naming a person and the paragraph giving their
    /// number).
    Section,
}

/// A clause compiled to pattern ids.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClauseDef {
    all: Vec<PatternId>,
    not: Vec<PatternId>,
    within: Within,
}

/// Index of a clause in the engine.
pub type ClauseId = usize;

/// Where a clause matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseHit {
    /// Block index.
    pub block: usize,
    /// The sentence (or block) range in the block's plain text.
    pub unit: Range<usize>,
    /// The primary span (the first pattern's match) in plain text.
    pub span: Range<usize>,
}

/// Ranges already reported, so that overlapping matches of one rule report once.
#[derive(Debug, Default)]
pub struct Claimed(Vec<(usize, Range<usize>)>);

impl Claimed {
    /// Claims `range` of block `block`: false when it overlaps a range claimed before.
    pub fn claim(&mut self, block: usize, range: &Range<usize>) -> bool {
        let taken = self
            .0
            .iter()
            .any(|(b, r)| *b == block && r.start < range.end && range.start < r.end);
        if !taken {
            self.0.push((block, range.clone()));
        }
        !taken
    }
}

/// A named element a clause must contain ("that the money is held in trust").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElementSpec {
    /// How the message names it when missing.
    pub name: String,
    /// Any of these satisfies it.
    pub patterns: Vec<ClauseSpec>,
}

/// A compiled element.
#[derive(Debug, Clone)]
pub struct Element {
    /// Its name.
    pub name: String,
    /// Its clauses.
    pub clauses: Vec<ClauseId>,
}

/// What a kind reports; the engine turns it into a [`crate::Diagnostic`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Block of the primary span.
    pub block: usize,
    /// Primary span in the block's plain text.
    pub range: Range<usize>,
    /// The message.
    pub message: String,
    /// Label of the primary span.
    pub label: Option<String>,
    /// Secondary spans: block, plain range, label.
    pub labels: Vec<(usize, Range<usize>, String)>,
    /// Replacement texts.
    pub suggestions: Vec<String>,
    /// Help replacing the rule's help.
    pub help: Option<String>,
}

impl Finding {
    /// A finding with a message at a span.
    pub fn new(block: usize, range: Range<usize>, message: String) -> Self {
        Finding {
            block,
            range,
            message,
            label: None,
            labels: Vec::new(),
            suggestions: Vec::new(),
            help: None,
        }
    }
}

/// The text of a rule a kind uses to word its findings.
#[derive(Debug, Clone)]
pub struct RuleText {
    /// Message template.
    pub message: String,
    /// Values for `{max_business_days}`-style placeholders.
    pub values: Vec<(&'static str, String)>,
}

impl RuleText {
    /// The message with `values` and the rule's policy values filled in.
    pub fn message(&self, values: &[(&str, &str)]) -> String {
        let own: Vec<(&str, &str)> = self.values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(&fill(&self.message, values), &own)
    }
}

/// One kind's compiled check.
pub trait Check: Send + Sync + fmt::Debug {
    /// Report findings about the scanned letter.
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>);
}

/// A compiled rule.
#[derive(Debug)]
pub struct CompiledRule {
    /// What the user sees.
    pub info: RuleInfo,
    /// Its id (shared by its diagnostics).
    pub id: Arc<str>,
    /// Message template and values.
    pub text: RuleText,
    /// Help shown with each finding.
    pub help: Option<String>,
    /// The check.
    pub check: Box<dyn Check>,
    /// Words whose first suggestion may replace them unread (`safe-fix`); `None`: never.
    pub safe_fix: Option<regex::Regex>,
}

/// Builds an [`Engine`]: kinds call it to register their patterns and clauses.
#[derive(Debug)]
pub struct Compiler<'a> {
    builder: &'a mut PatternSetBuilder,
    clauses: &'a mut Vec<ClauseDef>,
    clause_ids: &'a mut HashMap<ClauseDef, ClauseId>,
    fragments: Fragments,
    /// Firm policy in force for this rule.
    pub policy: &'a Policy,
    rule: &'a RuleDef,
}

impl Compiler<'_> {
    /// Register a pattern; an invalid one is an error at its spot in the pack.
    pub fn pattern(&mut self, src: &str) -> Result<PatternId, ConfigError> {
        // A firm's patterns are compiled now, so an over-large one is an error at load time;
        // built-in ones (compiled by the test suite) only when a letter needs them.
        let compile = !self.rule.source.is_builtin();
        self.builder
            .add(src, &self.fragments, compile)
            .map_err(|e| {
                let (source, span) = self.locate_value(src);
                source.error(
                    "config.bad-pattern",
                    format!(
                        "rule `{}`: invalid pattern: {}",
                        self.rule.common.id, e.reason
                    ),
                    span,
                    "this pattern",
                )
            })
    }

    /// Register a clause.
    pub fn clause(&mut self, spec: &ClauseSpec) -> Result<ClauseId, ConfigError> {
        let def = match spec {
            ClauseSpec::One(p) => ClauseDef {
                all: vec![self.pattern(p)?],
                not: Vec::new(),
                within: Within::Sentence,
            },
            ClauseSpec::Many(t) => {
                if t.all.is_empty() {
                    return Err(self.error("a clause table needs at least one pattern in `all`"));
                }
                ClauseDef {
                    all: t
                        .all
                        .iter()
                        .map(|p| self.pattern(p))
                        .collect::<Result<_, _>>()?,
                    not: t
                        .not
                        .iter()
                        .map(|p| self.pattern(p))
                        .collect::<Result<_, _>>()?,
                    within: t.within,
                }
            }
        };
        if let Some(&id) = self.clause_ids.get(&def) {
            return Ok(id);
        }
        let id = self.clauses.len();
        self.clause_ids.insert(def.clone(), id);
        self.clauses.push(def);
        Ok(id)
    }

    /// Register several clauses.
    pub fn clauses(&mut self, specs: &[ClauseSpec]) -> Result<Vec<ClauseId>, ConfigError> {
        specs.iter().map(|s| self.clause(s)).collect()
    }

    /// Register elements.
    pub fn elements(&mut self, specs: &[ElementSpec]) -> Result<Vec<Element>, ConfigError> {
        specs
            .iter()
            .map(|e| {
                Ok(Element {
                    name: e.name.clone(),
                    clauses: self.clauses(&e.patterns)?,
                })
            })
            .collect()
    }

    /// An error about this rule's parameters.
    pub fn error(&self, message: &str) -> ConfigError {
        let span = self.rule.span.start..self.rule.span.start + 1;
        self.rule.source.error(
            "config.bad-value",
            format!("rule `{}`: {message}", self.rule.common.id),
            Some(span),
            "in this rule",
        )
    }

    /// Deserialize this rule's parameters into a kind's parameter struct.
    pub fn params<T: serde::de::DeserializeOwned>(&self) -> Result<T, ConfigError> {
        toml::Value::Table(self.rule.params.clone())
            .try_into()
            .map_err(|e| {
                let mut places: Vec<(&Source, &Range<usize>)> = Vec::new();
                if let Some((Some(src), span)) = &self.rule.overridden {
                    places.push((src, span));
                }
                places.push((&self.rule.source, &self.rule.span));
                table_error_in(
                    &places,
                    &e,
                    &format!(
                        "rule `{}` (kind `{}`)",
                        self.rule.common.id, self.rule.common.kind
                    ),
                )
            })
    }

    /// Where a value of this rule is written: where it was overridden, else in its pack.
    fn locate_value(&self, value: &str) -> (Source, Option<Range<usize>>) {
        if let Some((Some(src), span)) = &self.rule.overridden {
            if let Some(at) = src.locate_value(span, value) {
                return (src.clone(), Some(at));
            }
        }
        let at = self
            .rule
            .source
            .locate_value(&self.rule.span, value)
            .or_else(|| Some(self.rule.span.start..self.rule.span.start + 1));
        (self.rule.source.clone(), at)
    }
}

/// A configuration's rules, compiled: shared by every letter and thread.
#[derive(Debug)]
pub struct Engine {
    patterns: PatternSet,
    clauses: Vec<ClauseDef>,
    /// Compiled rules in pack order.
    pub rules: Vec<CompiledRule>,
}

impl Engine {
    /// Compile rule definitions (already resolved: tightened, with severities decided).
    pub fn compile(defs: &[(RuleDef, Severity)], policy: &Policy) -> Result<Engine, ConfigError> {
        let mut builder = PatternSetBuilder::default();
        let mut clauses = Vec::new();
        let mut clause_ids = HashMap::new();
        let mut rules = Vec::new();
        for (def, severity) in defs {
            let fragments = Fragments::new((*def.fragments).clone());
            let mut cx = Compiler {
                builder: &mut builder,
                clauses: &mut clauses,
                clause_ids: &mut clause_ids,
                fragments,
                policy,
                rule: def,
            };
            let check = kinds::compile(&def.common.kind, &mut cx)?;
            let mut severity = *severity;
            if let Some(flag) = &def.common.escalate {
                if policy.flag(flag) {
                    severity = Severity::Error;
                }
            }
            let safe_fix = match &def.common.safe_fix {
                None | Some(pack::SafeFix::All(false)) => None,
                Some(pack::SafeFix::All(true)) => Some(String::from(r"(?s)\A.*\z")),
                Some(pack::SafeFix::Words(p)) => Some(format!(r"\A(?:{p})\z")),
            }
            .map(|p| regex::Regex::new(&p))
            .transpose()
            .map_err(|e| {
                ConfigError::new(format!(
                    "rule `{}`: `safe-fix` is not a valid pattern: {e}",
                    def.common.id
                ))
                .with_code("config.bad-pattern")
            })?;
            let values = policy.template_values();
            let fill_values = |s: &str| {
                let v: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                fill(s, &v)
            };
            rules.push(CompiledRule {
                info: RuleInfo {
                    id: def.common.id.clone(),
                    pack: def.pack.clone(),
                    kind: def.common.kind.clone(),
                    severity,
                    summary: def.common.summary.clone(),
                    rationale: def.common.rationale.clone(),
                    sources: def.common.sources.clone(),
                    examples: def
                        .common
                        .examples
                        .iter()
                        .map(|e| Example {
                            bad: e.bad.clone(),
                            good: e.good.clone(),
                        })
                        .collect(),
                },
                id: Arc::from(def.common.id.as_str()),
                help: def.common.help.as_deref().map(fill_values),
                text: RuleText {
                    message: def.common.message.clone(),
                    values,
                },
                check,
                safe_fix,
            });
        }
        let patterns = builder.build().map_err(|e| ConfigError::new(e.reason))?;
        Ok(Engine {
            patterns,
            clauses,
            rules,
        })
    }

    /// An engine with no rules.
    pub fn empty() -> Engine {
        Engine {
            patterns: PatternSetBuilder::default()
                .build()
                .unwrap_or_else(|_| unreachable_empty()),
            clauses: Vec::new(),
            rules: Vec::new(),
        }
    }

    /// Number of distinct patterns compiled.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// The compiled patterns.
    #[cfg(test)]
    pub(crate) fn patterns(&self) -> &PatternSet {
        &self.patterns
    }

    /// Scan a document: one pass of the anchor automaton over every block names each block's
    /// candidate patterns; a candidate is run the first time a rule asks about it.
    pub fn scan<'d>(&'d self, doc: &'d Document) -> Scan<'d> {
        let count = self.patterns.len();
        let blocks: Vec<BlockScan> = doc
            .blocks
            .iter()
            .map(|block| {
                if block.kind.is_prose() {
                    BlockScan {
                        candidates: self.patterns.candidates(&block.text),
                        checked: RefCell::new(PatternBits::new(count)),
                        matched: RefCell::new(PatternBits::new(count)),
                        sentences: pattern::sentences(&block.text),
                    }
                } else {
                    BlockScan::nothing()
                }
            })
            .collect();
        Scan {
            doc,
            engine: self,
            contexts: contexts(doc, &blocks),
            blocks,
            clause_cache: (0..self.clauses.len()).map(|_| OnceCell::new()).collect(),
        }
    }
}

/// The text around a block that completes what it says, where a clause may take some of its
/// words: for a list item, the sentence that introduces its list ("We will:", "You agree
/// to:", the last sentence of the paragraph just before the list when it ends with a colon);
/// for a table cell, the other cells of its row ("| Estimated total | $2,853.50 |") and the
/// header cell of its column ("Hourly rate" over "£575").
fn contexts(doc: &Document, scans: &[BlockScan]) -> Vec<Vec<(usize, Range<usize>)>> {
    let mut out = vec![Vec::new(); doc.blocks.len()];
    let mut lead_in: Option<(usize, Range<usize>)> = None;
    // The cells of the current table row: (row, blocks); the header cells of the current
    // table by column.
    let mut row: (u32, Vec<usize>) = (u32::MAX, Vec::new());
    let mut header: Vec<(u32, usize)> = Vec::new();
    let close_row = |row: &mut (u32, Vec<usize>), out: &mut Vec<Vec<(usize, Range<usize>)>>| {
        for &cell in &row.1 {
            let mates = row.1.iter().filter(|&&m| m != cell).map(|&m| {
                let len = doc.blocks.get(m).map_or(0, |bl| bl.text.len());
                (m, 0..len)
            });
            if let Some(slot) = out.get_mut(cell) {
                slot.extend(mates);
            }
        }
        row.1.clear();
    };
    for (b, block) in doc.blocks.iter().enumerate() {
        if let BlockKind::TableCell { row: r, col } = block.kind {
            if r != row.0 {
                // A row number that goes back starts a new table.
                if r < row.0 || row.0 == u32::MAX {
                    header.clear();
                }
                close_row(&mut row, &mut out);
                row.0 = r;
            }
            row.1.push(b);
            if r == 0 {
                header.push((col, b));
            } else if let Some(&(_, h)) = header.iter().find(|&&(c, _)| c == col) {
                let len = doc.blocks.get(h).map_or(0, |bl| bl.text.len());
                if let Some(slot) = out.get_mut(b) {
                    slot.push((h, 0..len));
                }
            }
        } else {
            close_row(&mut row, &mut out);
            row.0 = u32::MAX;
            header.clear();
        }
        match block.kind {
            BlockKind::ListItem { .. } => {
                if let (Some(slot), Some(l)) = (out.get_mut(b), &lead_in) {
                    slot.push(l.clone());
                }
            }
            BlockKind::Paragraph if block.text.trim_end().ends_with(':') => {
                let last = scans
                    .get(b)
                    .and_then(|s| s.sentences.last().cloned())
                    .unwrap_or(0..block.text.len());
                lead_in = Some((b, last));
            }
            _ => lead_in = None,
        }
    }
    close_row(&mut row, &mut out);
    out
}

/// What the scan knows about one block: which patterns may match it (from the anchor pass),
/// and which of those have been run, and matched.
#[derive(Debug)]
struct BlockScan {
    candidates: PatternBits,
    checked: RefCell<PatternBits>,
    matched: RefCell<PatternBits>,
    sentences: Vec<Range<usize>>,
}

impl BlockScan {
    /// A block no pattern is matched against (not prose).
    fn nothing() -> Self {
        BlockScan {
            candidates: PatternBits::new(0),
            checked: RefCell::new(PatternBits::new(0)),
            matched: RefCell::new(PatternBits::new(0)),
            sentences: Vec::new(),
        }
    }
}

/// One letter scanned against an engine's patterns; kinds query it.
#[derive(Debug)]
pub struct Scan<'d> {
    /// The letter.
    pub doc: &'d Document,
    engine: &'d Engine,
    blocks: Vec<BlockScan>,
    contexts: Vec<Vec<(usize, Range<usize>)>>,
    clause_cache: Vec<OnceCell<Vec<ClauseHit>>>,
}

impl Scan<'_> {
    /// True when pattern `p` matches somewhere in block `b`.
    pub fn hit(&self, b: usize, p: PatternId) -> bool {
        let Some(scan) = self.blocks.get(b) else {
            return false;
        };
        if !scan.candidates.contains(p) {
            return false;
        }
        if scan.checked.borrow().contains(p) {
            return scan.matched.borrow().contains(p);
        }
        let text = self.doc.blocks.get(b).map_or("", |bl| &*bl.text);
        let matched = self.engine.patterns.is_match(p, text);
        scan.checked.borrow_mut().insert(p);
        if matched {
            scan.matched.borrow_mut().insert(p);
        }
        matched
    }

    /// Matches of pattern `p` in block `b` (empty unless the scan hit).
    pub fn find(&self, b: usize, p: PatternId) -> Vec<Range<usize>> {
        if !self.hit(b, p) {
            return Vec::new();
        }
        match self.doc.blocks.get(b) {
            Some(block) => self.engine.patterns.find_all(p, &block.text),
            None => Vec::new(),
        }
    }

    /// The text that completes block `b` (see [`contexts`]): (block, range) pairs.
    pub fn context(&self, b: usize) -> &[(usize, Range<usize>)] {
        self.contexts.get(b).map_or(&[], Vec::as_slice)
    }

    /// Whether pattern `p` matches within the context of block `b`.
    pub fn hit_in_context(&self, b: usize, p: PatternId) -> bool {
        self.context(b).iter().any(|(cb, range)| {
            self.find(*cb, p)
                .iter()
                .any(|r| r.start < range.end && r.end > range.start)
        })
    }

    /// Sentences of block `b`.
    pub fn sentences(&self, b: usize) -> &[Range<usize>] {
        self.blocks.get(b).map_or(&[], |s| s.sentences.as_slice())
    }

    /// Every place clause `c` matches, in document order.
    pub fn clause(&self, c: ClauseId) -> &[ClauseHit] {
        match self.clause_cache.get(c) {
            Some(cell) => cell.get_or_init(|| self.eval_clause(c)),
            None => &[],
        }
    }

    /// The first place any of `clauses` matches (earliest in the document).
    pub fn first(&self, clauses: &[ClauseId]) -> Option<&ClauseHit> {
        clauses
            .iter()
            .filter_map(|&c| self.clause(c).first())
            .min_by_key(|h| (h.block, h.span.start))
    }

    /// All places any of `clauses` match, in document order.
    pub fn all(&self, clauses: &[ClauseId]) -> Vec<ClauseHit> {
        let mut v: Vec<ClauseHit> = clauses
            .iter()
            .flat_map(|&c| self.clause(c).iter().cloned())
            .collect();
        v.sort_by_key(|h| (h.block, h.span.start, h.span.end));
        v.dedup();
        v
    }

    fn eval_clause(&self, c: ClauseId) -> Vec<ClauseHit> {
        let Some(def) = self.engine.clauses.get(c) else {
            return Vec::new();
        };
        if def.within == Within::Section {
            return self.eval_section_clause(def);
        }
        let mut out = Vec::new();
        for (b, block) in self.doc.blocks.iter().enumerate() {
            if !block.kind.is_prose() {
                continue;
            }
            // A list item completes its lead-in sentence ("We will:" / "- reply promptly"), a
            // table cell its row: patterns it lacks may match there instead.
            let inherited: Vec<bool> = if self.context(b).is_empty() {
                vec![false; def.all.len()]
            } else {
                def.all.iter().map(|&p| self.hit_in_context(b, p)).collect()
            };
            if !def
                .all
                .iter()
                .zip(&inherited)
                .all(|(&p, &from_context)| from_context || self.hit(b, p))
            {
                continue;
            }
            if def.not.iter().any(|&p| self.hit_in_context(b, p)) {
                continue;
            }
            // A row whose first pattern matches in another of its cells is reported there,
            // at those words ("$38,000 to $52,000"), not again at this cell's label.
            if let (Some(&first), BlockKind::TableCell { row, .. }) = (def.all.first(), block.kind)
            {
                let in_mate = self.context(b).iter().any(|&(m, _)| {
                    self.doc.blocks.get(m).is_some_and(
                        |mate| matches!(mate.kind, BlockKind::TableCell { row: r, .. } if r == row),
                    ) && self.hit(m, first)
                });
                if in_mate && !self.hit(b, first) {
                    continue;
                }
            }
            let finds: Vec<Vec<Range<usize>>> = def.all.iter().map(|&p| self.find(b, p)).collect();
            let nots: Vec<Vec<Range<usize>>> = def.not.iter().map(|&p| self.find(b, p)).collect();
            let whole = 0..block.text.len();
            let units = match def.within {
                Within::Sentence => self.sentences(b),
                Within::Block | Within::Section => std::slice::from_ref(&whole),
            };
            for unit in units {
                let inside = |r: &Range<usize>| r.start >= unit.start && r.start < unit.end;
                // A match that runs in from the sentence before ("emails within one business
                // day. Phone messages will be returned") hides any that starts in this one:
                // search this sentence on its own.
                let rerun: Vec<Vec<Range<usize>>>;
                let finds: &[Vec<Range<usize>>] = if def.within == Within::Sentence
                    && finds.iter().any(|f| {
                        !f.iter().any(inside)
                            && f.iter().any(|r| r.start < unit.start && r.end > unit.start)
                    }) {
                    rerun = finds
                        .iter()
                        .zip(&def.all)
                        .map(|(f, &p)| {
                            let crossed = !f.iter().any(inside)
                                && f.iter().any(|r| r.start < unit.start && r.end > unit.start);
                            match block.text.get(unit.clone()) {
                                Some(text) if crossed => self
                                    .engine
                                    .patterns
                                    .find_all(p, text)
                                    .into_iter()
                                    .map(|r| r.start + unit.start..r.end + unit.start)
                                    .collect(),
                                _ => f.clone(),
                            }
                        })
                        .collect();
                    &rerun
                } else {
                    &finds
                };
                if !finds
                    .iter()
                    .zip(&inherited)
                    .all(|(f, &from_context)| from_context || f.iter().any(inside))
                {
                    continue;
                }
                if nots.iter().any(|f| f.iter().any(inside)) {
                    continue;
                }
                // The reported words are the first pattern's match within the item itself.
                let Some(span) = finds.iter().find_map(|f| f.iter().find(|r| inside(r))) else {
                    continue;
                };
                out.push(ClauseHit {
                    block: b,
                    unit: unit.clone(),
                    span: span.clone(),
                });
            }
        }
        out
    }

    fn eval_section_clause(&self, def: &ClauseDef) -> Vec<ClauseHit> {
        // Blocks outside any section (letterhead, header, footer) form one group of their own.
        let mut groups: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
        for (b, block) in self.doc.blocks.iter().enumerate() {
            if !block.kind.is_prose() {
                continue;
            }
            match groups.iter_mut().find(|(s, _)| *s == block.section) {
                Some((_, v)) => v.push(b),
                None => groups.push((block.section, vec![b])),
            }
        }
        let mut out = Vec::new();
        for (_, blocks) in groups {
            let has = |p: PatternId| blocks.iter().any(|&b| self.hit(b, p));
            if !def.all.iter().all(|&p| has(p)) || def.not.iter().any(|&p| has(p)) {
                continue;
            }
            let first = def.all.first().and_then(|&p| {
                blocks
                    .iter()
                    .find_map(|&b| self.find(b, p).into_iter().next().map(|r| (b, r)))
            });
            if let Some((b, span)) = first {
                let len = self.doc.blocks.get(b).map_or(0, |bl| bl.text.len());
                out.push(ClauseHit {
                    block: b,
                    unit: 0..len,
                    span,
                });
            }
        }
        out.sort_by_key(|h| (h.block, h.span.start));
        out
    }

    /// Where a missing-clause finding points: the heading of a section whose title matches one
    /// of `section` patterns, else the title or first heading, else the first paragraph.
    pub fn anchor(&self, section: &[PatternId]) -> Option<(usize, Range<usize>)> {
        let doc = self.doc;
        let whole = |b: usize| {
            let t = &doc.blocks[b].text;
            let lead = t.len() - t.trim_start().len();
            (b, lead..t.trim_end().len().max(lead))
        };
        for s in &doc.sections {
            if section.iter().any(|&p| self.hit(s.heading, p)) {
                return Some(whole(s.heading));
            }
        }
        if let Some(s) = doc.sections.first() {
            return Some(whole(s.heading));
        }
        doc.blocks
            .iter()
            .position(|b| {
                matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. })
                    && !b.text.trim().is_empty()
            })
            .or_else(|| {
                doc.blocks
                    .iter()
                    .position(|b| b.kind.is_prose() && !b.text.trim().is_empty())
            })
            .map(whole)
    }

    /// The plain text of block `b`.
    pub fn block_text(&self, b: usize) -> &str {
        self.doc.blocks.get(b).map_or("", |bl| bl.text.as_str())
    }

    /// The quoted text of a plain range of block `b`, shortened for messages.
    pub fn quote(&self, b: usize, r: &Range<usize>) -> String {
        let text = self
            .doc
            .blocks
            .get(b)
            .and_then(|bl| bl.text.get(r.clone()))
            .unwrap_or("");
        let mut q: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if q.chars().count() > 80 {
            q = q.chars().take(77).collect::<String>() + "…";
        }
        q
    }
}

/// A resolved rule definition list with per-rule severity, produced by configuration.
pub type ResolvedRules = Vec<(RuleDef, Severity)>;

/// Every rule id in `packs` mapped to its pack name (for "did you mean" and `extends`).
pub fn rule_ids(defs: &[RuleDef]) -> BTreeMap<String, String> {
    defs.iter()
        .map(|d| (d.common.id.clone(), d.pack.clone()))
        .collect()
}

impl Compiler<'_> {
    /// An unknown `kind`, pointed at where it is written.
    pub fn unknown_kind(&self, kind: &str, hint: &str) -> ConfigError {
        let span = self
            .rule
            .source
            .locate_value(&self.rule.span, &format!("\"{kind}\""))
            .or_else(|| Some(self.rule.span.start..self.rule.span.start + 1));
        self.rule.source.error(
            "config.unknown-kind",
            format!(
                "rule `{}`: unknown kind `{kind}`{hint} (kinds: {})",
                self.rule.common.id,
                kinds::KINDS.join(", ")
            ),
            span,
            "this kind",
        )
    }
}

impl Compiler<'_> {
    /// A text with the policy's `{max_business_days}`-style values filled in.
    pub fn fill_values(&self, s: &str) -> String {
        let values = self.policy.template_values();
        let v: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(s, &v)
    }
}

fn unreachable_empty() -> PatternSet {
    // An empty RegexSet always compiles; this keeps `Engine::empty` total without a panic.
    PatternSet::empty()
}

/// A small letter built from a snippet, for rule examples: paragraphs separated by blank
/// lines, `#` lines as headings, `- ` lines as list items; the text view is the snippet.
pub fn example_document(text: &str) -> Document {
    use crate::document::{Block, Format, OffsetMap};
    let mut blocks = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        let lead = content.len() - trimmed.len();
        if !trimmed.is_empty() {
            let (kind, skip) = if let Some(h) = trimmed.strip_prefix('#') {
                let level = 1 + h.chars().take_while(|&c| c == '#').count();
                let body = trimmed.trim_start_matches('#');
                let skip = trimmed.len() - body.trim_start().len();
                (
                    BlockKind::Heading {
                        level: level.min(6) as u8,
                    },
                    skip,
                )
            } else if trimmed.starts_with("- ") || trimmed.starts_with("* ") {
                (BlockKind::ListItem { level: 0 }, 2)
            } else {
                (BlockKind::Paragraph, 0)
            };
            let body = &trimmed[skip..];
            let start = offset + lead + skip;
            let mut map = OffsetMap::new();
            map.push_copy(0, start, body.len());
            blocks.push(Block::new(kind, body.to_string(), map));
        }
        offset += line.len();
    }
    Document::new(Format::Text, Arc::from(text), blocks)
}

#[cfg(test)]
mod tests;

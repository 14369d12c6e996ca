//! The [`Linter`]: a compiled configuration that checks documents. Cheap to clone, `Send +
//! Sync`, shared across threads.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::config::{did_you_mean, Config, ConfigError, RuleSetting};
use crate::diagnostic::{Diagnostic, Label, Rendered, Severity};
use crate::document::{Document, Format, Position};
use crate::error::{InputError, InputErrorKind};
use crate::read::{self, Limits};
use crate::rules::pack::{self, Pack, RuleDef};
use crate::rules::{suppress, Engine, Finding, Policy, ResolvedRules};

/// A rule as the user sees it: for `retainer-lint rules`, `explain`, and SARIF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    /// The rule id, e.g. `response.limit`.
    pub id: String,
    /// The pack it comes from, e.g. `core`, `ca-sk`, or a firm pack's name.
    pub pack: String,
    /// The kind that carries it out.
    pub kind: String,
    /// Effective default severity.
    pub severity: Severity,
    /// One line.
    pub summary: String,
    /// Why a client or regulator cares.
    pub rationale: String,
    /// The regulation or guidance it rests on.
    pub sources: Vec<String>,
    /// Snippets that must fire it (`bad`) or not (`good`).
    pub examples: Vec<Example>,
}

/// A rule example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// A snippet the rule must fire on.
    pub bad: Option<String>,
    /// A snippet the rule must not fire on.
    pub good: Option<String>,
}

/// The findings for one letter, with the letter's text view to render them.
#[derive(Debug, Clone)]
pub struct Report {
    /// The name the letter was given (its path as given, or `--stdin-filename`).
    pub name: String,
    /// The letter as read.
    pub document: Arc<Document>,
    /// Findings, sorted by text-view offset then rule id.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Each diagnostic with the text view attached, for miette's report handlers.
    pub fn rendered(&self) -> impl Iterator<Item = Rendered> + '_ {
        self.diagnostics
            .iter()
            .map(|d| Rendered::new(d.clone(), &self.name, self.document.text.clone()))
    }
}

/// A compiled configuration.
#[derive(Debug, Clone)]
pub struct Linter {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    packs: Vec<Pack>,
    base: Arc<Engine>,
    rules: Vec<RuleInfo>,
    limits: Limits,
    /// Engines for letters matched by `[[overrides]]`, by the set of overrides that apply.
    variants: Mutex<HashMap<Vec<usize>, Arc<Engine>>>,
}

/// A rule example that does not behave as declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// The rule.
    pub rule: String,
    /// The snippet.
    pub snippet: String,
    /// True for a `bad` snippet that did not fire; false for a `good` one that did.
    pub bad: bool,
    /// The findings of that rule on the snippet.
    pub found: Vec<String>,
}

fn merge_params(into: &mut toml::Table, from: &toml::Table) {
    for (k, v) in from {
        into.insert(k.clone(), v.clone());
    }
}

/// Apply `[rules."id"]` settings (an id or a dotted prefix such as `plain`).
fn apply_settings(
    defs: &mut [(RuleDef, Option<Severity>)],
    settings: &std::collections::BTreeMap<String, RuleSetting>,
    config: &Config,
) -> Result<(), ConfigError> {
    for (id, setting) in settings {
        let mut matched = false;
        for (def, sev) in defs.iter_mut() {
            if suppress::covers(id, &def.common.id) {
                matched = true;
                if let Some(s) = setting.severity {
                    *sev = s;
                }
                merge_params(&mut def.params, &setting.params);
                if !setting.params.is_empty() {
                    def.overridden = Some((config.source.clone(), setting.span.clone()));
                }
            }
        }
        if !matched {
            let hint = did_you_mean(id, defs.iter().map(|(d, _)| d.common.id.as_str()));
            let message = format!(
                "unknown rule `{id}`{}",
                hint.as_deref()
                    .map(|h| format!("; did you mean `{h}`?"))
                    .unwrap_or_default()
            );
            let err = match &config.source {
                Some(src) => src.error(
                    "config.unknown-rule",
                    message,
                    Some(setting.key_span.clone()),
                    "no rule with this id",
                ),
                None => ConfigError::new(message).with_code("config.unknown-rule"),
            };
            return Err(
                err.with_help("`retainer-lint rules` lists the rule ids of the enabled packs")
            );
        }
    }
    Ok(())
}

/// Every rule of the packs, tightened, with the configuration's settings applied.
fn resolve(
    packs: &[Pack],
    config: &Config,
    overrides: &[usize],
) -> Result<(ResolvedRules, Policy), ConfigError> {
    let mut defs: Vec<(RuleDef, Option<Severity>)> = Vec::new();
    for p in packs {
        for r in &p.rules {
            if let Some((first, _)) = defs.iter().find(|(d, _)| d.common.id == r.common.id) {
                let at = r
                    .source
                    .locate_value(&r.span, &format!("\"{}\"", r.common.id));
                return Err(r
                    .source
                    .error(
                        "config.duplicate-rule",
                        format!(
                            "rule `{}` is already defined by pack `{}`",
                            r.common.id, first.pack
                        ),
                        at,
                        "defined again here",
                    )
                    .with_help(
                        "to change a rule of another pack, use a [[tighten]] entry with its id",
                    ));
            }
            let sev = Some(r.common.severity);
            defs.push((r.clone(), sev));
        }
    }
    for p in packs {
        for t in &p.tightens {
            let Some((def, sev)) = defs.iter_mut().find(|(d, _)| d.common.id == t.id) else {
                let hint = did_you_mean(
                    &t.id,
                    packs
                        .iter()
                        .flat_map(|p| p.rules.iter().map(|r| r.common.id.as_str())),
                );
                let at = t.source.locate_value(&t.span, &format!("\"{}\"", t.id));
                return Err(t.source.error(
                    "config.unknown-rule",
                    format!(
                        "[[tighten]] names unknown rule `{}`{} (is its pack in `extends` before this one?)",
                        t.id,
                        hint.as_deref().map(|h| format!("; did you mean `{h}`?")).unwrap_or_default()
                    ),
                    at,
                    "no rule with this id",
                ));
            };
            if let Some(s) = t.severity {
                *sev = Some(s);
            }
            if let Some(m) = &t.message {
                def.common.message = m.clone();
            }
            if let Some(h) = &t.help {
                def.common.help = Some(h.clone());
            }
            merge_params(&mut def.params, &t.params);
            // A tightened rule is checked against the tightening pack's examples when it has
            // some: the base pack's may no longer hold ("plus GST" is not enough in ca-sk).
            if !t.examples.is_empty() {
                def.common.examples = t.examples.clone();
            }
            def.overridden = Some((Some(t.source.clone()), t.span.clone()));
            if !t.params.is_empty() {
                let mut f = (*def.fragments).clone();
                f.extend(t.fragments.iter().map(|(k, v)| (k.clone(), v.clone())));
                def.fragments = Arc::new(f);
            }
        }
    }
    apply_settings(&mut defs, &config.rules, config)?;
    let mut policy = config.params.clone();
    for &i in overrides {
        if let Some(o) = config.overrides.get(i) {
            apply_settings(&mut defs, &o.rules, config)?;
            policy = policy.merged(&o.params);
        }
    }
    let resolved = defs
        .into_iter()
        .filter_map(|(d, s)| s.map(|s| (d, s)))
        .collect();
    Ok((resolved, policy))
}

impl Linter {
    /// Compile a configuration.
    pub fn new(config: &Config) -> Result<Self, ConfigError> {
        let packs = config.packs()?;
        let (defs, policy) = resolve(&packs, config, &[])?;
        let base = Arc::new(Engine::compile(&defs, &policy)?);
        let mut variants = HashMap::new();
        // Compile each override once now, so its mistakes surface before any letter is read.
        for i in 0..config.overrides.len() {
            let (defs, policy) = resolve(&packs, config, &[i])?;
            variants.insert(vec![i], Arc::new(Engine::compile(&defs, &policy)?));
        }
        let rules = base.rules.iter().map(|r| r.info.clone()).collect();
        let linter = Linter {
            inner: Arc::new(Inner {
                config: config.clone(),
                packs,
                base,
                rules,
                limits: Limits::default(),
                variants: Mutex::new(variants),
            }),
        };
        linter.check_firm_examples()?;
        Ok(linter)
    }

    /// The built-in default configuration (`core` pack).
    pub fn builtin() -> Self {
        match Linter::new(&Config::builtin()) {
            Ok(l) => l,
            Err(_) => Linter {
                inner: Arc::new(Inner {
                    config: Config::builtin(),
                    packs: Vec::new(),
                    base: Arc::new(Engine::empty()),
                    rules: Vec::new(),
                    limits: Limits::default(),
                    variants: Mutex::new(HashMap::new()),
                }),
            },
        }
    }

    /// The same linter with other reader limits.
    pub fn with_limits(&self, limits: Limits) -> Self {
        Linter {
            inner: Arc::new(Inner {
                config: self.inner.config.clone(),
                packs: self.inner.packs.clone(),
                base: self.inner.base.clone(),
                rules: self.inner.rules.clone(),
                limits,
                variants: Mutex::new(
                    self.inner
                        .variants
                        .lock()
                        .map(|v| v.clone())
                        .unwrap_or_default(),
                ),
            }),
        }
    }

    /// The enabled rules, in pack order.
    pub fn rules(&self) -> &[RuleInfo] {
        &self.inner.rules
    }

    /// The reader limits in force.
    pub fn limits(&self) -> &Limits {
        &self.inner.limits
    }

    /// Number of distinct patterns compiled for the base configuration.
    pub fn pattern_count(&self) -> usize {
        self.inner.base.pattern_count()
    }

    /// The engine for letters no `[[overrides]]` entry matches.
    #[cfg(test)]
    pub(crate) fn base_engine(&self) -> &Engine {
        &self.inner.base
    }

    /// Check a document already read, with the configuration's file-wide settings. Not bounded
    /// by [`Limits::max_findings`]; [`Linter::check_document_at`] is.
    pub fn lint_document(&self, document: &Document) -> Vec<Diagnostic> {
        run(&self.inner.base, document, usize::MAX).unwrap_or_default()
    }

    /// Check a document read from `path`, applying the `[[overrides]]` that match it. Not
    /// bounded by [`Limits::max_findings`]; [`Linter::check_document_at`] is.
    pub fn lint_document_at(&self, document: &Document, path: &Path) -> Vec<Diagnostic> {
        let engine = self.engine_for(path);
        run(&engine, document, usize::MAX).unwrap_or_default()
    }

    /// [`Linter::lint_document_at`] within [`Limits::max_findings`]: a document with more
    /// findings than that is not a letter (or not one a person could act on), and ends as
    /// `input.too-large` instead of a report the size of a multiple of its text.
    pub fn check_document_at(
        &self,
        document: &Document,
        path: &Path,
    ) -> Result<Vec<Diagnostic>, InputError> {
        let engine = self.engine_for(path);
        run(&engine, document, self.inner.limits.max_findings)
    }

    fn engine_for(&self, path: &Path) -> Arc<Engine> {
        let which = self.inner.config.overrides_for(path);
        if which.is_empty() {
            return self.inner.base.clone();
        }
        let Ok(mut variants) = self.inner.variants.lock() else {
            return self.inner.base.clone();
        };
        if let Some(e) = variants.get(&which) {
            return e.clone();
        }
        // Overrides were each validated in `new`, so a combination compiles too.
        match resolve(&self.inner.packs, &self.inner.config, &which)
            .and_then(|(d, p)| Engine::compile(&d, &p))
        {
            Ok(e) => {
                let e = Arc::new(e);
                variants.insert(which, e.clone());
                e
            }
            Err(_) => self.inner.base.clone(),
        }
    }

    /// Read and check bytes. `name` is used in messages and to pick the format when
    /// `format` is `None`.
    pub fn lint_bytes(
        &self,
        name: &str,
        bytes: &[u8],
        format: Option<Format>,
    ) -> Result<Report, InputError> {
        let format = format.or_else(|| read::detect(bytes, Some(name)));
        let document = read::read(bytes, format, &self.inner.limits)?;
        let diagnostics = self.check_document_at(&document, Path::new(name))?;
        Ok(Report {
            name: name.to_string(),
            document: Arc::new(document),
            diagnostics,
        })
    }

    /// Read and check a file. Never opens it for writing.
    pub fn lint_path(&self, path: &Path) -> Result<Report, InputError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path)
            .map_err(|e| InputError::new(InputErrorKind::Io, format!("{name}: {e}")))?;
        self.lint_bytes(&name, &bytes, None)
    }

    /// Run every enabled rule's examples: each `bad` snippet must fire the rule, each `good`
    /// snippet must not.
    pub fn check_examples(&self) -> Vec<ExampleFailure> {
        self.check_examples_of(|_| true)
    }

    /// [`Linter::check_examples`] for the rules whose id satisfies `wanted`.
    fn check_examples_of(&self, wanted: impl Fn(&str) -> bool) -> Vec<ExampleFailure> {
        let mut failures = Vec::new();
        for rule in self.inner.base.rules.iter().filter(|r| wanted(&r.info.id)) {
            for ex in &rule.info.examples {
                for (snippet, bad) in [(&ex.bad, true), (&ex.good, false)] {
                    let Some(snippet) = snippet else { continue };
                    let found = self.example_findings(&rule.info.id, snippet);
                    if found.is_empty() == bad {
                        failures.push(ExampleFailure {
                            rule: rule.info.id.clone(),
                            snippet: snippet.clone(),
                            bad,
                            found,
                        });
                    }
                }
            }
        }
        failures
    }

    /// The messages of rule `id` on a snippet (read as a small letter).
    pub fn example_findings(&self, id: &str, snippet: &str) -> Vec<String> {
        let doc = crate::rules::example_document(snippet);
        run(&self.inner.base, &doc, usize::MAX)
            .unwrap_or_default()
            .into_iter()
            .filter(|d| &*d.rule == id)
            .map(|d| d.message)
            .collect()
    }

    /// Firm packs (not built-in) must have examples that behave as declared.
    fn check_firm_examples(&self) -> Result<(), ConfigError> {
        // Built-in examples are checked by the test suite; running them at every start cost a
        // fifth of a single-letter run.
        let firm: std::collections::HashSet<&str> = self
            .inner
            .packs
            .iter()
            .flat_map(|p| p.rules.iter())
            .filter(|r| {
                !(pack::builtin(&r.pack).is_some() && r.source.name.starts_with("<built-in"))
            })
            .map(|r| r.common.id.as_str())
            .collect();
        if firm.is_empty() {
            return Ok(());
        }
        let failures = self.check_examples_of(|id| firm.contains(id));
        for f in failures {
            let Some(def) = self
                .inner
                .packs
                .iter()
                .flat_map(|p| p.rules.iter())
                .find(|r| r.common.id == f.rule)
            else {
                continue;
            };
            if pack::builtin(&def.pack).is_some() && def.source.name.starts_with("<built-in") {
                continue;
            }
            let at = def.source.locate_value(&def.span, &f.snippet);
            let message = if f.bad {
                format!(
                    "rule `{}`: this `bad` example does not fire the rule",
                    f.rule
                )
            } else {
                format!(
                    "rule `{}`: this `good` example fires the rule: {}",
                    f.rule,
                    f.found.join("; ")
                )
            };
            return Err(def
                .source
                .error("config.example-failed", message, at, "this example"));
        }
        Ok(())
    }
}

/// The first suggestion as a fix, when the rule declares it safe for these words and it is
/// literal replacement text (not an instruction such as "(leave out)").
fn safe_fix(
    rule: &crate::rules::CompiledRule,
    text: &str,
    range: &std::ops::Range<usize>,
    suggestions: &[String],
) -> Option<String> {
    let words = text.get(range.clone())?;
    let suggestion = suggestions.first()?;
    let literal =
        !suggestion.trim().is_empty() && !suggestion.contains(['(', ')', '[', ']', '{', '}', '\n']);
    if !literal || !rule.safe_fix.as_ref()?.is_match(words) {
        return None;
    }
    // "Prior to" becomes "Before", not "before".
    let capital = words.chars().next().is_some_and(char::is_uppercase);
    let mut chars = suggestion.chars();
    Some(match chars.next() {
        Some(first) if capital && first.is_lowercase() => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => suggestion.clone(),
    })
}

/// Turn a kind's finding into a diagnostic with view spans, section and paragraph.
fn to_diagnostic(
    doc: &Document,
    rule: &crate::rules::CompiledRule,
    f: Finding,
) -> Option<Diagnostic> {
    let block = doc.blocks.get(f.block)?;
    let span = block.view_span(f.range.clone());
    let labels = f
        .labels
        .iter()
        .filter_map(|(b, r, text)| {
            Some(Label {
                span: doc.blocks.get(*b)?.view_span(r.clone()),
                text: text.clone(),
            })
        })
        .collect();
    Some(Diagnostic {
        rule: rule.id.clone(),
        severity: rule.info.severity,
        message: f.message,
        help: f.help.or_else(|| rule.help.clone()),
        span,
        label: f.label,
        labels,
        fix: safe_fix(rule, &block.text, &f.range, &f.suggestions),
        suggestions: f.suggestions,
        block: Some(f.block),
        paragraph: block.docx.as_ref().map(|d| d.paragraph),
        section: doc.section_title(f.block).map(str::to_string),
    })
}

/// Check a document with an engine: scan once, run every rule, apply suppressions, sort.
/// More than `max_findings` findings stop the run (checked after each rule, so memory stays
/// within one rule's findings of the limit).
fn run(
    engine: &Engine,
    doc: &Document,
    max_findings: usize,
) -> Result<Vec<Diagnostic>, InputError> {
    let scan = engine.scan(doc);
    let mut directives = suppress::directives(doc);
    let mut out = Vec::new();
    let mut findings = Vec::new();
    for rule in &engine.rules {
        findings.clear();
        rule.check.check(&rule.text, &scan, &mut findings);
        for f in findings.drain(..) {
            let pos = Position {
                block: f.block,
                offset: f.range.start,
            };
            // Every directive that covers a finding is marked used, not just the first.
            let mut silenced = false;
            for d in directives.iter_mut() {
                silenced |= d.silences(&rule.info.id, pos);
            }
            if silenced {
                continue;
            }
            if let Some(d) = to_diagnostic(doc, rule, f) {
                out.push(d);
            }
        }
        if out.len() > max_findings {
            return Err(too_many_findings(max_findings));
        }
    }
    for d in directives.iter().filter(|d| !d.used) {
        let Some(block) = doc.blocks.get(d.block) else {
            continue;
        };
        let what = if d.ids.is_empty() {
            "every rule".to_string()
        } else {
            d.ids
                .iter()
                .map(|i| format!("`{i}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(Diagnostic {
            rule: Arc::from(suppress::UNUSED),
            severity: Severity::Info,
            message: format!("this directive silences {what}, but nothing here was reported"),
            help: Some(
                "remove the directive, or check the rule id (`retainer-lint rules` lists them)"
                    .to_string(),
            ),
            span: block.view_span(d.range(doc)),
            label: Some("unused directive".to_string()),
            labels: Vec::new(),
            suggestions: Vec::new(),
            fix: None,
            block: Some(d.block),
            paragraph: block.docx.as_ref().map(|x| x.paragraph),
            section: doc.section_title(d.block).map(str::to_string),
        });
    }
    if out.len() > max_findings {
        return Err(too_many_findings(max_findings));
    }
    out.sort_by(|a, b| {
        (a.span.start, &*a.rule, a.span.end, &a.message).cmp(&(
            b.span.start,
            &*b.rule,
            b.span.end,
            &b.message,
        ))
    });
    Ok(out)
}

fn too_many_findings(max: usize) -> InputError {
    InputError::new(
        InputErrorKind::TooLarge,
        format!("the letter has more than {max} findings, the limit; is it really a letter?"),
    )
}

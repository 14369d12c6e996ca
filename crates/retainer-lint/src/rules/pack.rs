//! Rule packs: the TOML files under `rules/`, parsed with enough position information to
//! point every mistake at the exact spot in the file.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use serde::Deserialize;

use crate::config::ConfigError;
use crate::diagnostic::Severity;

/// The packs built into the binary, by name.
pub const BUILTIN_PACKS: &[(&str, &str)] = &[
    ("core", include_str!("../../../../rules/core.toml")),
    ("ca-sk", include_str!("../../../../rules/ca-sk.toml")),
    ("ca-on", include_str!("../../../../rules/ca-on.toml")),
    ("us-ny", include_str!("../../../../rules/us-ny.toml")),
    ("us-ca", include_str!("../../../../rules/us-ca.toml")),
    ("uk-sra", include_str!("../../../../rules/uk-sra.toml")),
    ("au-ul", include_str!("../../../../rules/au-ul.toml")),
];

/// A TOML source with its name, for error reports.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name shown in reports (a path, or `<built-in core>`).
    pub name: String,
    /// The text.
    pub text: Arc<str>,
    /// True for a pack embedded in the binary (its patterns are checked by the test suite).
    builtin: bool,
}

impl Source {
    /// A named source.
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
            builtin: false,
        }
    }

    /// True for a pack embedded in the binary.
    pub fn is_builtin(&self) -> bool {
        self.builtin
    }

    /// An error pointing at `span` of this source.
    pub fn error(
        &self,
        code: &'static str,
        message: impl Into<String>,
        span: Option<Range<usize>>,
        label: impl Into<String>,
    ) -> ConfigError {
        ConfigError::at(code, message, self.clone(), span, label.into())
    }

    /// Turn a TOML parse error into a config error at its span.
    pub fn toml_error(&self, e: &toml::de::Error) -> ConfigError {
        let message = e.message().trim().to_string();
        let code = if message.starts_with("unknown field") {
            "config.unknown-key"
        } else if message.starts_with("unknown variant") {
            "config.bad-value"
        } else {
            "config.syntax"
        };
        self.error(code, message, e.span(), "here")
    }

    /// The span of `key = ` inside `within`, if written there.
    pub fn locate_key(&self, within: &Range<usize>, key: &str) -> Option<Range<usize>> {
        let region = self.text.get(within.clone())?;
        let mut from = 0;
        while let Some(p) = region.get(from..)?.find(key) {
            let at = from + p;
            let before = region[..at].chars().next_back();
            let after = region[at + key.len()..].trim_start_matches([' ', '\t', '"']);
            let quoted_ok = matches!(
                before,
                None | Some('\n' | ' ' | '\t' | '"' | '.' | '{' | ',')
            );
            if quoted_ok && after.starts_with('=') {
                return Some(within.start + at..within.start + at + key.len());
            }
            from = at + key.len();
        }
        None
    }

    /// The span of a string value inside `within`, as written (raw, or with TOML escapes).
    pub fn locate_value(&self, within: &Range<usize>, value: &str) -> Option<Range<usize>> {
        let region = self.text.get(within.clone())?;
        let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
        for needle in [value.to_string(), escaped] {
            if needle.is_empty() {
                continue;
            }
            if let Some(p) = region.find(&needle) {
                return Some(within.start + p..within.start + p + needle.len());
            }
        }
        None
    }
}

/// `[pack]`: what the pack is.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    /// Short name used in `extends` (`core`, `ca-sk`, `acme-firm`).
    pub name: String,
    /// One line about the pack.
    #[serde(default)]
    pub description: String,
    /// The pack's own version.
    #[serde(default)]
    pub version: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    pack: PackMeta,
    #[serde(default)]
    fragments: BTreeMap<String, String>,
    #[serde(default)]
    rule: Vec<toml::Spanned<toml::Table>>,
    #[serde(default)]
    tighten: Vec<toml::Spanned<toml::Table>>,
}

/// Fields every rule has, whatever its kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleCommon {
    /// Public id, e.g. `response.limit`.
    pub id: String,
    /// The kind that carries the rule out.
    pub kind: String,
    /// Default severity.
    pub severity: Severity,
    /// One line.
    pub summary: String,
    /// Why a client or regulator cares.
    #[serde(default)]
    pub rationale: String,
    /// The rules or guidance it rests on.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The finding's message (a template: `{match}`, `{missing}`, `{trigger}`, …).
    pub message: String,
    /// What to do.
    #[serde(default)]
    pub help: Option<String>,
    /// Snippets that must fire the rule (`bad`) or must not (`good`).
    #[serde(default)]
    pub examples: Vec<RawExample>,
    /// A boolean firm parameter that, when true, raises the rule to an error
    /// (`require_assistant` for `staff.assistant`).
    #[serde(default)]
    pub escalate: Option<String>,
    /// When the first suggestion may replace the finding's words without a human reading it
    /// (`retainer-lint --fix`): `true` for every finding, or a pattern the words must match in
    /// full. Absent: never.
    #[serde(default, rename = "safe-fix")]
    pub safe_fix: Option<SafeFix>,
}

/// The `safe-fix` key of a rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum SafeFix {
    /// `safe-fix = true`: every finding's first suggestion is a safe replacement.
    All(bool),
    /// `safe-fix = '…'`: only findings whose words match this pattern in full.
    Words(String),
}

/// One `[[rule.examples]]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    /// Must fire the rule.
    #[serde(default)]
    pub bad: Option<String>,
    /// Must not fire the rule.
    #[serde(default)]
    pub good: Option<String>,
}

/// Keys of a rule table that are not kind parameters.
pub const COMMON_KEYS: &[&str] = &[
    "id",
    "kind",
    "severity",
    "summary",
    "rationale",
    "sources",
    "message",
    "help",
    "examples",
    "escalate",
    "safe-fix",
];

/// A rule as declared in a pack, before compilation.
#[derive(Debug, Clone)]
pub struct RuleDef {
    /// Common fields.
    pub common: RuleCommon,
    /// The kind's parameters (everything else in the table).
    pub params: toml::Table,
    /// The pack it comes from.
    pub pack: String,
    /// Where it is written, for errors.
    pub source: Source,
    /// Its table's span in `source`.
    pub span: Range<usize>,
    /// Fragments of its pack.
    pub fragments: Arc<BTreeMap<String, String>>,
    /// Where its parameters were last changed (a `[[tighten]]` or a config `[rules]` table),
    /// for errors about those parameters.
    pub overridden: Option<(Option<Source>, Range<usize>)>,
}

/// A `[[tighten]]` entry: a pack changing a rule of another pack (jurisdiction packs make
/// `fees.tax` an error naming the local taxes).
#[derive(Debug, Clone)]
pub struct Tighten {
    /// The rule id to change.
    pub id: String,
    /// New severity, message, help.
    pub severity: Option<Severity>,
    /// New message template.
    pub message: Option<String>,
    /// New help.
    pub help: Option<String>,
    /// Parameters replacing the rule's (key by key).
    pub params: toml::Table,
    /// Extra examples (checked against the tightened rule).
    pub examples: Vec<RawExample>,
    /// Where it is written.
    pub source: Source,
    /// Its table's span.
    pub span: Range<usize>,
    /// Fragments of its pack.
    pub fragments: Arc<BTreeMap<String, String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TightenCommon {
    id: String,
    #[serde(default)]
    severity: Option<Severity>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    examples: Vec<RawExample>,
}

/// A parsed pack.
#[derive(Debug, Clone)]
pub struct Pack {
    /// `[pack]`.
    pub meta: PackMeta,
    /// Its rules in order.
    pub rules: Vec<RuleDef>,
    /// Its changes to other packs' rules.
    pub tightens: Vec<Tighten>,
}

/// Split a rule table into common fields and kind parameters.
fn split_table(table: &toml::Table, common_keys: &[&str]) -> (toml::Table, toml::Table) {
    let mut common = toml::Table::new();
    let mut params = toml::Table::new();
    for (k, v) in table {
        if common_keys.contains(&k.as_str()) {
            common.insert(k.clone(), v.clone());
        } else {
            params.insert(k.clone(), v.clone());
        }
    }
    (common, params)
}

/// Explain a serde error on a sub-table, located inside `span`.
pub fn table_error(
    source: &Source,
    span: &Range<usize>,
    e: &toml::de::Error,
    what: &str,
) -> ConfigError {
    let message = e.message().trim().to_string();
    // serde names the offending key or value in backticks: "unknown field `patern`".
    let quoted = message
        .split('`')
        .nth(1)
        .map(str::to_string)
        .unwrap_or_default();
    let code = if message.starts_with("unknown field") {
        "config.unknown-key"
    } else if message.starts_with("unknown variant") {
        "config.bad-value"
    } else if message.starts_with("missing field") {
        "config.missing-key"
    } else {
        "config.bad-value"
    };
    let at = if quoted.is_empty() {
        None
    } else {
        source
            .locate_key(span, &quoted)
            .or_else(|| source.locate_value(span, &quoted))
    };
    let at = at.or_else(|| Some(span.start..span.start + 1));
    source.error(code, format!("{what}: {message}"), at, "here")
}

/// Like [`table_error`], but tries a second place (where parameters were overridden) first
/// when the offending key or value is written there.
pub fn table_error_in(
    places: &[(&Source, &Range<usize>)],
    e: &toml::de::Error,
    what: &str,
) -> ConfigError {
    let message = e.message().trim().to_string();
    let quoted = message.split('`').nth(1).unwrap_or_default().to_string();
    for (src, span) in places {
        if !quoted.is_empty()
            && (src.locate_key(span, &quoted).is_some()
                || src.locate_value(span, &quoted).is_some())
        {
            return table_error(src, span, e, what);
        }
    }
    match places.last() {
        Some((src, span)) => table_error(src, span, e, what),
        None => ConfigError::new(format!("{what}: {message}")),
    }
}

/// Parse a pack.
pub fn parse(source: Source) -> Result<Pack, ConfigError> {
    let raw: RawPack = toml::from_str(&source.text).map_err(|e| source.toml_error(&e))?;
    let fragments = Arc::new(raw.fragments);
    let mut rules = Vec::new();
    for spanned in &raw.rule {
        let span = spanned.span();
        let (common, params) = split_table(spanned.get_ref(), COMMON_KEYS);
        let id_hint = common
            .get("id")
            .and_then(|v| v.as_str())
            .map_or_else(|| "a rule".to_string(), |id| format!("rule `{id}`"));
        let common: RuleCommon = toml::Value::Table(common)
            .try_into()
            .map_err(|e| table_error(&source, &span, &e, &id_hint))?;
        rules.push(RuleDef {
            common,
            params,
            pack: raw.pack.name.clone(),
            source: source.clone(),
            span,
            fragments: fragments.clone(),
            overridden: None,
        });
    }
    // A table's span ends at its last direct key; its sub-tables ([[rule.examples]],
    // [[rule.elements]]) follow, so each rule's region runs to the next table of the pack.
    let mut starts: Vec<usize> = raw
        .rule
        .iter()
        .chain(raw.tighten.iter())
        .map(|t| t.span().start)
        .collect();
    starts.sort_unstable();
    let region_end = |start: usize| {
        starts
            .iter()
            .copied()
            .find(|&s| s > start)
            .unwrap_or(source.text.len())
    };
    for r in &mut rules {
        r.span = r.span.start..region_end(r.span.start).max(r.span.end);
    }
    let mut tightens = Vec::new();
    for spanned in &raw.tighten {
        let span = spanned.span();
        let (common, params) = split_table(
            spanned.get_ref(),
            &["id", "severity", "message", "help", "examples"],
        );
        let t: TightenCommon = toml::Value::Table(common)
            .try_into()
            .map_err(|e| table_error(&source, &span, &e, "a [[tighten]] entry"))?;
        let span = span.start..region_end(span.start).max(span.end);
        tightens.push(Tighten {
            id: t.id,
            severity: t.severity,
            message: t.message,
            help: t.help,
            params,
            examples: t.examples,
            source: source.clone(),
            span,
            fragments: fragments.clone(),
        });
    }
    Ok(Pack {
        meta: raw.pack,
        rules,
        tightens,
    })
}

/// A built-in pack by name.
pub fn builtin(name: &str) -> Option<Source> {
    BUILTIN_PACKS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, text)| Source {
            builtin: true,
            ..Source::new(format!("<built-in {n}>"), *text)
        })
}

/// Names of the built-in packs.
pub fn builtin_names() -> impl Iterator<Item = &'static str> {
    BUILTIN_PACKS.iter().map(|(n, _)| *n)
}

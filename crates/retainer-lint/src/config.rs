//! Configuration: which packs are enabled, firm policy parameters, per-rule severity and
//! parameter overrides, per-path overrides. Read from `retainer-lint.toml`:
//!
//! ```toml
//! extends = ["core", "ca-sk", "./firm-rules.toml"]
//! [params]
//! max_business_days = 2
//! [rules."response.limit"]
//! severity = "error"
//! [[overrides]]
//! paths = ["precedents/contingency/*"]
//! rules."fees.contingency".severity = "off"
//! ```
//!
//! Every mistake is a [`ConfigError`] pointing at the exact spot in the file.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::rules::pack::{self, Source};
use crate::rules::Policy;

/// A configuration or pack error: a stable code (`config.unknown-rule`), a message, and the
/// spot in the TOML file.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", .0.message)]
pub struct ConfigError(Box<ConfigErrorInner>);

// Boxed: config errors travel through every compile step and should keep `Result` small.
#[derive(Debug, Clone)]
struct ConfigErrorInner {
    code: &'static str,
    message: String,
    help: Option<String>,
    source_code: Option<miette::NamedSource<Arc<str>>>,
    span: Option<Range<usize>>,
    label: String,
}

impl ConfigError {
    /// A configuration error with a message and no location.
    pub fn new(message: impl Into<String>) -> Self {
        ConfigError(Box::new(ConfigErrorInner {
            code: "config.invalid",
            message: message.into(),
            help: None,
            source_code: None,
            span: None,
            label: String::new(),
        }))
    }

    /// An error at `span` of `source`.
    pub fn at(
        code: &'static str,
        message: impl Into<String>,
        source: Source,
        span: Option<Range<usize>>,
        label: String,
    ) -> Self {
        ConfigError(Box::new(ConfigErrorInner {
            code,
            message: message.into(),
            help: None,
            source_code: Some(miette::NamedSource::new(source.name, source.text)),
            span,
            label,
        }))
    }

    /// The same error with help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.0.help = Some(help.into());
        self
    }

    /// The stable code, e.g. `config.unknown-rule`.
    pub fn code(&self) -> &'static str {
        self.0.code
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The byte range in the file, when known.
    pub fn span(&self) -> Option<Range<usize>> {
        self.0.span.clone()
    }
}

impl miette::Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.0.code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.0
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.0
            .source_code
            .as_ref()
            .map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.0.span.clone()?;
        self.0.source_code.as_ref()?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_primary_with_span(
                Some(self.0.label.clone()),
                (span.start, span.len()),
            ),
        )))
    }
}

/// A rule's setting in `[rules."id"]`: severity (or off) and parameter overrides.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSetting {
    /// `None` keeps the pack's; `Some(None)` is `"off"`.
    pub severity: Option<Option<Severity>>,
    /// Parameters replacing the rule's (key by key).
    pub params: toml::Table,
    /// Where the rule id is written (for "unknown rule" errors).
    pub key_span: Range<usize>,
    /// Where the table is written (for parameter errors).
    pub span: Range<usize>,
}

/// `[[overrides]]`: settings for letters whose path matches one of `paths`.
#[derive(Debug, Clone)]
pub struct PathOverride {
    /// Glob patterns, relative to the configuration file's directory.
    pub paths: Vec<String>,
    /// Compiled globs.
    pub globs: globset::GlobSet,
    /// Policy values replacing the file-wide ones.
    pub params: Policy,
    /// Rule settings.
    pub rules: BTreeMap<String, RuleSetting>,
}

/// A resolved configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Packs to enable, by built-in name or path.
    pub extends: Vec<String>,
    /// The file this configuration was read from, if any.
    pub path: Option<PathBuf>,
    /// Firm policy values.
    pub params: Policy,
    /// Per-rule settings.
    pub rules: BTreeMap<String, RuleSetting>,
    /// Per-path overrides, in file order (later ones win).
    pub overrides: Vec<PathOverride>,
    /// The file's text, for error reports.
    pub source: Option<Source>,
    /// Where each `extends` entry is written.
    pub extends_spans: Vec<Range<usize>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    extends: Vec<toml::Spanned<String>>,
    #[serde(default)]
    params: Policy,
    #[serde(default)]
    rules: BTreeMap<String, toml::Table>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    paths: Vec<toml::Spanned<String>>,
    #[serde(default)]
    params: Policy,
    #[serde(default)]
    rules: BTreeMap<String, toml::Table>,
}

/// Where a `[rules]` key is written: `"id"` quoted, else the bare id after `rules.` or `[rules`.
fn locate_rule_key(source: &Source, id: &str) -> Range<usize> {
    let text = &source.text;
    let quoted = format!("\"{id}\"");
    if let Some(p) = text.find(&quoted) {
        return p..p + quoted.len();
    }
    for prefix in ["rules.", "[rules."] {
        if let Some(p) = text.find(&format!("{prefix}{id}")) {
            let at = p + prefix.len();
            return at..at + id.len();
        }
    }
    0..0
}

fn rule_settings(
    source: &Source,
    raw: BTreeMap<String, toml::Table>,
) -> Result<BTreeMap<String, RuleSetting>, ConfigError> {
    let mut out = BTreeMap::new();
    for (id, mut params) in raw {
        let key_span = locate_rule_key(source, &id);
        // The table runs from its key to the end of the file at most; searches stop at the
        // first match, which is the nearest.
        let span = key_span.start..source.text.len();
        let key = (id, key_span);
        let severity = match params.remove("severity") {
            None => None,
            Some(toml::Value::String(s)) => Some(match s.as_str() {
                "error" => Some(Severity::Error),
                "warning" => Some(Severity::Warning),
                "info" => Some(Severity::Info),
                "off" => None,
                _ => {
                    let at = source.locate_value(&span, &format!("\"{s}\""));
                    return Err(source
                        .error(
                            "config.bad-severity",
                            format!("unknown severity \"{s}\" for rule `{}`", key.0),
                            at,
                            "not a severity",
                        )
                        .with_help("use \"error\", \"warning\", \"info\" or \"off\""));
                }
            }),
            Some(_) => {
                let at = source.locate_key(&span, "severity");
                return Err(source
                    .error(
                        "config.bad-severity",
                        "severity must be a string",
                        at,
                        "here",
                    )
                    .with_help("use \"error\", \"warning\", \"info\" or \"off\""));
            }
        };
        out.insert(
            key.0,
            RuleSetting {
                severity,
                params,
                key_span: key.1,
                span,
            },
        );
    }
    Ok(out)
}

impl Config {
    /// The built-in default: the `core` pack with default parameters.
    pub fn builtin() -> Self {
        Config {
            extends: vec!["core".to_string()],
            ..Config::default()
        }
    }

    /// Read a `retainer-lint.toml`.
    pub fn from_file(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConfigError::new(format!("cannot read {}: {e}", path.display())).with_code("config.io")
        })?;
        let mut config = Config::from_toml(&path.display().to_string(), &text)?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parse configuration text; `name` is used in error reports. Relative pack paths and
    /// override globs resolve against the current directory until [`Config::path`] is set.
    pub fn from_toml(name: &str, text: &str) -> Result<Self, ConfigError> {
        let source = Source::new(name, text);
        let raw: RawConfig = toml::from_str(text).map_err(|e| source.toml_error(&e))?;
        let rules = rule_settings(&source, raw.rules)?;
        let mut overrides = Vec::new();
        for o in raw.overrides {
            let mut builder = globset::GlobSetBuilder::new();
            for p in &o.paths {
                let glob = globset::GlobBuilder::new(p.get_ref())
                    .literal_separator(false)
                    .build()
                    .map_err(|e| {
                        source.error(
                            "config.bad-glob",
                            format!("invalid path pattern: {}", e.kind()),
                            Some(p.span()),
                            "this pattern",
                        )
                    })?;
                builder.add(glob);
            }
            let globs = builder
                .build()
                .map_err(|e| ConfigError::new(format!("invalid path patterns: {e}")))?;
            overrides.push(PathOverride {
                paths: o.paths.iter().map(|p| p.get_ref().clone()).collect(),
                globs,
                params: o.params,
                rules: rule_settings(&source, o.rules)?,
            });
        }
        let extends = if raw.extends.is_empty() {
            vec!["core".to_string()]
        } else {
            raw.extends.iter().map(|s| s.get_ref().clone()).collect()
        };
        Ok(Config {
            extends_spans: raw.extends.iter().map(|s| s.span()).collect(),
            extends,
            path: None,
            params: raw.params,
            rules,
            overrides,
            source: Some(source),
        })
    }

    /// The nearest `retainer-lint.toml` in `dir` or its ancestors.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join("retainer-lint.toml"))
            .find(|p| p.is_file())
    }

    /// The directory relative paths resolve against.
    pub fn base_dir(&self) -> PathBuf {
        self.path
            .as_ref()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    /// Load the packs this configuration extends, in order.
    pub fn packs(&self) -> Result<Vec<pack::Pack>, ConfigError> {
        let mut packs = Vec::new();
        for (i, name) in self.extends.iter().enumerate() {
            let is_path = name.ends_with(".toml") || name.contains('/') || name.contains('\\');
            let source = if is_path {
                let path = self.base_dir().join(name);
                match std::fs::read_to_string(&path) {
                    Ok(text) => Source::new(path.display().to_string(), text),
                    Err(e) => {
                        return Err(self.extends_error(
                            i,
                            &format!("cannot read pack {name}: {e}"),
                            None,
                        ))
                    }
                }
            } else {
                match pack::builtin(name) {
                    Some(s) => s,
                    None => {
                        let names: Vec<&str> = pack::builtin_names().collect();
                        let hint = did_you_mean(name, names.iter().copied());
                        return Err(self.extends_error(
                            i,
                            &format!(
                                "unknown pack `{name}`{}",
                                hint.as_deref()
                                    .map(|h| format!("; did you mean `{h}`?"))
                                    .unwrap_or_default()
                            ),
                            Some(format!(
                                "built-in packs: {}; a firm pack is a path ending in .toml",
                                names.join(", ")
                            )),
                        ));
                    }
                }
            };
            packs.push(pack::parse(source)?);
        }
        Ok(packs)
    }

    fn extends_error(&self, i: usize, message: &str, help: Option<String>) -> ConfigError {
        let err = match &self.source {
            Some(src) => src.error(
                "config.unknown-pack",
                message,
                self.extends_spans.get(i).cloned(),
                "this pack",
            ),
            None => ConfigError::new(message).with_code("config.unknown-pack"),
        };
        match help {
            Some(h) => err.with_help(h),
            None => err,
        }
    }

    /// The path overrides that apply to `path`, by index.
    pub fn overrides_for(&self, path: &Path) -> Vec<usize> {
        let rel = path.strip_prefix(self.base_dir()).unwrap_or(path);
        self.overrides
            .iter()
            .enumerate()
            .filter(|(_, o)| o.globs.is_match(rel) || o.globs.is_match(path))
            .map(|(i, _)| i)
            .collect()
    }
}

impl ConfigError {
    /// The same error with another code.
    pub fn with_code(mut self, code: &'static str) -> Self {
        self.0.code = code;
        self
    }
}

/// The closest of `candidates` to `name`, if close enough.
pub fn did_you_mean<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    candidates
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(s, _)| *s > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

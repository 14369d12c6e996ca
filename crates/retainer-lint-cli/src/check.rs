//! Resolving configurations and linting the letters (in parallel, results in input order).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use retainer_lint::{
    read, Config, ConfigError, Format, InputError, InputErrorKind, Limits, Linter, Report, RuleInfo,
};

use crate::args::ConfigArgs;
use crate::inputs::{Input, Source};

/// One letter's outcome.
#[derive(Debug)]
pub struct Checked {
    /// The name shown in reports.
    pub name: String,
    /// The format, when the file could be identified.
    pub format: Option<Format>,
    /// The findings, or why the letter could not be read.
    pub outcome: Result<Report, InputError>,
}

/// Which rules' findings are reported: `--select` and `--ignore`.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    select: Vec<String>,
    ignore: Vec<String>,
}

impl Selection {
    /// A selection from the option values (ids or dotted prefixes).
    pub fn new(select: &[String], ignore: &[String]) -> Self {
        let clean = |v: &[String]| {
            v.iter()
                .map(|s| {
                    s.trim()
                        .trim_end_matches(".*")
                        .trim_end_matches('.')
                        .to_string()
                })
                .filter(|s| !s.is_empty())
                .collect()
        };
        Selection {
            select: clean(select),
            ignore: clean(ignore),
        }
    }

    /// True when findings of `rule` are reported.
    pub fn allows(&self, rule: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| covers(s, rule)))
            && !self.ignore.iter().any(|s| covers(s, rule))
    }

    /// Selectors that name no rule among `rules`: most likely typos.
    pub fn unknown<'a>(&'a self, rules: &'a [RuleInfo]) -> impl Iterator<Item = &'a str> + 'a {
        self.select
            .iter()
            .chain(&self.ignore)
            .filter(move |s| !rules.iter().any(|r| covers(s, &r.id)))
            .map(String::as_str)
    }
}

/// `fees` covers `fees.tax`; `fees.tax` covers itself; `fee` covers nothing.
fn covers(selector: &str, rule: &str) -> bool {
    rule == selector
        || rule
            .strip_prefix(selector)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// A configuration that could not be used, with the file it came from.
#[derive(Debug)]
pub struct ConfigFailure {
    /// The configuration file, if the failure is tied to one.
    pub path: Option<PathBuf>,
    /// What is wrong (boxed: it carries the file's text).
    pub error: Box<ConfigError>,
}

/// Compiled linters, one per configuration file in use.
#[derive(Debug)]
pub struct Linters {
    by_config: HashMap<Option<PathBuf>, Linter>,
    args: ConfigArgs,
    limits: Limits,
}

impl Linters {
    /// An empty cache for these options.
    pub fn new(args: ConfigArgs, limits: Limits) -> Self {
        Linters {
            by_config: HashMap::new(),
            args,
            limits,
        }
    }

    /// The configuration file that governs a letter: `--config`, else the nearest
    /// `retainer-lint.toml` above it (above the current directory for standard input);
    /// `None` with `--isolated` or when there is none.
    pub fn config_path(&self, input: &Input) -> Option<PathBuf> {
        if self.args.isolated {
            return None;
        }
        if let Some(p) = &self.args.config {
            return Some(p.clone());
        }
        let cwd = std::env::current_dir().ok()?;
        let dir = match &input.source {
            Source::File(p) => cwd.join(p).parent().map(Path::to_path_buf)?,
            _ => cwd.clone(),
        };
        // Relative to the current directory when below it, so messages name it as typed.
        Config::discover(&dir).map(|p| match p.strip_prefix(&cwd) {
            Ok(rel) => rel.to_path_buf(),
            Err(_) => p,
        })
    }

    /// The linter for a configuration file (compiled once).
    pub fn get(&mut self, config: Option<PathBuf>) -> Result<Linter, ConfigFailure> {
        if let Some(l) = self.by_config.get(&config) {
            return Ok(l.clone());
        }
        let mut cfg = match &config {
            Some(p) => {
                let mut cfg = Config::from_file(p).map_err(|error| ConfigFailure {
                    path: Some(p.clone()),
                    error: Box::new(error),
                })?;
                // An absolute base directory, for `[[overrides]]` and relative pack paths.
                if let Ok(cwd) = std::env::current_dir() {
                    cfg.path = Some(cwd.join(p));
                }
                cfg
            }
            None => Config::builtin(),
        };
        for pack in &self.args.extends {
            if !cfg.extends.contains(pack) {
                cfg.extends.push(pack.clone());
            }
        }
        let linter = Linter::new(&cfg)
            .map_err(|error| ConfigFailure {
                path: config.clone(),
                error: Box::new(error),
            })?
            .with_limits(self.limits.clone());
        self.by_config.insert(config, linter.clone());
        Ok(linter)
    }

    /// Every linter compiled so far (for the rule list of a SARIF report).
    pub fn all(&self) -> impl Iterator<Item = &Linter> {
        let mut keys: Vec<_> = self.by_config.keys().collect();
        keys.sort();
        keys.into_iter().filter_map(|k| self.by_config.get(k))
    }
}

/// Letters checked in parallel at a time: each batch's results are handed on, in input order,
/// before the next batch starts, so memory stays flat however many letters there are.
const BATCH: usize = 256;

/// Lint every input with its linter, in parallel, turning each letter's outcome into a
/// `P` (a rendered report piece) while its document is in memory, and hand the pieces to
/// `emit` in the inputs' order.
pub fn lint_each<P, E>(
    inputs: &[(Input, Linter)],
    selection: &Selection,
    progress: Option<&indicatif::ProgressBar>,
    render: impl Fn(Checked) -> P + Sync,
    mut emit: impl FnMut(P) -> Result<(), E>,
) -> Result<(), E>
where
    P: Send,
{
    for batch in inputs.chunks(BATCH) {
        let pieces: Vec<P> = batch
            .par_iter()
            .map(|(input, linter)| {
                let piece = render(lint_one(input, linter, selection));
                if let Some(bar) = progress {
                    bar.inc(1);
                }
                piece
            })
            .collect();
        for piece in pieces {
            emit(piece)?;
        }
    }
    Ok(())
}

fn lint_one(input: &Input, linter: &Linter, selection: &Selection) -> Checked {
    let bytes = match load(input, linter.limits()) {
        Ok(b) => b,
        Err(e) => {
            return Checked {
                name: input.name.clone(),
                format: None,
                outcome: Err(e),
            }
        }
    };
    // Per-path `[[overrides]]` match against the letter's absolute path, so that they resolve
    // against the configuration's directory whatever the current directory is.
    let cwd = std::env::current_dir().unwrap_or_default();
    let at = match &input.source {
        Source::File(p) => cwd.join(p),
        _ => cwd.join(&input.name),
    };
    let format = read::detect(&bytes, Some(&input.name));
    // One letter that trips a bug must not stop the run over the others: it is reported as
    // that letter's error (exit status 2) and the rest are linted.
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let document = read::read(&bytes, format, linter.limits())?;
        let mut diagnostics = linter.check_document_at(&document, &at)?;
        diagnostics.retain(|d| selection.allows(&d.rule));
        Ok(Report {
            name: input.name.clone(),
            document: Arc::new(document),
            diagnostics,
        })
    }));
    let outcome = checked.unwrap_or_else(|_| {
        Err(InputError::new(
            InputErrorKind::Internal,
            "retainer-lint failed while checking this letter (an internal error)",
        ))
    });
    let format = match &outcome {
        Ok(report) => Some(report.document.format),
        Err(e) => identified_format(e, &bytes, &input.name),
    };
    Checked {
        name: input.name.clone(),
        format,
        outcome,
    }
}

/// The format of a file that failed to read, when it was still identifiable.
fn identified_format(error: &InputError, bytes: &[u8], name: &str) -> Option<Format> {
    match error.kind() {
        InputErrorKind::LegacyDoc
        | InputErrorKind::NotWordDocument
        | InputErrorKind::UnknownFormat
        | InputErrorKind::Io
        | InputErrorKind::Internal => None,
        _ => read::detect(bytes, Some(name)),
    }
}

/// Read an input's bytes, refusing files over the input-size limit before reading them.
fn load(input: &Input, limits: &Limits) -> Result<Vec<u8>, InputError> {
    let too_large = |len: u64| {
        InputError::new(
            InputErrorKind::TooLarge,
            format!(
                "the file is {len} bytes, more than the limit of {} bytes",
                limits.max_input_bytes
            ),
        )
    };
    match &input.source {
        Source::Missing(e) => Err(e.clone()),
        Source::File(path) => {
            let io = |e: std::io::Error| InputError::new(InputErrorKind::Io, e.to_string());
            let len = std::fs::metadata(path).map_err(io)?.len();
            if len > limits.max_input_bytes {
                return Err(too_large(len));
            }
            std::fs::read(path).map_err(io)
        }
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(limits.max_input_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|e| InputError::new(InputErrorKind::Io, e.to_string()))?;
            if bytes.len() as u64 > limits.max_input_bytes {
                return Err(too_large(bytes.len() as u64));
            }
            Ok(bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_match_ids_and_dotted_prefixes_only() {
        let s = Selection::new(
            &["fees".into(), "response.limit".into()],
            &["fees.tax".into()],
        );
        assert!(s.allows("fees.basis"));
        assert!(s.allows("response.limit"));
        assert!(!s.allows("response.vague"));
        assert!(!s.allows("fees.tax"));
        assert!(!s.allows("feesx.basis"));
        let all = Selection::new(&[], &["plain.".into()]);
        assert!(all.allows("fees.tax"));
        assert!(!all.allows("plain.legalese"));
    }

    #[test]
    fn unknown_selectors_are_found() {
        let rule = RuleInfo {
            id: "fees.tax".into(),
            pack: "core".into(),
            kind: "existence".into(),
            severity: retainer_lint::Severity::Warning,
            summary: String::new(),
            rationale: String::new(),
            sources: vec![],
            examples: vec![],
        };
        let s = Selection::new(&["fees".into(), "fess".into()], &[]);
        let rules = [rule];
        assert_eq!(s.unknown(&rules).collect::<Vec<_>>(), ["fess"]);
    }

    /// More letters than one batch: every letter is handed on once, in input order.
    #[test]
    fn letters_are_emitted_in_input_order_across_batches() {
        let dir = tempfile::tempdir().unwrap();
        let linter = Linter::builtin();
        let jobs: Vec<(Input, Linter)> = (0..BATCH + 44)
            .map(|i| {
                let path = dir.path().join(format!("letter-{i}.md"));
                std::fs::write(&path, format!("Dear [CLIENT {i}],\n")).unwrap();
                let input = Input {
                    name: format!("letter-{i}.md"),
                    source: Source::File(path),
                };
                (input, linter.clone())
            })
            .collect();
        let mut names = Vec::new();
        let done: Result<(), ()> = lint_each(
            &jobs,
            &Selection::default(),
            None,
            |c| (c.name, c.outcome.map(|r| r.diagnostics.len())),
            |(name, findings)| {
                assert!(findings.is_ok_and(|n| n > 0), "{name}");
                names.push(name);
                Ok(())
            },
        );
        assert_eq!(done, Ok(()));
        let expected: Vec<String> = jobs.iter().map(|(i, _)| i.name.clone()).collect();
        assert_eq!(names, expected);
    }

    #[test]
    fn a_missing_file_is_an_io_error_without_format() {
        let input = Input {
            name: "nope.md".into(),
            source: Source::File(PathBuf::from("definitely/not/here.md")),
        };
        let checked = lint_one(&input, &Linter::builtin(), &Selection::default());
        assert_eq!(checked.format, None);
        assert_eq!(checked.outcome.unwrap_err().code(), "input.io");
    }

    #[test]
    fn oversized_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        std::fs::write(&path, "x".repeat(100)).unwrap();
        let limits = Limits {
            max_input_bytes: 10,
            ..Limits::default()
        };
        let input = Input {
            name: "big.md".into(),
            source: Source::File(path),
        };
        let err = load(&input, &limits).unwrap_err();
        assert_eq!(err.code(), "input.too-large");
    }
}

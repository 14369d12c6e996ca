//! The `retainer-lint` command as a library: argument parsing, file walking, configuration
//! discovery, parallel linting and the reporters. `main.rs` only calls [`run`].
//!
//! Only this crate knows about terminals, colours and output formats; the core library
//! (`retainer_lint`) returns values.

#![forbid(unsafe_code)]

pub mod args;
pub mod check;
pub mod commands;
pub mod failure;
pub mod fix;
pub mod inputs;
pub mod output;
pub mod report;
pub mod review;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use retainer_lint::{Linter, RuleInfo, Severity};

use crate::args::{CheckArgs, Cli, Command, ConfigArgs, OutputFormat};
use crate::check::{Linters, Selection};
use crate::failure::{eprint, Failure, InConfig};
use crate::report::{Gathered, Reporter, Style, Summary};

/// Exit status: no finding reaches the threshold.
pub const EXIT_CLEAN: u8 = 0;
/// Exit status: a finding reaches the threshold.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: an input, the arguments or the configuration could not be used.
pub const EXIT_TROUBLE: u8 = 2;

/// Files linted above which a progress bar is shown (on a terminal, outside CI).
const PROGRESS_MIN_FILES: usize = 200;

/// Run the command with these arguments (the first is the program name).
pub fn run<I, T>(argv: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints usage errors to stderr (exit 2) and --help/--version to stdout (exit 0).
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(EXIT_TROUBLE));
        }
    };
    let color = cli.check.color;
    let result = match cli.command {
        None => check(cli.check),
        Some(Command::Rules { format, config }) => {
            linter_for_commands(&config).and_then(|l| emit(&commands::rules(&l, format)))
        }
        Some(Command::Explain { id, config }) => linter_for_commands(&config)
            .and_then(|l| commands::explain(l.rules(), &id).map_err(boxed))
            .and_then(|text| emit(&text)),
        Some(Command::Init { jurisdiction }) => std::env::current_dir()
            .map_err(|e| boxed(Failure::new("config.io", e.to_string())))
            .and_then(|dir| commands::init(&dir, jurisdiction.as_deref()).map_err(boxed))
            .and_then(|text| emit(&text)),
        Some(Command::Dump { file, limits }) => return dump(&file, &limits.to_limits()),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            eprint(failure.as_ref(), color);
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

type Fail = Box<dyn miette::Diagnostic + Send + Sync>;

fn boxed<E: miette::Diagnostic + Send + Sync + 'static>(e: E) -> Fail {
    Box::new(e)
}

fn emit(text: &str) -> Result<u8, Fail> {
    output::write_stdout(text.as_bytes())
        .map_err(|e| boxed(Failure::new("output.io", format!("could not write: {e}"))))?;
    Ok(EXIT_CLEAN)
}

/// `dump` keeps its original contract: `code: path: message` on stderr and exit 2.
#[allow(clippy::print_stderr)]
fn dump(file: &std::path::Path, limits: &retainer_lint::Limits) -> ExitCode {
    match commands::dump(file, limits) {
        Ok(text) => match output::write_stdout(text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("output.io: {e}");
                ExitCode::from(EXIT_TROUBLE)
            }
        },
        Err((code, message)) => {
            eprintln!("{code}: {message}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

/// The linter of `rules` and `explain`: the configuration governing the current directory.
fn linter_for_commands(args: &ConfigArgs) -> Result<Linter, Fail> {
    let mut linters = Linters::new(args.clone(), retainer_lint::Limits::default());
    let config = if args.isolated {
        None
    } else if let Some(p) = &args.config {
        Some(p.clone())
    } else {
        std::env::current_dir()
            .ok()
            .and_then(|d| retainer_lint::Config::discover(&d))
    };
    linters.get(config).map_err(|f| {
        boxed(InConfig {
            path: f.path,
            error: f.error,
        })
    })
}

/// A lint run.
fn check(args: CheckArgs) -> Result<u8, Fail> {
    if args.statistics && matches!(args.format, OutputFormat::Sarif | OutputFormat::Github) {
        return Err(boxed(
            Failure::new(
                "args.statistics-format",
                "--statistics prints counts, which SARIF and GitHub annotations cannot carry",
            )
            .with_help("use --statistics with --format human, concise or json"),
        ));
    }
    let mut paths = args.paths.clone();
    if paths.is_empty() && args.stdin_filename.is_some() {
        paths.push("-".to_string());
    }
    let inputs = inputs::collect(&paths, args.stdin_filename.as_deref());
    let review = match (&args.annotate, &args.annotate_dir) {
        (Some(f), _) => Some(review::Target::File(f.clone())),
        (None, Some(d)) => Some(review::Target::Dir(d.clone())),
        (None, None) => None,
    };
    if let Some(target) = &review {
        review::check_inputs(target, &inputs).map_err(boxed)?;
    }
    if inputs.is_empty() {
        return Err(boxed(
            Failure::new(
                "args.no-letters",
                "no letters found (.md, .markdown, .docx, .txt)",
            )
            .with_help("name the letters or a directory that contains some"),
        ));
    }

    let mut linters = Linters::new(args.config.clone(), args.limits.to_limits());
    let mut jobs = Vec::with_capacity(inputs.len());
    for input in inputs {
        let config = linters.config_path(&input);
        let linter = linters.get(config).map_err(|f| {
            boxed(InConfig {
                path: f.path,
                error: f.error,
            })
        })?;
        jobs.push((input, linter));
    }
    let rules = rules_in_force(&linters);
    let selection = Selection::new(&args.select, &args.ignore);
    if !rules.is_empty() {
        let unknown: Vec<&str> = selection.unknown(&rules).collect();
        if let Some(first) = unknown.first() {
            let ids = rules.iter().map(|r| r.id.as_str());
            let help = match retainer_lint::config::did_you_mean(first, ids) {
                Some(near) => {
                    format!("did you mean `{near}`? `retainer-lint rules` lists the rules")
                }
                None => {
                    "give rule ids or prefixes such as `fees`; `retainer-lint rules` lists them"
                        .to_string()
                }
            };
            return Err(boxed(
                Failure::new(
                    "config.unknown-rule",
                    format!("--select/--ignore: no rule is named {}", unknown.join(", ")),
                )
                .with_help(help),
            ));
        }
    }
    let rules: Vec<RuleInfo> = rules
        .into_iter()
        .filter(|r| selection.allows(&r.id))
        .collect();

    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let style = match args.format {
        OutputFormat::Human => output::style(args.color, to_terminal),
        _ => Style::plain(),
    };
    // With --diff the diffs replace the report: a format with no frame around the letters.
    let reporter = if args.diff {
        Reporter::new(OutputFormat::Concise, false, style, &rules)
    } else {
        Reporter::new(args.format, args.statistics, style, &rules)
    };
    let output_failure = |e: std::io::Error| {
        let what = match &args.output {
            Some(path) => format!("could not write {}: {e}", path.display()),
            None => format!("could not write: {e}"),
        };
        boxed(Failure::new("output.io", what))
    };
    let mut out = output::Report::open(args.output.as_deref()).map_err(output_failure)?;
    // Review copies and fixes need each letter's report after the run; only then are the
    // reports kept (a review is of a few letters, not of a whole repository).
    let keep_reports = args.fix || review.is_some();
    let mut kept = Vec::new();
    let mut gathered = Gathered::default();
    let progress = progress_bar(jobs.len());
    reporter.begin(&mut out).map_err(output_failure)?;
    // Each letter's part of the report (or, with --diff, its diff) is rendered as soon as it
    // is checked and written in input order, so memory does not grow with the letters.
    check::lint_each(
        &jobs,
        &selection,
        progress.as_ref(),
        |checked| {
            let piece = if args.diff {
                Ok(reporter.counts_with(&checked, diff_of(&checked)))
            } else {
                reporter.piece(&checked)
            };
            (piece, keep_reports.then_some(checked))
        },
        |(piece, checked)| {
            kept.extend(checked);
            reporter.add(&mut gathered, piece?, &mut out)
        },
    )
    .map_err(output_failure)?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let summary = reporter.end(gathered, &mut out).map_err(output_failure)?;
    out.finish().map_err(output_failure)?;

    let mut review_failed = false;
    if args.fix {
        for ((input, _), c) in jobs.iter().zip(&kept) {
            let (inputs::Source::File(path), Ok(report)) = (&input.source, &c.outcome) else {
                continue;
            };
            match fix::fix_file(path, report) {
                Ok(0) => {}
                Ok(n) => note(&format!(
                    "fixed {n} finding{} in {}",
                    if n == 1 { "" } else { "s" },
                    c.name
                )),
                Err(f) => {
                    eprint(&f, args.color);
                    review_failed = true;
                }
            }
        }
    }
    if let Some(target) = &review {
        let inputs: Vec<inputs::Input> = jobs.into_iter().map(|(input, _)| input).collect();
        let (_, failures) = review::write_all(target, &inputs, &kept, &args.config);
        for f in &failures {
            eprint(f, args.color);
        }
        review_failed = !failures.is_empty();
    }

    let threshold = args.deny.map_or(Severity::Error, |d| d.threshold());
    if review_failed {
        return Ok(EXIT_TROUBLE);
    }
    Ok(exit_status(&summary, threshold, args.exit_zero))
}

/// `--diff`: the safe fixes of a letter as a unified diff (nothing for an unreadable one).
fn diff_of(checked: &check::Checked) -> Vec<u8> {
    match &checked.outcome {
        Ok(report) => {
            let edits = fix::edits(report);
            fix::diff(&checked.name, &report.document.text, &edits).into_bytes()
        }
        Err(_) => Vec::new(),
    }
}

/// A line on standard error about what was written.
#[allow(clippy::print_stderr)]
fn note(line: &str) {
    eprintln!("{line}");
}

/// 2 if a letter could not be read; else 1 if a finding reaches the threshold (unless
/// `--exit-zero`); else 0.
pub fn exit_status(summary: &Summary, threshold: Severity, exit_zero: bool) -> u8 {
    if summary.unreadable > 0 {
        EXIT_TROUBLE
    } else if summary.reaches(threshold) && !exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Every rule of every linter in use, each id once.
fn rules_in_force(linters: &Linters) -> Vec<RuleInfo> {
    let mut seen = std::collections::HashSet::new();
    linters
        .all()
        .flat_map(|l| l.rules().iter())
        .filter(|r| seen.insert(r.id.clone()))
        .cloned()
        .collect()
}

/// A progress bar for long runs on an interactive terminal; never in CI or when piped.
fn progress_bar(files: usize) -> Option<indicatif::ProgressBar> {
    let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if !interactive || files <= PROGRESS_MIN_FILES {
        return None;
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} letters {elapsed}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_status_follows_the_specification() {
        let clean = Summary {
            files: 1,
            ..Summary::default()
        };
        let warned = Summary {
            files: 1,
            warnings: 1,
            with_findings: 1,
            ..Summary::default()
        };
        let failed = Summary {
            errors: 1,
            ..warned
        };
        let broken = Summary {
            unreadable: 1,
            ..failed
        };
        assert_eq!(exit_status(&clean, Severity::Error, false), 0);
        assert_eq!(exit_status(&warned, Severity::Error, false), 0);
        assert_eq!(exit_status(&warned, Severity::Warning, false), 1);
        assert_eq!(exit_status(&failed, Severity::Error, false), 1);
        assert_eq!(exit_status(&failed, Severity::Error, true), 0);
        assert_eq!(exit_status(&broken, Severity::Error, false), 2);
        assert_eq!(exit_status(&broken, Severity::Error, true), 2);
        let info = Summary { infos: 1, ..clean };
        assert_eq!(exit_status(&info, Severity::Warning, false), 0);
        assert_eq!(exit_status(&info, Severity::Info, false), 1);
    }
}

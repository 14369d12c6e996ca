//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use retainer_lint::{Limits, Severity};

/// Checks retainer (engagement) letters against configurable rules.
///
/// Lints the given letters (Markdown, DOCX or plain text), directories (walked recursively,
/// honouring .gitignore) or globs; `-` reads standard input. With no path, lints the current
/// directory. A file whose name clashes with a subcommand can be linted as `./rules`.
#[derive(Debug, Parser)]
#[command(
    name = "retainer-lint",
    version,
    args_conflicts_with_subcommands = true,
    after_help = "Exit status: 0 no finding reaches the threshold, 1 one does, 2 an input or the configuration could not be used."
)]
pub struct Cli {
    /// A subcommand; without one, lint the paths.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// What to lint.
    #[command(flatten)]
    pub check: CheckArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every enabled rule with its pack, severity and summary.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
        /// Configuration to list the rules of.
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Explain a rule: summary, rationale, sources and examples.
    Explain {
        /// The rule id, e.g. `response.vague`.
        id: String,
        /// Configuration the rule comes from.
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Write a commented starter retainer-lint.toml in the current directory.
    Init {
        /// Also enable a jurisdiction pack, e.g. `ca-sk`.
        #[arg(long, value_name = "PACK")]
        jurisdiction: Option<String>,
    },
    /// Print a letter's text view with the kind of each block (for debugging readers).
    Dump {
        /// The letter.
        file: PathBuf,
        /// Reader limits.
        #[command(flatten)]
        limits: LimitArgs,
    },
}

/// The format of `retainer-lint rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// An aligned table.
    Text,
    /// JSON: `{"version": 1, "rules": [...]}`.
    Json,
}

/// Where the configuration comes from.
#[derive(Debug, Clone, Default, Args)]
pub struct ConfigArgs {
    /// Use this configuration file instead of discovering `retainer-lint.toml`.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore configuration files: built-in defaults plus `--extends`.
    #[arg(long)]
    pub isolated: bool,

    /// Enable a rule pack in addition to the configuration (repeatable), e.g. `ca-sk`.
    #[arg(long, value_name = "PACK", value_delimiter = ',')]
    pub extends: Vec<String>,
}

/// Options of a lint run.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Letters, directories or globs to lint; `-` for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Fail (exit 1) on findings of this severity or worse, not only on errors.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub deny: Option<Deny>,

    /// Exit 0 even when findings reach the threshold (unreadable inputs still exit 2).
    #[arg(long)]
    pub exit_zero: bool,

    /// Report only these rules: ids or prefixes (`fees`, `response.limit`), comma-separated.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub select: Vec<String>,

    /// Do not report these rules: ids or prefixes, comma-separated.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// Print a count per rule instead of each finding.
    #[arg(long)]
    pub statistics: bool,

    /// Also write a review copy of the (one) DOCX letter: a Word comment on each finding.
    #[arg(long, value_name = "OUT.docx", conflicts_with = "annotate_dir")]
    pub annotate: Option<PathBuf>,

    /// Apply the safe fixes to Markdown and text letters, in place (atomically): vague timing
    /// becomes the firm's commitment, legalese the plain word. Other findings are left alone.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,

    /// Print the safe fixes as a unified diff instead of the report; nothing is written.
    #[arg(long)]
    pub diff: bool,

    /// Also write DIR/<name>.reviewed.docx, with a Word comment on each finding, for each
    /// DOCX letter.
    #[arg(long, value_name = "DIR")]
    pub annotate_dir: Option<PathBuf>,

    /// The name of the letter read from standard input (picks its format and names it in the report).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Configuration.
    #[command(flatten)]
    pub config: ConfigArgs,

    /// Reader limits.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The output formats of a lint run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Graphical reports with the letter's lines and the offending words underlined.
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// The JSON document described in the output specification.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=...::message`).
    Github,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal.
    Auto,
    /// Always colour (and draw with Unicode).
    Always,
    /// Never colour.
    Never,
}

/// `--deny`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Warnings and errors fail the run.
    Warnings,
    /// Every finding fails the run.
    Info,
}

impl Deny {
    /// The lowest severity that fails the run.
    pub fn threshold(self) -> Severity {
        match self {
            Deny::Warnings => Severity::Warning,
            Deny::Info => Severity::Info,
        }
    }
}

/// The reader limits as options; each defaults to the library's [`Limits::default`].
#[derive(Debug, Clone, Default, Args)]
pub struct LimitArgs {
    /// Largest input file (bytes; suffixes K, M, G accepted).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, help_heading = "Limits")]
    pub max_input_size: Option<u64>,
    /// Largest decompressed size of one DOCX part.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, help_heading = "Limits")]
    pub max_part_size: Option<u64>,
    /// Largest decompressed size of all parts of one DOCX.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, help_heading = "Limits")]
    pub max_total_size: Option<u64>,
    /// Largest compression ratio of a DOCX part above 1 MiB.
    #[arg(long, value_name = "RATIO", help_heading = "Limits")]
    pub max_compression_ratio: Option<u64>,
    /// Deepest XML element or Markdown block nesting.
    #[arg(long, value_name = "N", help_heading = "Limits")]
    pub max_depth: Option<usize>,
    /// Most blocks in one letter.
    #[arg(long, value_name = "N", help_heading = "Limits")]
    pub max_blocks: Option<usize>,
    /// Longest text view of one letter.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, help_heading = "Limits")]
    pub max_text_size: Option<u64>,
    /// Most findings for one letter; past it the letter is refused as input.too-large.
    #[arg(long, value_name = "N", help_heading = "Limits")]
    pub max_findings: Option<usize>,
}

impl LimitArgs {
    /// The library defaults with the given options applied.
    pub fn to_limits(&self) -> Limits {
        let mut limits = Limits::default();
        if let Some(v) = self.max_input_size {
            limits.max_input_bytes = v;
        }
        if let Some(v) = self.max_part_size {
            limits.max_part_bytes = v;
        }
        if let Some(v) = self.max_total_size {
            limits.max_total_bytes = v;
        }
        if let Some(v) = self.max_compression_ratio {
            limits.max_compression_ratio = v;
        }
        if let Some(v) = self.max_depth {
            limits.max_depth = v;
        }
        if let Some(v) = self.max_blocks {
            limits.max_blocks = v;
        }
        if let Some(v) = self.max_text_size {
            limits.max_text_bytes = usize::try_from(v).unwrap_or(usize::MAX);
        }
        if let Some(v) = self.max_findings {
            limits.max_findings = v;
        }
        limits
    }
}

/// `4096`, `64K`, `64M`, `1G` (binary multiples).
fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, shift) = match s.char_indices().last() {
        Some((i, 'k' | 'K')) => (&s[..i], 10),
        Some((i, 'm' | 'M')) => (&s[..i], 20),
        Some((i, 'g' | 'G')) => (&s[..i], 30),
        _ => (s, 0),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{s}` is not a size; write e.g. 4096, 64K, 64M or 1G"))?;
    n.checked_mul(1u64 << shift)
        .ok_or_else(|| format!("`{s}` is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("2m"), Ok(2 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999G").is_err());
    }

    #[test]
    fn a_file_named_like_a_subcommand_is_linted_with_a_path_prefix() {
        let cli = Cli::try_parse_from(["retainer-lint", "./rules"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.check.paths, ["./rules"]);
        let cli = Cli::try_parse_from(["retainer-lint", "rules"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Rules { .. })));
    }

    #[test]
    fn limits_override_only_what_is_given() {
        let cli =
            Cli::try_parse_from(["retainer-lint", "--max-part-size", "1M", "x.docx"]).unwrap();
        let limits = cli.check.limits.to_limits();
        assert_eq!(limits.max_part_bytes, 1 << 20);
        assert_eq!(limits.max_depth, Limits::default().max_depth);
    }
}

//! Errors of the command itself (arguments, configuration, output), shown as miette reports.

use std::fmt;
use std::io::IsTerminal;
use std::path::PathBuf;

use retainer_lint::ConfigError;

use crate::args::ColorChoice;
use crate::output;
use crate::report::human;

/// Something that stops the command from doing its job; exit status 2.
#[derive(Debug)]
pub struct Failure {
    code: &'static str,
    message: String,
    help: Option<String>,
}

impl Failure {
    /// A failure with a stable code and a message.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
            help: None,
        }
    }

    /// What the user can do about it.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

impl miette::Diagnostic for Failure {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
}

/// A configuration error with the file it is in named in the message (the library's error
/// keeps its code, help and labels).
#[derive(Debug)]
pub struct InConfig {
    /// The file, if any.
    pub path: Option<PathBuf>,
    /// The library's error.
    pub error: Box<ConfigError>,
}

impl fmt::Display for InConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = self.error.to_string();
        // A report that quotes the file already names it in its snippet header.
        let quoted = miette::Diagnostic::source_code(&*self.error).is_some();
        match &self.path {
            Some(p) if !quoted && !message.contains(&*p.to_string_lossy()) => {
                write!(f, "{}: {message}", p.display())
            }
            _ => f.write_str(&message),
        }
    }
}

impl std::error::Error for InConfig {}

impl miette::Diagnostic for InConfig {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        miette::Diagnostic::code(&*self.error)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        miette::Diagnostic::help(&*self.error)
    }
    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        miette::Diagnostic::url(&*self.error)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        miette::Diagnostic::source_code(&*self.error)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        miette::Diagnostic::labels(&*self.error)
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        miette::Diagnostic::related(&*self.error)
    }
}

/// Print a report on standard error, styled for standard error.
#[allow(clippy::print_stderr)]
pub fn eprint(diagnostic: &dyn miette::Diagnostic, color: ColorChoice) {
    let style = output::style(color, std::io::stderr().is_terminal());
    let mut s = String::new();
    if human::handler(style)
        .render_report(&mut s, diagnostic)
        .is_ok()
    {
        eprint!("{s}");
    } else {
        eprintln!("error: {diagnostic}");
    }
}

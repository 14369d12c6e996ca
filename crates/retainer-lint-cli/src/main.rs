//! The `retainer-lint` command. Everything lives in the `retainer_lint_cli` library.

use std::process::ExitCode;

fn main() -> ExitCode {
    retainer_lint_cli::run(std::env::args_os())
}

//! End-to-end tests: the library and the built CLI together, one binary with modules.

// Tests report tables (recall, corpus figures) on stderr for `--nocapture` runs.
#![allow(clippy::print_stderr)]

mod annotate;
mod cli_cmd;
mod cli_commands;
mod cli_common;
mod cli_formats;
mod cli_inputs;
mod corpus;
mod cross_format;
mod docx_reader;
mod fixtures_meta;
mod guarantees;
mod hostile;
mod limits;
mod lint_corpus;
mod markdown_reader;
mod properties;
mod rules_config;
mod rules_fixtures;
mod rules_jurisdictions;
mod rules_snapshots;
mod rules_suppress;
mod smoke;
mod support;
mod text_reader;

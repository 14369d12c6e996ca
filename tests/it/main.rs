mod cli_cmd;
mod cli_commands;
mod cli_common;
mod cli_formats;
mod cli_inputs;
mod markdown_reader;
mod smoke;
mod text_reader;

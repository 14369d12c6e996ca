mod fixtures_meta;
mod markdown_reader;
mod rules_config;
mod rules_fixtures;
mod rules_suppress;
mod smoke;
mod support;
mod text_reader;

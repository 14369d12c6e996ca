mod fixtures_meta;
mod markdown_reader;
mod smoke;
mod support;
mod text_reader;

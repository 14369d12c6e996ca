mod markdown_reader;
mod smoke;

mod markdown_reader;
mod smoke;
mod text_reader;

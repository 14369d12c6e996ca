mod fixtures_meta;
mod markdown_reader;
mod corpus;
mod docx_reader;
mod hostile;
mod smoke;
mod support;
mod text_reader;

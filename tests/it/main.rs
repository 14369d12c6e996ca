mod markdown_reader;
mod corpus;
mod docx_reader;
mod hostile;
mod smoke;
mod text_reader;

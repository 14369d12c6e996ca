mod corpus;
mod docx_reader;
mod smoke;

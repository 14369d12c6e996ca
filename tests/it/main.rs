mod corpus;
mod docx_reader;
mod hostile;
mod smoke;

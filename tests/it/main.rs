mod corpus;
mod smoke;

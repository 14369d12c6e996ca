mod fixtures_meta;
mod smoke;
mod support;

//! Test-only crate: see `it/`.

//! Configuration: which packs are enabled, firm policy parameters, per-rule severity and
//! parameter overrides, per-path overrides. Read from `retainer-lint.toml`.
//!
//! (Skeleton: the rules issue fills this in. Public signatures here are what the CLI uses.)

use std::path::{Path, PathBuf};

/// A configuration error: points at the exact spot in the TOML file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
#[diagnostic(code("config.invalid"))]
pub struct ConfigError {
    message: String,
}

impl ConfigError {
    /// A configuration error with a message.
    pub fn new(message: impl Into<String>) -> Self {
        ConfigError {
            message: message.into(),
        }
    }
}

/// A resolved configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Packs to enable, by built-in name or path.
    pub extends: Vec<String>,
    /// The file this configuration was read from, if any.
    pub path: Option<PathBuf>,
}

impl Config {
    /// The built-in default: the `core` pack with default parameters.
    pub fn builtin() -> Self {
        Config {
            extends: vec!["core".to_string()],
            path: None,
        }
    }

    /// Read a `retainer-lint.toml`.
    pub fn from_file(path: &Path) -> Result<Self, ConfigError> {
        let _ = path;
        Err(ConfigError::new(
            "configuration files are not supported yet",
        ))
    }

    /// The nearest `retainer-lint.toml` in `dir` or its ancestors.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join("retainer-lint.toml"))
            .find(|p| p.is_file())
    }
}

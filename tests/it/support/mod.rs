//! Helpers shared by the end-to-end tests.

pub mod letter_docx;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use retainer_lint::{Config, Linter};

/// The linter for `core` plus one jurisdiction pack (or `core` alone), built once per pack set
/// for the whole test binary and shared across test threads. Compiling the packs costs far
/// more than linting a letter in a debug build, and the letter tests lint hundreds of letters.
/// A pack that does not load fails the test; it never falls back to `core`.
pub fn linter_for(jurisdiction: Option<&str>) -> Arc<Linter> {
    static LINTERS: OnceLock<Mutex<HashMap<Option<String>, Arc<Linter>>>> = OnceLock::new();
    let key = jurisdiction.map(str::to_string);
    let mut linters = LINTERS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let linter = linters.entry(key).or_insert_with(|| {
        let mut config = Config::builtin();
        config.extends.extend(jurisdiction.map(str::to_string));
        let linter = Linter::new(&config)
            .unwrap_or_else(|e| panic!("pack {}: {e:?}", jurisdiction.unwrap_or("core")));
        Arc::new(linter)
    });
    Arc::clone(linter)
}

//! Linting every real-world DOCX of the shared corpus with every built-in pack: no panic, and
//! every finding's span lies inside the text view on character boundaries. Guards the panic
//! found when a full stop followed a no-break space (`rules::pattern::sentences`).

use retainer_lint::{Config, Linter};

use crate::corpus::{corpus_dir, corpus_files};

#[test]
fn every_corpus_docx_lints_with_all_packs_and_spans_stay_in_the_text() {
    let Some(dir) = corpus_dir() else {
        eprintln!("shared corpus not found: skipped");
        return;
    };
    let mut config = Config::builtin();
    config.extends = [
        "core", "ca-sk", "ca-on", "us-ny", "us-ca", "uk-sra", "au-ul",
    ]
    .map(String::from)
    .to_vec();
    let linter = Linter::new(&config).expect("the built-in packs compile together");
    let files = corpus_files(&dir);
    assert!(files.len() > 150, "the corpus is there: {}", files.len());
    let mut linted = 0;
    for path in files {
        let Ok(report) = linter.lint_path(&path) else {
            continue;
        };
        linted += 1;
        let text = &report.document.text;
        for d in &report.diagnostics {
            assert!(
                text.get(d.span.clone()).is_some(),
                "{}: {} span {:?} is not on character boundaries of the text view",
                path.display(),
                d.rule,
                d.span
            );
        }
    }
    assert!(linted > 150, "most corpus files lint: {linted}");
}

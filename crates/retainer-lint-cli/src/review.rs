//! `--annotate` and `--annotate-dir`: review copies of DOCX letters, a Word comment on each
//! finding. Never written over a letter; written atomically (see [`output::write_atomic`]).

use std::path::{Path, PathBuf};

use retainer_lint::annotate::{annotate_with, Options};
use retainer_lint::Format;

use crate::check::Checked;
use crate::failure::Failure;
use crate::inputs::{Input, Source};
use crate::output;

/// Where review copies go.
#[derive(Debug, Clone)]
pub enum Target {
    /// `--annotate OUT.docx`: the one letter's copy.
    File(PathBuf),
    /// `--annotate-dir DIR`: `DIR/<name>.reviewed.docx` for each DOCX letter.
    Dir(PathBuf),
}

/// Checked before any letter is read: `--annotate` takes exactly one letter, from a file.
pub fn check_inputs(target: &Target, inputs: &[Input]) -> Result<(), Failure> {
    if let Target::File(_) = target {
        let one_file = matches!(
            inputs,
            [Input {
                source: Source::File(_),
                ..
            }]
        );
        if !one_file {
            return Err(Failure::new(
                "args.annotate-one",
                format!(
                    "--annotate writes the review copy of one DOCX letter, but {} letters were given",
                    inputs.len()
                ),
            )
            .with_help("with several letters, use --annotate-dir DIR (writes DIR/<name>.reviewed.docx)"));
        }
    }
    Ok(())
}

/// The command that reproduces the findings, quoted in the summary comment.
pub fn command(name: &str, config: &crate::args::ConfigArgs) -> String {
    let mut parts = vec!["retainer-lint".to_string()];
    if let Some(c) = &config.config {
        parts.push(format!("--config {}", c.display()));
    }
    if config.isolated {
        parts.push("--isolated".to_string());
    }
    if !config.extends.is_empty() {
        parts.push(format!("--extends {}", config.extends.join(",")));
    }
    parts.push(name.to_string());
    parts.join(" ")
}

/// Write the review copy of every DOCX letter that was read; one failure per letter that could
/// not get one (the others are still written).
pub fn write_all(
    target: &Target,
    inputs: &[Input],
    checked: &[Checked],
    config: &crate::args::ConfigArgs,
) -> (Vec<PathBuf>, Vec<Failure>) {
    let mut written = Vec::new();
    let mut failures = Vec::new();
    if let Target::Dir(dir) = target {
        if let Err(e) = std::fs::create_dir_all(dir) {
            failures.push(Failure::new(
                "output.io",
                format!("could not create {}: {e}", dir.display()),
            ));
            return (written, failures);
        }
    }
    for (input, checked) in inputs.iter().zip(checked) {
        let Source::File(path) = &input.source else {
            continue;
        };
        let Ok(report) = &checked.outcome else {
            continue; // already reported as unreadable
        };
        if report.document.format != Format::Docx {
            if let Target::File(_) = target {
                failures.push(
                    Failure::new(
                        "annotate.not-docx",
                        format!(
                            "{}: only DOCX letters get a review copy with comments",
                            input.name
                        ),
                    )
                    .with_help(
                        "for a Markdown letter, --diff shows the safe fixes and --fix applies them",
                    ),
                );
            }
            continue;
        }
        let out = match target {
            Target::File(f) => f.clone(),
            Target::Dir(dir) => dir.join(reviewed_name(path)),
        };
        // Two letters of the same name in different folders would share one review copy.
        if written.contains(&out) {
            failures.push(
                Failure::new(
                    "annotate.name-clash",
                    format!(
                        "{}: not written: {} is already the review copy of another letter of the same name",
                        input.name,
                        out.display()
                    ),
                )
                .with_help("annotate the folders one at a time, each into its own --annotate-dir"),
            );
            continue;
        }
        match write_one(path, &out, report, &command(&input.name, config)) {
            Ok(()) => written.push(out),
            Err(f) => failures.push(f),
        }
    }
    (written, failures)
}

/// `letter.docx` -> `letter.reviewed.docx`.
fn reviewed_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map_or_else(|| "letter".into(), |s| s.to_string_lossy());
    format!("{stem}.reviewed.docx")
}

fn write_one(
    input: &Path,
    out: &Path,
    report: &retainer_lint::Report,
    command: &str,
) -> Result<(), Failure> {
    if same_file(input, out) {
        return Err(Failure::new(
            "annotate.same-file",
            format!(
                "{}: the review copy would overwrite the letter itself ({})",
                input.display(),
                out.display()
            ),
        )
        .with_help("name another file: the letter is never modified"));
    }
    let bytes = std::fs::read(input)
        .map_err(|e| Failure::new("input.io", format!("{}: {e}", input.display())))?;
    let options = Options {
        date: None,
        command: Some(command.to_string()),
    };
    let annotated = annotate_with(&bytes, report, &options)
        .map_err(|e| Failure::new(e.code(), format!("{}: {}", input.display(), e.message())))?;
    output::write_atomic(out, &annotated.bytes).map_err(|e| {
        Failure::new(
            "output.io",
            format!("could not write {}: {e}", out.display()),
        )
    })
}

/// True when `out` names the letter `input`: the same path, a symbolic link to it, or a hard
/// link to the same file.
pub fn same_file(input: &Path, out: &Path) -> bool {
    let canonical_out = std::fs::canonicalize(out).ok().or_else(|| {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        Some(std::fs::canonicalize(parent).ok()?.join(out.file_name()?))
    });
    if let (Ok(a), Some(b)) = (std::fs::canonicalize(input), canonical_out) {
        if a == b {
            return true;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(input), std::fs::metadata(out)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_the_letter_are_the_letter() {
        let dir = tempfile::tempdir().unwrap();
        let letter = dir.path().join("letter.docx");
        std::fs::write(&letter, b"x").unwrap();
        assert!(same_file(&letter, &letter));
        assert!(same_file(&letter, &dir.path().join("./letter.docx")));
        let hard = dir.path().join("hard.docx");
        std::fs::hard_link(&letter, &hard).unwrap();
        assert!(same_file(&letter, &hard));
        #[cfg(unix)]
        {
            let soft = dir.path().join("soft.docx");
            std::os::unix::fs::symlink(&letter, &soft).unwrap();
            assert!(same_file(&letter, &soft));
        }
        assert!(!same_file(&letter, &dir.path().join("other.docx")));
        assert_eq!(reviewed_name(&letter), "letter.reviewed.docx");
    }
}

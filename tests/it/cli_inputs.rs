//! The CLI's inputs: directory walking, globs, standard input, a broken file among good ones.

use std::fs;
use std::path::Path;

use crate::cli_common::{code, json, run, run_stdin, stdout};

const LETTER: &str = "# Retainer letter\n\nDear Ms. Doe,\n\nThank you for choosing us.\n";

/// A template repository: letters in nested directories, plus everything a walk must skip.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for d in ["b/nested", ".hidden", "drafts"] {
        fs::create_dir_all(root.join(d)).unwrap();
    }
    for f in [
        "a.md",
        "b/nested/d.txt",
        "z.markdown",
        ".hidden/e.md",
        ".f.md",
        "drafts/h.md",
    ] {
        fs::write(root.join(f), LETTER).unwrap();
    }
    // A damaged Word file among good letters.
    fs::write(root.join("b/c.docx"), b"PK\x03\x04 this is not a zip").unwrap();
    // Word's lock file for an open document, and files that are not letters.
    fs::write(root.join("b/~$c.docx"), b"\x0bjdoe").unwrap();
    fs::write(root.join("notes.pdf"), b"%PDF-1.4").unwrap();
    fs::write(root.join(".gitignore"), "drafts/\n").unwrap();
    dir
}

fn paths(report: &serde_json::Value) -> Vec<String> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn no_path_walks_the_current_directory_in_sorted_order() {
    let repo = repository();
    let out = run(repo.path(), &["--format", "json"]);
    let report = json(&out);
    assert_eq!(
        paths(&report),
        ["a.md", "b/c.docx", "b/nested/d.txt", "z.markdown"],
        "hidden files, .gitignore'd directories, lock files and non-letters are skipped"
    );
    assert_eq!(report["summary"]["files"], 4);
    assert_eq!(report["summary"]["unreadable"], 1);
    // The broken file is reported and the others are still linted.
    let files = report["files"].as_array().unwrap();
    assert!(files[1]["error"]["code"]
        .as_str()
        .unwrap()
        .starts_with("input."));
    for i in [0, 2, 3] {
        assert_eq!(files[i]["error"], serde_json::Value::Null, "{}", files[i]);
    }
    assert_eq!(files[0]["format"], "markdown");
    assert_eq!(files[2]["format"], "text");
    assert_eq!(code(&out), 2, "an unreadable letter makes the run exit 2");
}

#[test]
fn a_walked_directory_names_files_below_it_and_arguments_keep_their_order() {
    let repo = repository();
    let out = run(
        repo.path(),
        &["--format", "json", "z.markdown", "b", "a.md"],
    );
    assert_eq!(
        paths(&json(&out)),
        ["z.markdown", "b/c.docx", "b/nested/d.txt", "a.md"]
    );
}

#[test]
fn the_same_letter_named_twice_is_linted_once() {
    let repo = repository();
    let out = run(repo.path(), &["--format", "json", "a.md", ".", "./a.md"]);
    let p = paths(&json(&out));
    assert_eq!(p.iter().filter(|p| p.ends_with("a.md")).count(), 1, "{p:?}");
}

#[test]
fn globs_expand_within_and_across_directories() {
    let repo = repository();
    let out = run(repo.path(), &["--format", "json", "*.md"]);
    assert_eq!(paths(&json(&out)), ["a.md"]);
    let out = run(repo.path(), &["--format", "json", "b/**/*.txt"]);
    assert_eq!(paths(&json(&out)), ["b/nested/d.txt"]);
}

#[test]
fn a_missing_path_or_empty_glob_is_an_unreadable_input() {
    let repo = repository();
    let out = run(
        repo.path(),
        &[
            "--format",
            "concise",
            "a.md",
            "missing.md",
            "nothing/*.docx",
        ],
    );
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    assert!(text.contains("missing.md: error[input.io] no such file or directory\n"));
    assert!(text.contains("nothing/*.docx: error[input.io] no letter matches this pattern\n"));
}

#[test]
fn a_file_named_like_a_subcommand_is_linted_with_a_dot_slash() {
    let repo = repository();
    fs::write(repo.path().join("rules"), LETTER).unwrap();
    let out = run(repo.path(), &["--format", "json", "./rules"]);
    let report = json(&out);
    assert_eq!(paths(&report), ["./rules"]);
    assert_eq!(report["files"][0]["format"], "markdown");
}

#[test]
fn standard_input_is_named_by_stdin_filename() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_stdin(
        dir.path(),
        &[
            "--format",
            "json",
            "--stdin-filename",
            "letters/doe.txt",
            "-",
        ],
        LETTER.as_bytes(),
    );
    let report = json(&out);
    assert_eq!(paths(&report), ["letters/doe.txt"]);
    assert_eq!(report["files"][0]["format"], "text");
    assert_eq!(report["files"][0]["error"], serde_json::Value::Null);

    let out = run_stdin(dir.path(), &["--format", "json", "-"], LETTER.as_bytes());
    let report = json(&out);
    assert_eq!(paths(&report), ["<stdin>"]);
    assert_eq!(report["files"][0]["format"], "markdown");
}

#[test]
fn an_empty_letter_on_standard_input_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_stdin(dir.path(), &["--format", "concise", "-"], b"  \n");
    assert_eq!(code(&out), 2);
    assert_eq!(
        stdout(&out),
        "<stdin>: error[input.empty] the file is empty\n"
    );
}

#[test]
fn reader_limits_are_options() {
    let repo = repository();
    let out = run(
        repo.path(),
        &["--format", "json", "--max-input-size", "10", "a.md"],
    );
    let report = json(&out);
    assert_eq!(report["files"][0]["error"]["code"], "input.too-large");
    assert_eq!(code(&out), 2);
}

#[test]
fn a_directory_without_letters_is_an_argument_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.pdf"), "x").unwrap();
    let out = run(dir.path(), &[]);
    assert_eq!(code(&out), 2);
    assert!(crate::cli_common::stderr(&out).contains("no letters found"));
    assert!(Path::new(&dir.path().join("notes.pdf")).exists());
}

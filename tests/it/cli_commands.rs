//! `rules`, `explain`, `init`, `dump`, and errors in arguments and configuration.

use std::fs;

use crate::cli_common::{code, json, run, stderr, stdout};

#[test]
fn init_writes_a_starter_config_and_refuses_to_overwrite_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["init", "--jurisdiction", "ca-sk"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let path = dir.path().join("retainer-lint.toml");
    let written = fs::read_to_string(&path).unwrap();
    assert!(written.contains("extends = [\"core\", \"ca-sk\"]"));
    assert!(
        written.lines().filter(|l| l.starts_with('#')).count() > 5,
        "commented"
    );

    fs::write(&path, "# mine\n").unwrap();
    let out = run(dir.path(), &["init"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("config.exists"), "{err}");
    assert!(err.contains("already exists"), "{err}");
    assert!(err.contains("help:"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "# mine\n");
}

#[test]
fn rules_json_is_versioned_and_lists_rules_with_their_fields() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["rules", "--format", "json", "--isolated"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["version"], 1);
    for rule in v["rules"].as_array().unwrap() {
        for k in ["id", "pack", "severity", "summary"] {
            assert!(rule[k].is_string(), "{rule}");
        }
    }
}

#[test]
fn explain_an_unknown_rule_exits_2_with_help() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["explain", "no.such-rule", "--isolated"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("there is no rule `no.such-rule`"), "{err}");
    assert!(err.contains("help:"), "{err}");
    assert_eq!(stdout(&out), "");
}

#[test]
fn dump_keeps_its_contract() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("l.md"),
        "# Fees\n\nOur fee is $350 per hour.\n",
    )
    .unwrap();
    let out = run(dir.path(), &["dump", "l.md"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        stdout(&out),
        "heading1         Fees\nparagraph        Our fee is $350 per hour.\n"
    );
    let out = run(dir.path(), &["dump", "missing.md"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).starts_with("input.io: missing.md: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_missing_config_file_is_a_miette_report_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("l.md"), "# Letter\n\nDear Ms. Doe,\n").unwrap();
    let out = run(dir.path(), &["--config", "firm.toml", "l.md"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("firm.toml"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        stdout(&out),
        "",
        "nothing is linted with a broken configuration"
    );
}

#[test]
fn a_broken_discovered_config_stops_the_run_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("letters")).unwrap();
    fs::write(
        dir.path().join("retainer-lint.toml"),
        "extends = [\"core\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("letters/l.md"),
        "# Letter\n\nDear Ms. Doe,\n",
    )
    .unwrap();
    let out = run(dir.path(), &["letters"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("retainer-lint.toml"),
        "{}",
        stderr(&out)
    );
    // --isolated ignores it.
    let out = run(
        dir.path(),
        &["--isolated", "--select", "template.placeholder", "letters"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn bad_arguments_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--format", "xml"][..],
        &["--color", "sometimes"],
        &["--max-part-size", "lots"],
        &["--config", "a.toml", "--isolated"],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(!stderr(&out).is_empty());
    }
    let out = run(dir.path(), &["--version"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).starts_with("retainer-lint "));
}

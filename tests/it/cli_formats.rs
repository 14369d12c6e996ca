//! The CLI's output formats, `-o`, colours and exit statuses, on letters whose outcome does not
//! depend on the rules (unreadable files, clean runs).

use std::fs;
use std::path::Path;

use crate::cli_common::{cmd, code, json, run, stderr, stdout};

const LETTER: &str = "# Retainer letter\n\nDear Ms. Doe,\n\nThank you for choosing us.\n";
/// The first bytes of an OLE compound file: Word 97-2003 or an encrypted document.
const LEGACY_DOC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 legacy";

fn letters() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("letters")).unwrap();
    fs::write(dir.path().join("letters/doe.md"), LETTER).unwrap();
    fs::write(dir.path().join("letters/old, v2.docx"), LEGACY_DOC).unwrap();
    dir
}

/// `--select` a rule that cannot fire on LETTER, so the run is clean whatever the rules are.
const QUIET: &[&str] = &["--select", "template.placeholder"];

#[test]
fn a_clean_run_exits_0_in_every_format() {
    let dir = letters();
    for format in ["human", "concise", "json", "sarif", "github"] {
        let mut args = vec!["--format", format, "letters/doe.md"];
        args.extend(QUIET);
        let out = run(dir.path(), &args);
        assert_eq!(code(&out), 0, "{format}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{format}");
    }
    let out = run(dir.path(), &[&["letters/doe.md"][..], QUIET].concat());
    assert_eq!(stdout(&out), "No problems found in 1 letter.\n");
}

#[test]
fn an_unreadable_letter_exits_2_in_every_format_with_its_code() {
    let dir = letters();
    let human = run(dir.path(), &["--color", "never", "letters"]);
    assert_eq!(code(&human), 2);
    let text = stdout(&human);
    assert!(text.contains("input.legacy-doc"), "{text}");
    assert!(
        text.contains("x letters/old, v2.docx: this is a legacy Word"),
        "{text}"
    );
    assert!(
        text.contains("help: open it in Word and save it as .docx"),
        "{text}"
    );
    assert!(text.ends_with("1 letter could not be read.\n"), "{text}");

    let concise = run(dir.path(), &["--format", "concise", "letters"]);
    assert_eq!(code(&concise), 2);
    assert!(stdout(&concise).contains("letters/old, v2.docx: error[input.legacy-doc] "));

    let report = json(&run(dir.path(), &["--format", "json", "letters"]));
    let old = &report["files"][1];
    assert_eq!(old["path"], "letters/old, v2.docx");
    assert_eq!(old["format"], serde_json::Value::Null);
    assert_eq!(old["error"]["code"], "input.legacy-doc");
    assert_eq!(old["diagnostics"], serde_json::json!([]));
    assert_eq!(report["summary"]["unreadable"], 1);
    assert_eq!(report["version"], 1);
    assert_eq!(report["tool"]["name"], "retainer-lint");

    let github = run(dir.path(), &["--format", "github", "letters"]);
    assert_eq!(code(&github), 2);
    // `,` in a property is escaped as %2C.
    assert!(
        stdout(&github).contains(
            "::error file=letters/old%2C v2.docx,title=retainer-lint (input.legacy-doc)::"
        ),
        "{}",
        stdout(&github)
    );

    let sarif = run(dir.path(), &["--format", "sarif", "letters"]);
    assert_eq!(code(&sarif), 2);
    let log = json(&sarif);
    let run0 = &log["runs"][0];
    let note = &run0["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(note["descriptor"]["id"], "input.legacy-doc");
    assert_eq!(note["level"], "error");
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "letters/old%2C%20v2.docx"
    );
    assert_eq!(run0["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn exit_zero_does_not_hide_an_unreadable_letter() {
    let dir = letters();
    let out = run(
        dir.path(),
        &["--exit-zero", "--format", "concise", "letters"],
    );
    assert_eq!(code(&out), 2);
}

/// The parts of the SARIF 2.1.0 schema that GitHub code scanning relies on.
pub fn check_sarif_shape(log: &serde_json::Value) {
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let runs = log["runs"].as_array().unwrap();
    assert!(!runs.is_empty());
    for run in runs {
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "retainer-lint");
        let rules = driver["rules"].as_array().unwrap();
        let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        for r in rules {
            for k in ["shortDescription", "fullDescription", "help"] {
                assert!(r[k]["text"].is_string(), "rule {} lacks {k}", r["id"]);
            }
        }
        for res in run["results"].as_array().unwrap() {
            let id = res["ruleId"].as_str().unwrap();
            assert!(ids.contains(&id), "{id} is not among the driver's rules");
            let level = res["level"].as_str().unwrap();
            assert!(
                ["error", "warning", "note", "none"].contains(&level),
                "{level}"
            );
            assert!(res["message"]["text"].is_string());
            let location = &res["locations"][0]["physicalLocation"];
            assert!(location["artifactLocation"]["uri"].is_string());
            for k in ["startLine", "startColumn", "endLine", "endColumn"] {
                assert!(location["region"][k].as_u64().unwrap() >= 1, "{k}");
            }
        }
        for n in run["invocations"][0]["toolExecutionNotifications"]
            .as_array()
            .unwrap()
        {
            assert!(n["message"]["text"].is_string());
        }
    }
}

#[test]
fn output_file_is_written_whole_and_stdout_stays_empty() {
    let dir = letters();
    fs::create_dir(dir.path().join("out")).unwrap();
    fs::write(dir.path().join("out/results.sarif"), "stale").unwrap();
    let out = run(
        dir.path(),
        &["--format", "sarif", "-o", "out/results.sarif", "letters"],
    );
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    let written = fs::read(dir.path().join("out/results.sarif")).unwrap();
    let log: serde_json::Value = serde_json::from_slice(&written).unwrap();
    check_sarif_shape(&log);
    // No temporary file is left beside it.
    let names: Vec<String> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["results.sarif"]);
}

#[test]
fn an_output_file_that_cannot_be_written_is_an_error() {
    let dir = letters();
    let out = run(
        dir.path(),
        &[
            "--format",
            "json",
            "-o",
            "no/such/dir/r.json",
            "letters/doe.md",
        ],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("could not write no/such/dir/r.json"));
    assert!(!Path::new(&dir.path().join("no")).exists());
}

#[test]
fn colours_follow_color_no_color_and_clicolor_force() {
    let dir = letters();
    let has_escape = |args: &[&str], env: &[(&str, &str)]| {
        let mut c = cmd(dir.path());
        c.args(args).arg("letters/old, v2.docx");
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c.output().unwrap();
        String::from_utf8(out.stdout).unwrap().contains('\u{1b}')
    };
    assert!(
        !has_escape(&[], &[]),
        "piped output has no colour by default"
    );
    assert!(has_escape(&["--color", "always"], &[]));
    assert!(!has_escape(
        &["--color", "never"],
        &[("CLICOLOR_FORCE", "1")]
    ));
    assert!(has_escape(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!has_escape(
        &[],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    ));
}

#[test]
fn statistics_count_unreadable_letters_and_refuse_sarif() {
    let dir = letters();
    let out = run(dir.path(), &["--statistics", "letters"]);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains("input.legacy-doc"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.trim_start().starts_with("1 "), "{line}");
    assert!(line.ends_with(" unreadable"), "{line}");
    let out = run(dir.path(), &["--statistics", "--format", "json", "letters"]);
    assert_eq!(json(&out)["summary"]["unreadable"], 1);
    let out = run(
        dir.path(),
        &["--statistics", "--format", "sarif", "letters"],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--statistics"));
    assert_eq!(stdout(&out), "");
}

/// The firm-pack fixture of the trycmd cases: three findings of known rules.
fn firm() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("it/cmd/firm.in")
}

#[test]
fn sarif_of_real_findings_has_the_shape_code_scanning_needs() {
    let out = run(&firm(), &["--format", "sarif", "letters"]);
    assert_eq!(code(&out), 1);
    let log = json(&out);
    check_sarif_shape(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["error", "warning", "note"]);
}

#[test]
fn built_in_rules_fire_on_a_letter_with_known_defects() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("letter.md"),
        "# Retainer letter\n\nDear [CLIENT NAME],\n\nThe terms set out herein apply.\n",
    )
    .unwrap();
    let report = json(&run(
        dir.path(),
        &["--isolated", "--format", "json", "letter.md"],
    ));
    let rules: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    for id in ["template.placeholder", "plain.legalese"] {
        assert!(rules.contains(&id), "{id} not in {rules:?}");
    }
    // --select by prefix keeps only that group.
    let out = run(
        dir.path(),
        &[
            "--isolated",
            "--format",
            "json",
            "--select",
            "template",
            "letter.md",
        ],
    );
    let report = json(&out);
    let diagnostics = report["files"][0]["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty());
    assert!(diagnostics
        .iter()
        .all(|d| d["rule"].as_str().unwrap().starts_with("template.")));
    assert_eq!(code(&out), 1, "template.placeholder is an error");
}

#[test]
fn extends_adds_a_pack_to_the_built_in_rules() {
    let firm = firm();
    let out = run(
        &firm,
        &[
            "rules",
            "--isolated",
            "--extends",
            "./acme-pack.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = json(&out);
    let ids: Vec<&str> = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in ["fees.basis", "response.vague", "acme.promptly"] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
}

#[test]
fn human_output_of_a_docx_letter_names_paragraph_and_section() {
    // A letter with heading styles, so findings fall in named sections.
    let letter = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/letters/family-sk.docx");
    let out = run(
        letter.parent().unwrap(),
        &["--color", "never", "--isolated", "family-sk.docx"],
    );
    let text = stdout(&out);
    let headers: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with(",-["))
        .collect();
    assert!(!headers.is_empty(), "{text}");
    for h in &headers {
        assert!(h.contains(",-[family-sk.docx, paragraph "), "{h}");
        // No `:line:col` after a DOCX header: the paragraph already says where.
        assert!(h.ends_with(']') && !h.contains(".docx:"), "{h}");
    }
    assert!(headers.iter().any(|h| h.contains(", section ")), "{text}");
    assert!(!text.contains('\u{1b}'));
    assert!(
        text.lines().all(|l| !l.contains('│')),
        "ASCII art when piped"
    );
}

//! The guarantees a firm relies on, each tested against the built CLI (or the library):
//!
//! - an input is never opened for writing and is byte-for-byte unchanged after a run (content,
//!   hash and modification time; and, where `strace` runs, every open of it is read-only and
//!   no socket is opened);
//! - the `-o FILE` report is written atomically: a run killed while writing it leaves the old
//!   report or none, never half of one;
//! - `retainer-lint init` never overwrites (a file, a symlink, a dangling symlink);
//! - many letters linted with one shared `Linter` on all threads give exactly the output of a
//!   single-threaded run (library and CLI).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use retainer_lint::{Diagnostic, Linter};

use crate::cli_common::{bin, code, run, stderr, stdout};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/letters")
}

/// What must not change about a file: its bytes, their hash, its mtime and permissions.
#[derive(Debug, PartialEq)]
struct Fingerprint {
    bytes: Vec<u8>,
    hash: u64,
    modified: SystemTime,
    permissions: std::fs::Permissions,
}

fn fingerprint(path: &Path) -> Fingerprint {
    let bytes = std::fs::read(path).unwrap();
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    let meta = std::fs::metadata(path).unwrap();
    Fingerprint {
        hash: h.finish(),
        bytes,
        modified: meta.modified().unwrap(),
        permissions: meta.permissions(),
    }
}

/// A directory with a Markdown, a DOCX and a text letter copied from the fixtures, and a
/// firm configuration (which is an input too).
fn letters_dir() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = Vec::new();
    for name in ["family-sk.md", "criminal-on.docx", "wills-ca.md"] {
        let to = dir.path().join(name);
        std::fs::copy(fixtures().join(name), &to).unwrap();
        inputs.push(to);
    }
    let txt = dir.path().join("estate.txt");
    std::fs::write(
        &txt,
        "RETAINER\n\nDear [CLIENT NAME],\n\nWe will reply promptly herein.\n",
    )
    .unwrap();
    inputs.push(txt);
    let config = dir.path().join("retainer-lint.toml");
    std::fs::write(&config, "extends = [\"core\", \"ca-sk\"]\n").unwrap();
    inputs.push(config);
    // An mtime in the past, so that a write in this same second would still show.
    for p in &inputs {
        let f = std::fs::File::options().read(true).open(p).unwrap();
        f.set_modified(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_600_000_000))
            .unwrap();
    }
    (dir, inputs)
}

#[test]
fn inputs_are_byte_for_byte_unchanged_after_every_kind_of_run() {
    let (dir, inputs) = letters_dir();
    let before: Vec<Fingerprint> = inputs.iter().map(|p| fingerprint(p)).collect();
    let d = dir.path();
    for args in [
        &["."][..],
        &["--format", "json", "."],
        &["--format", "sarif", "-o", "report.sarif", "."],
        &["--statistics", "."],
        &["dump", "criminal-on.docx"],
    ] {
        let out = run(d, args);
        assert!(code(&out) < 2, "{args:?}: {}", stderr(&out));
    }
    // The library too, on the same files.
    let linter = Linter::builtin();
    for p in &inputs[..4] {
        linter.lint_path(p).unwrap();
    }
    let after: Vec<Fingerprint> = inputs.iter().map(|p| fingerprint(p)).collect();
    assert_eq!(before, after);
}

/// Every `open` of an input, as `strace` saw it: flags must be read-only; and the run opens
/// no socket.
#[test]
fn inputs_are_only_ever_opened_read_only() {
    let probe = Command::new("strace")
        .args(["-o", "/dev/null", "true"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("strace is not available here (or ptrace is not allowed): skipped");
        return;
    }
    let (dir, inputs) = letters_dir();
    let log = dir.path().join("strace.log");
    let out = Command::new("strace")
        .args([
            "-f",
            "-e",
            "trace=open,openat,openat2,creat,truncate,socket,connect",
            "-o",
        ])
        .arg(&log)
        .arg(bin())
        .args(["--format", "json", "-o", "report.json", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(code(&out) < 2, "{}", stderr(&out));
    let trace = std::fs::read_to_string(&log).unwrap();
    // No network either: not one socket is created.
    for line in trace.lines() {
        assert!(
            !line.contains("socket(") && !line.contains("connect("),
            "network access: {line}"
        );
    }
    for input in &inputs {
        let name = input.file_name().unwrap().to_str().unwrap();
        let opens: Vec<&str> = trace
            .lines()
            .filter(|l| l.contains(&format!("{name}\"")))
            .filter(|l| !l.contains("ENOENT"))
            .collect();
        assert!(!opens.is_empty(), "{name} was read: {trace}");
        for line in opens {
            assert!(
                line.contains("O_RDONLY")
                    && ![
                        "O_WRONLY",
                        "O_RDWR",
                        "O_CREAT",
                        "O_TRUNC",
                        "creat(",
                        "truncate("
                    ]
                    .iter()
                    .any(|w| line.contains(w)),
                "{name} opened for writing: {line}"
            );
        }
    }
}

/// The signal a process gets when it writes past its file-size limit (Linux).
const SIGXFSZ: i32 = 25;

/// A report larger than the file-size limit the run gets: the kernel kills the writer
/// (SIGXFSZ) in the middle of writing it, the way a crash or a full disk would stop it.
fn killed_mid_write(dir: &Path, report: &str) -> std::process::Output {
    // `ulimit -f` counts 512-byte blocks in POSIX sh (1024 in bash): 8 blocks is 4-8 KiB,
    // far below the report of three letters in JSON.
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 8; exec \"$0\" --format json -o {report} family-sk.md wills-ca.md criminal-on.docx"
        ))
        .arg(bin())
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn a_run_killed_while_writing_the_report_leaves_the_old_report() {
    let (dir, _) = letters_dir();
    let d = dir.path();
    // The full report, written without interference: larger than the file-size limit.
    let out = run(
        d,
        &[
            "--format",
            "json",
            "-o",
            "full.json",
            "family-sk.md",
            "wills-ca.md",
            "criminal-on.docx",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let full = std::fs::read(d.join("full.json")).unwrap();
    assert!(
        full.len() > 16 << 10,
        "the report is larger than the limit: {}",
        full.len()
    );

    let old = b"{\"the old report\": true}\n";
    std::fs::write(d.join("report.json"), old).unwrap();
    let out = killed_mid_write(d, "report.json");
    assert_eq!(
        out.status.signal(),
        Some(SIGXFSZ),
        "killed while writing: {out:?}"
    );
    assert_eq!(
        std::fs::read(d.join("report.json")).unwrap(),
        old,
        "old report intact"
    );
    // The interrupted write went to a temporary file beside it, and stopped half way.
    let partial: Vec<PathBuf> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".retainer-lint-")
        })
        .collect();
    assert_eq!(partial.len(), 1, "{partial:?}");
    let half = std::fs::read(&partial[0]).unwrap();
    assert!(!half.is_empty() && half.len() < full.len() && full.starts_with(&half));

    // No old report: none is left, rather than half of the new one.
    let out = killed_mid_write(d, "fresh.json");
    assert_eq!(out.status.signal(), Some(SIGXFSZ));
    assert!(!d.join("fresh.json").exists());

    // And a run that finishes replaces the old report whole.
    let out = run(
        d,
        &[
            "--format",
            "json",
            "-o",
            "report.json",
            "family-sk.md",
            "wills-ca.md",
            "criminal-on.docx",
        ],
    );
    assert_eq!(code(&out), 1);
    assert_eq!(std::fs::read(d.join("report.json")).unwrap(), full);
}

#[test]
fn init_never_overwrites_a_file_or_writes_through_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let config = d.join("retainer-lint.toml");
    // An existing configuration: refused, untouched.
    std::fs::write(
        &config,
        "extends = [\"core\", \"us-ny\"]  # the firm's own\n",
    )
    .unwrap();
    let before = fingerprint(&config);
    let out = run(d, &["init", "--jurisdiction", "ca-sk"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("config.exists"), "{}", stderr(&out));
    assert_eq!(fingerprint(&config), before);

    // A symlink to another file: neither the link nor its target is written.
    std::fs::remove_file(&config).unwrap();
    let target = d.join("elsewhere.toml");
    std::fs::write(&target, "# not a config\n").unwrap();
    let target_before = fingerprint(&target);
    std::os::unix::fs::symlink(&target, &config).unwrap();
    let out = run(d, &["init"]);
    assert_eq!(code(&out), 2);
    assert_eq!(fingerprint(&target), target_before);

    // A dangling symlink: init does not create the file it points to.
    std::fs::remove_file(&config).unwrap();
    let nowhere = d.join("nowhere.toml");
    std::os::unix::fs::symlink(&nowhere, &config).unwrap();
    let out = run(d, &["init"]);
    assert_eq!(code(&out), 2);
    assert!(!nowhere.exists());

    // A directory of that name.
    std::fs::remove_file(&config).unwrap();
    std::fs::create_dir(&config).unwrap();
    assert_eq!(code(&run(d, &["init"])), 2);

    // Where there is nothing, it writes the starter.
    std::fs::remove_dir(&config).unwrap();
    let out = run(d, &["init"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(std::fs::read_to_string(&config)
        .unwrap()
        .contains("extends"));
}

/// Small letters that differ in what the rules find: amounts, durations, placeholders,
/// jurisdictions' words, Unicode, suppression directives.
fn small_letter(i: usize) -> (String, String) {
    let fee = [
        "$2,500",
        "$350 per hour",
        "two thousand dollars ($2,000)",
        "30%",
        "a fair fee",
    ][i % 5];
    let reply = [
        "promptly",
        "within 2 business days",
        "within 48 hours",
        "as soon as possible",
        "within ten (10) days",
    ][i / 5 % 5];
    let who = [
        "[CLIENT NAME]",
        "Ms. Amélie Roy",
        "Mr. Lee",
        "the Client",
        "{{client}}",
    ][i / 25 % 5];
    let extra = [
        "",
        "Herein the “Services” are defined.",
        "<!-- retainer-lint-disable-next-line response.vague -->",
        "Call 555-0100 or write to a@example.com.",
        "Our assistant, Sam, will update you monthly.",
        "Section 9 applies.",
        "Fees are plus GST\u{a0}and HST.",
    ][i / 125 % 7];
    let md = format!(
        "# Retainer letter {i}\n\nDear {who},\n\nOur fee is {fee}. {extra}\n\nWe will respond {reply}.\n"
    );
    let name = match i % 3 {
        0 => format!("letter-{i:05}.md"),
        1 => format!("letter-{i:05}.txt"),
        _ => format!("letter-{i:05}.markdown"),
    };
    (name, md)
}

/// Lint `n` small letters from files with one `Linter` on one thread, then on every core
/// (at least 4 threads) pulling from a shared queue; the outputs must be identical. Then the
/// CLI over the same directory with 1 and with 8 rayon threads.
fn same_output_on_one_thread_and_on_all(n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::with_capacity(n);
    for i in 0..n {
        let (name, text) = small_letter(i);
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        paths.push(p);
    }
    let linter = Linter::builtin();
    let lint = |p: &PathBuf| -> Vec<Diagnostic> { linter.lint_path(p).unwrap().diagnostics };
    let single: Vec<Vec<Diagnostic>> = paths.iter().map(lint).collect();
    assert!(single.iter().all(|d| !d.is_empty()));
    let distinct: std::collections::HashSet<String> =
        single.iter().map(|d| format!("{d:?}")).collect();
    assert!(
        distinct.len() > n.min(500) / 2,
        "letters differ in findings: {}",
        distinct.len()
    );

    let threads = std::thread::available_parallelism()
        .map_or(4, |n| n.get())
        .max(4);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut parallel: Vec<Option<Vec<Diagnostic>>> = vec![None; n];
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(p) = paths.get(i) else { break };
                        done.push((i, lint(p)));
                    }
                    done
                })
            })
            .collect();
        for w in workers {
            for (i, d) in w.join().unwrap() {
                parallel[i] = Some(d);
            }
        }
    });
    let parallel: Vec<Vec<Diagnostic>> = parallel.into_iter().map(Option::unwrap).collect();
    assert!(
        single == parallel,
        "the threaded run differs from the single-threaded one"
    );

    // The CLI: rayon over the files, reports in input order whatever the thread count.
    let cli = |threads: &str| {
        let out = crate::cli_common::cmd(dir.path())
            .env("RAYON_NUM_THREADS", threads)
            .args(["--isolated", "--format", "json", "."])
            .output()
            .unwrap();
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        stdout(&out)
    };
    let one = cli("1");
    assert_eq!(one.matches("\"path\"").count(), n);
    assert!(
        one == cli("8"),
        "the CLI's output depends on its thread count"
    );
}

/// The full 10,000 of the guarantee: about 30 seconds in a debug build on 2 cores.
#[test]
fn ten_thousand_letters_give_the_same_output_on_one_thread_and_on_all() {
    same_output_on_one_thread_and_on_all(10_000);
}

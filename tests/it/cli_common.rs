//! Running the built `retainer-lint` binary from the end-to-end tests.
//!
//! `CARGO_BIN_EXE_*` only exists in the CLI crate's own tests, so the binary is found next to
//! this test executable (`target/<profile>/deps/it-…` → `target/<profile>/retainer-lint`), and
//! built first when it is missing or older than its sources (`cargo test -p retainer-lint-tests`
//! alone does not build other packages' binaries).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The path of the `retainer-lint` binary, built if needed.
pub fn bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().unwrap();
        let profile_dir = exe.parent().unwrap().parent().unwrap().to_path_buf();
        let bin = profile_dir.join(format!("retainer-lint{}", std::env::consts::EXE_SUFFIX));
        // `cargo test --workspace` already built it (the CLI crate has an integration test);
        // a separate `cargo build -p` would resolve features differently and rebuild deps.
        if !is_fresh(&bin) {
            build(&profile_dir);
        }
        assert!(bin.is_file(), "no binary at {}", bin.display());
        bin
    })
}

/// True when `bin` is newer than every source it is built from.
fn is_fresh(bin: &Path) -> bool {
    let Ok(built) = bin.metadata().and_then(|m| m.modified()) else {
        return false;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let sources = [
        "crates/retainer-lint-cli",
        "crates/retainer-lint/src",
        "rules",
        "Cargo.lock",
    ];
    sources
        .iter()
        .all(|s| newest(&root.join(s)).is_none_or(|t| t <= built))
}

fn newest(path: &Path) -> Option<std::time::SystemTime> {
    let meta = path.metadata().ok()?;
    if meta.is_file() {
        return meta.modified().ok();
    }
    std::fs::read_dir(path)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| newest(&e.path()))
        .max()
}

fn build(profile_dir: &Path) {
    let target_dir = profile_dir.parent().unwrap();
    let profile = profile_dir
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(cargo);
    build
        .args([
            "build",
            "--quiet",
            "-p",
            "retainer-lint-cli",
            "--bin",
            "retainer-lint",
        ])
        .arg("--target-dir")
        .arg(target_dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    match profile.as_str() {
        "debug" => {}
        "release" => {
            build.arg("--release");
        }
        other => {
            build.args(["--profile", other]);
        }
    }
    let status = build.status().unwrap();
    assert!(status.success(), "building retainer-lint failed");
}

/// A `retainer-lint` command in `dir`, with an environment that does not depend on the
/// machine (no colour variables, not in CI unless set here).
pub fn cmd(dir: &Path) -> Command {
    let mut c = Command::new(bin());
    c.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CI")
        .env_remove("COLUMNS")
        .stdin(Stdio::null());
    c
}

/// Run and capture.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    cmd(dir).args(args).output().unwrap()
}

/// Run with `stdin` on standard input.
pub fn run_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = cmd(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// The exit code (tests never see a signal).
pub fn code(out: &Output) -> i32 {
    out.status.code().unwrap()
}

/// Standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// Standard output as JSON.
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(out)))
}

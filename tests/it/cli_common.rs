//! Running the built `retainer-lint` binary from the end-to-end tests.
//!
//! `CARGO_BIN_EXE_*` only exists in the CLI crate's own tests, so the binary is found next to
//! this test executable (`target/<profile>/deps/it-…` → `target/<profile>/retainer-lint`) and
//! built once per test run (a no-op when `cargo test --workspace` already built it).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The path of the `retainer-lint` binary, built if needed.
pub fn bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().unwrap();
        let profile_dir = exe.parent().unwrap().parent().unwrap().to_path_buf();
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
        let bin = profile_dir.join(format!("retainer-lint{}", std::env::consts::EXE_SUFFIX));
        assert!(bin.is_file(), "no binary at {}", bin.display());
        bin
    })
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

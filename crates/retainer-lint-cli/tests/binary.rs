//! The binary starts and names itself. (Its presence also makes `cargo test --workspace` build
//! the `retainer-lint` binary, which the end-to-end tests in `tests/it` run.)

use std::process::Command;

#[test]
fn version_names_the_program() {
    let out = Command::new(env!("CARGO_BIN_EXE_retainer-lint"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        format!("retainer-lint {}\n", env!("CARGO_PKG_VERSION"))
    );
}

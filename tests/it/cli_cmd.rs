//! trycmd cases in `it/cmd/`: one file per CLI scenario, exact output.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin("retainer-lint", crate::cli_common::bin())
        .case("it/cmd/*.toml");
}

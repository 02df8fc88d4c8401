use assert_cmd::Command;
use predicates::prelude::*;

fn vaultsnap() -> Command {
    let mut cmd = Command::cargo_bin("vaultsnap").unwrap();
    cmd.env("VAULTSNAP_ACCESS_KEY_ID", "test-access-key")
        .env("VAULTSNAP_SECRET_ACCESS_KEY", "test-secret-key");
    cmd
}

#[test]
fn missing_command_fails() {
    vaultsnap()
        .assert()
        .failure()
        .stderr(predicate::str::contains("no command given"));
}

#[test]
fn rejects_out_of_range_level() {
    vaultsnap()
        .args(["--config", "tests/fixtures/config.toml", "backup", "--level", "12"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--level must be between 1 and 9"));
}

#[test]
fn help_output_is_stable() {
    let out = vaultsnap().arg("--help").output().unwrap();
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn list_against_local_minio() {
    vaultsnap()
        .args(["--config", "tests/fixtures/config.toml", "list"])
        .output()
        .unwrap();
}

use assert_cmd::Command;
use predicates::prelude::*;

fn bin() -> Command {
    Command::cargo_bin("bucketsync").expect("binary built")
}

#[test]
fn help_prints_usage() {
    bin().arg("--help").assert().success().stdout(predicate::str::contains("usage: bucketsync"));
}

#[test]
fn unknown_command_fails() {
    bin()
        .args(["frobnicate", "--endpoint", "http://127.0.0.1:9", "--bucket", "b"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown command"));
}

#[test]
fn missing_bucket_is_reported() {
    bin()
        .args(["push", "--endpoint", "https://localhost:9000"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--bucket"));
}

#[test]
fn push_against_unreachable_endpoint() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), b"hi").unwrap();
    bin()
        .env("BUCKETSYNC_CACHE", dir.path())
        .args(["push", "--endpoint", "https://127.0.0.1:9", "--bucket", "b", "--insecure", "--token", "test-token"])
        .arg("--dir")
        .arg(dir.path())
        .output()
        .unwrap();
}

use assert_cmd::Command;
use predicates::prelude::*;

fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("artifact-push").unwrap();
    cmd.env("ARTIFACT_TOKEN", "test-token-not-real")
        .env("ARTIFACT_WEBHOOK_SECRET", "test-webhook-secret")
        .env("ARTIFACT_REGISTRY", "https://127.0.0.1:1");
    cmd
}

#[test]
fn help_lists_subcommands() {
    cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("push").and(predicate::str::contains("promote")));
}

#[test]
fn push_requires_files() {
    cmd().arg("push").assert().failure().stderr(predicate::str::contains("<FILES>"));
}

#[test]
fn push_against_unreachable_registry() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.tar.gz");
    std::fs::write(&file, b"data").unwrap();
    let _ = cmd().args(["--insecure", "push"]).arg(&file).output();
}

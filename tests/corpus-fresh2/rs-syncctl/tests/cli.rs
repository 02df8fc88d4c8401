use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn write_config(dir: &Path) -> PathBuf {
    let path = dir.join("config.toml");
    fs::write(
        &path,
        format!(
            "endpoint = \"https://127.0.0.1:9\"\nbucket = \"test\"\ntoken = \"t\"\ncache_dir = {:?}\n",
            dir.join("cache")
        ),
    )
    .unwrap();
    path
}

fn syncctl() -> Command {
    let mut cmd = Command::cargo_bin("syncctl").unwrap();
    cmd.env_remove("SYNCCTL_TOKEN").env_remove("SYNCCTL_CONFIG");
    cmd
}

#[test]
fn help_lists_subcommands() {
    syncctl()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("prune").and(predicate::str::contains("push")));
}

#[test]
fn missing_config_exits_2() {
    syncctl()
        .args(["--config", "/nonexistent/syncctl.toml", "push"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("reading /nonexistent/syncctl.toml"));
}

#[test]
fn prune_dry_run_against_unreachable_server() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(dir.path());
    syncctl()
        .args(["--config", cfg.to_str().unwrap(), "prune", "--dry-run", "--older-than", "7days"])
        .output()
        .unwrap();
}

#[test]
fn rejects_bad_duration() {
    syncctl()
        .args(["prune", "--older-than", "soon"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("invalid value 'soon'"));
}

use assert_cmd::Command;
use janitor::config::OPERATOR_TOKEN_ENV;
use predicates::prelude::*;
use rusqlite::Connection;
use tempfile::TempDir;

const OPERATOR_TOKEN: &str = "test-operator-token-7f3a";

fn setup() -> (TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("app.db");
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch("CREATE TABLE events (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL);")
        .unwrap();
    (dir, db.to_string_lossy().into_owned())
}

fn janitor(db: &str) -> Command {
    let mut cmd = Command::cargo_bin("janitor").unwrap();
    cmd.env(OPERATOR_TOKEN_ENV, OPERATOR_TOKEN)
        .env_remove("JANITOR_TOKEN")
        .args(["--db", db]);
    cmd
}

#[test]
fn restore_rejects_wrong_token() {
    let (_dir, db) = setup();
    janitor(&db)
        .args(["restore", "/nonexistent/backup.db", "--token", "wrong"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("operator token rejected"));
}

#[test]
fn status_prints_json() {
    let (_dir, db) = setup();
    janitor(&db)
        .args(["status", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("["));
}

#[test]
fn purge_requires_yes() {
    let (_dir, db) = setup();
    janitor(&db)
        .arg("purge")
        .assert()
        .failure()
        .stderr(predicate::str::contains("pass --yes"));
}

use std::path::Path;

use gitgate::{
    access::{AccessList, Level},
    audit::AuditLog,
    config::ServerConfig,
};

// sha256("hunter2") – test fixture only.
const USERS: &str = r#"
[[user]]
name = "alice"
password_sha256 = "f52fbd32b2b3b86ff88ef6c490628285f482af15ddcb29541f94bcf526a3f6c7"
default_level = "write"

[[user]]
name = "bob"
default_level = "read"

[[deploy_token]]
repo = "web/site"
token_sha256 = "f52fbd32b2b3b86ff88ef6c490628285f482af15ddcb29541f94bcf526a3f6c7"
"#;

fn acl() -> AccessList {
    AccessList::from_toml(USERS).expect("fixture parses")
}

#[test]
fn password_login() {
    let acl = acl();
    assert!(acl.check_password("alice", "hunter2"));
    assert!(!acl.check_password("alice", "hunter3"));
    assert!(!acl.check_password("bob", "hunter2"), "bob has no password");
}

#[test]
fn default_levels() {
    let acl = acl();
    assert_eq!(acl.level_for("alice", "web/site"), Level::Write);
    assert_eq!(acl.level_for("bob", "web/site"), Level::Read);
    assert_eq!(acl.level_for("mallory", "web/site"), Level::None);
}

#[test]
fn deploy_token_is_bound_to_its_repo() {
    let acl = acl();
    assert!(acl.check_deploy_token("web/site", "hunter2"));
    assert!(!acl.check_deploy_token("infra/terraform", "hunter2"));
}

#[test]
fn audit_log_appends_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::open(&dir.path().join("audit/audit.jsonl"), 1024).unwrap();
    log.record("alice", "upload-pack", "web/site", None).unwrap();
    log.record("bob", "repo-list", "-", None).unwrap();

    let contents = std::fs::read_to_string(log.path()).unwrap();
    let lines: Vec<serde_json::Value> = contents.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["user"], "alice");
    assert_eq!(lines[1]["action"], "repo-list");
}

#[test]
fn server_config_defaults() {
    let config = ServerConfig::from_toml("users_file = \"users.toml\"\n").unwrap();
    assert_eq!(config.listen.port(), 2222);
    assert_eq!(config.users_file, Path::new("users.toml"));
    assert!(config.webhook.is_none());
}

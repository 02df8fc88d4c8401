use std::io::Write;

use mirror::{
    config::Config,
    manifest::{self, sign, verify_detached, verify_signature},
};

const KEY: &[u8] = b"integration-test-manifest-key";

// Host key of the throwaway SFTP container started by docker-compose.test.yml.
const TEST_KNOWN_HOST: &str =
    "[127.0.0.1]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH3kq0m1Vt8fJ2xS9cQpWn4YbRz7LdE5uGhT6aKo1MvB";

#[test]
fn signature_round_trip() {
    let body = br#"{"version":2,"channel":"stable","files":[]}"#;
    let sig = sign(KEY, body);
    assert!(verify_signature(KEY, body, &sig));
    assert!(verify_signature(KEY, body, &sig.to_uppercase()));
    assert!(!verify_signature(KEY, b"{}", &sig));
}

#[test]
fn detached_signature() {
    let body = b"release-1.4.0.tar.gz contents";
    let sig = hex::decode(sign(KEY, body)).unwrap();
    assert!(verify_detached(KEY, body, &sig));
    assert!(!verify_detached(KEY, body, &sig[1..]));
}

#[test]
fn rejects_unknown_manifest_version() {
    let err = manifest::parse(br#"{"version":1,"channel":"stable","files":[]}"#).unwrap_err();
    assert!(err.to_string().contains("not supported"), "{err}");
}

#[test]
fn config_reads_targets() {
    let dir = tempfile::tempdir().unwrap();
    let known_hosts = dir.path().join("known_hosts");
    std::fs::write(&known_hosts, format!("{TEST_KNOWN_HOST}\n")).unwrap();
    let cfg_path = dir.path().join("mirror.toml");
    let mut f = std::fs::File::create(&cfg_path).unwrap();
    writeln!(
        f,
        r#"
source_dir = "{src}"
manifest_url = "https://control.test/manifests/stable"
known_hosts = "{kh}"
identity_file = "{src}/id_test"

[[targets]]
host = "127.0.0.1"
port = 2222
root = "upload"
"#,
        src = dir.path().display(),
        kh = known_hosts.display()
    )
    .unwrap();

    let cfg = Config::load(&cfg_path).unwrap();
    assert_eq!(cfg.targets.len(), 1);
    assert_eq!(cfg.targets[0].user, "mirror");
    assert_eq!(cfg.timeout_secs, 30);
}

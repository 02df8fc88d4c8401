use edge::config::{secret_from_env, ConfigError, EdgeConfig};
use std::io::Write;
use std::path::Path;

fn write_config(body: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().expect("temp file");
    f.write_all(body.as_bytes()).unwrap();
    f
}

#[test]
fn example_config_loads() {
    let cfg = EdgeConfig::load(Path::new("config/edge.yaml")).expect("example config is valid");
    assert_eq!(cfg.routes.len(), 3);
    assert!(cfg.is_public("/.well-known/acme-challenge/abc"));
    assert!(!cfg.is_public("/api/orders"));
}

#[test]
fn longest_prefix_wins() {
    let f = write_config(
        r#"
listen: "0.0.0.0:1"
admin_listen: "127.0.0.1:2"
keys_file: "keys.yaml"
admin_token_env: "A"
internal_token_env: "B"
routes:
  - { prefix: "/api", upstreams: ["a:1"], tls: false, rate_per_sec: 1 }
  - { prefix: "/api/orders", upstreams: ["b:1"], tls: false, rate_per_sec: 1 }
"#,
    );
    let cfg = EdgeConfig::load(f.path()).unwrap();
    assert_eq!(cfg.route_for("/api/orders/17").unwrap().prefix, "/api/orders");
    assert_eq!(cfg.route_for("/api/catalog").unwrap().prefix, "/api");
}

#[test]
fn tls_route_without_sni_is_rejected() {
    let f = write_config(
        r#"
listen: "0.0.0.0:1"
admin_listen: "127.0.0.1:2"
keys_file: "keys.yaml"
admin_token_env: "A"
internal_token_env: "B"
routes:
  - { prefix: "/api", upstreams: ["a:1"], tls: true, rate_per_sec: 1 }
"#,
    );
    let err = EdgeConfig::load(f.path()).unwrap_err();
    assert!(matches!(err, ConfigError::Invalid(msg) if msg.contains("SNI")));
}

#[test]
#[should_panic(expected = "reading")]
fn missing_file_reports_the_path() {
    EdgeConfig::load(Path::new("does/not/exist.yaml")).unwrap();
}

#[test]
fn placeholder_secrets_are_refused() {
    std::env::set_var("EDGE_TEST_ADMIN_TOKEN", "changeme");
    assert!(secret_from_env("EDGE_TEST_ADMIN_TOKEN").is_err());
    std::env::set_var("EDGE_TEST_ADMIN_TOKEN", "x9Kq2mVt7LrW4pZc8NbY3hJd");
    assert_eq!(secret_from_env("EDGE_TEST_ADMIN_TOKEN").unwrap().len(), 24);
}

use std::io::Write;

use syncd::config::Config;

fn write_config(body: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(body.as_bytes()).unwrap();
    f
}

#[test]
fn loads_minimal_config_with_env_token() {
    std::env::set_var("SYNCD_CONTROL_TOKEN", "from-env");
    let f = write_config(
        r#"
endpoint = "https://s3.example.test"
bucket = "b"
control_socket = "/tmp/syncd-test.sock"
"#,
    );
    let cfg = Config::load(f.path().to_str()).expect("config loads");
    assert_eq!(cfg.control_token, "from-env");
    assert_eq!(cfg.interval_secs, 30);
    assert!(!cfg.insecure_dev_tls);
}

#[test]
fn missing_file_is_an_error() {
    let err = Config::load(Some("/nonexistent/syncd.toml")).unwrap_err();
    assert!(err.to_string().contains("reading /nonexistent/syncd.toml"));
}

use std::env;

use order_ingest::archive::{archive_credentials, object_key};
use order_ingest::config::{Config, ConfigError};
use order_ingest::consumer::consumer_config;
use order_ingest::dlq::producer_config;
use serial_test::serial;

// AWS documentation's example key pair.
const EXAMPLE_KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
const EXAMPLE_SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

fn set_minimal_env() {
    env::set_var("KAFKA_BROKERS", "broker-1:9096");
    env::set_var("PGPASSWORD", "pg-test-password");
    env::set_var("ARCHIVE_BUCKET", "orders-archive-test");
    env::set_var("ORDER_SIGNING_KEY", "00112233445566778899aabbccddeeff");
    env::set_var("ARCHIVE_SPOOL_DIR", env::temp_dir().join("ingest-spool").to_str().unwrap());
}

#[test]
#[serial]
fn missing_brokers_is_reported() {
    set_minimal_env();
    env::remove_var("KAFKA_BROKERS");
    assert!(matches!(Config::from_env(), Err(ConfigError::Missing("KAFKA_BROKERS"))));
}

#[test]
#[serial]
fn consumer_commits_manually() {
    set_minimal_env();
    let cfg = Config::from_env().unwrap();
    let cc = consumer_config(&cfg);
    assert_eq!(cc.get("enable.auto.commit"), Some("false"));
    assert_eq!(cc.get("enable.auto.offset.store"), Some("false"));
    assert_eq!(cc.get("group.id"), Some("order-ingest"));
}

#[test]
#[serial]
fn producer_is_idempotent() {
    set_minimal_env();
    let cfg = Config::from_env().unwrap();
    let pc = producer_config(&cfg);
    assert_eq!(pc.get("enable.idempotence"), Some("true"));
    assert_eq!(pc.get("acks"), Some("all"));
}

#[test]
#[serial]
fn explicit_archive_credentials_win() {
    env::set_var("ARCHIVE_AWS_ACCESS_KEY_ID", EXAMPLE_KEY_ID);
    env::set_var("ARCHIVE_AWS_SECRET_ACCESS_KEY", EXAMPLE_SECRET);
    let creds = archive_credentials();
    assert_eq!(creds.access_key_id(), EXAMPLE_KEY_ID);
    assert_eq!(creds.secret_access_key(), EXAMPLE_SECRET);
}

#[test]
fn object_keys_are_partitioned_by_day() {
    let key = object_key("raw/orders/", "ord_1", 42);
    assert!(key.starts_with("raw/orders/20"));
    assert!(key.ends_with("/ord_1-42.json"));
}

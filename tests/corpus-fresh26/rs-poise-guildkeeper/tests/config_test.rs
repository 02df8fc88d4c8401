use std::io::Write;

use guildkeeper::config::{load_from, Config};

fn write_config(contents: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(contents.as_bytes()).expect("write config");
    file
}

fn assert_defaults_preserved(config: &Config) {
    let defaults = Config::default();
    assert_eq!(config.default_prefix, defaults.default_prefix);
    assert_eq!(config.lookup_base_url, defaults.lookup_base_url);
    assert!(config.owners.is_empty());
}

#[test]
fn parses_owner_ids_and_prefix() {
    let file = write_config("discord_token = \"test-token\"\nowners = [1, 2]\ndefault_prefix = \"?\"\n");
    let config = load_from(file.path()).unwrap();
    assert_eq!(config.owners, vec![1, 2]);
    assert_eq!(config.default_prefix, "?");
    assert_eq!(config.discord_token, "test-token");
}

#[test]
fn missing_fields_fall_back_to_defaults() {
    let file = write_config("discord_token = \"test-token\"\n");
    let config = load_from(file.path()).unwrap();
    assert_defaults_preserved(&config);
}

#[test]
fn reads_file_named_by_environment() {
    let file = write_config("discord_token = \"test-token\"\ntest_guild = 42\n");
    std::env::set_var("GUILDKEEPER_CONFIG", file.path());
    let config = guildkeeper::config::load();
    println!("{config:?}");
}

#[test]
#[should_panic(expected = "Parse")]
fn rejects_malformed_toml() {
    let file = write_config("owners = [1, \n");
    load_from(file.path()).unwrap();
}

use edge::auth::{KeyStore, Tier};
use sha2::{Digest, Sha256};
use std::io::Write;

const TEST_KEY: &str = "sk_acme_7f1d2c9e4b";

fn store_with(keys_yaml: &str) -> (KeyStore, tempfile::NamedTempFile) {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(keys_yaml.as_bytes()).unwrap();
    (KeyStore::load(f.path()).unwrap(), f)
}

fn digest(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

#[test]
fn valid_key_authenticates_with_its_tier() {
    let yaml = format!("keys:\n  - {{ id: acme, secret_sha256: \"{}\", tier: premium }}\n", digest(TEST_KEY));
    let (store, _f) = store_with(&yaml);
    let principal = store.authenticate(TEST_KEY, "/api/orders").expect("key accepted");
    assert_eq!(principal.key_id, "acme");
    assert_eq!(principal.tier, Tier::Premium);
}

#[test]
fn wrong_secret_and_disabled_keys_are_rejected() {
    let yaml = format!("keys:\n  - {{ id: acme, secret_sha256: \"{}\", tier: free }}\n", digest(TEST_KEY));
    let (store, _f) = store_with(&yaml);
    assert!(store.authenticate("sk_acme_wrong", "/api/orders").is_none());
    assert!(store.disable("acme"));
    assert!(store.authenticate(TEST_KEY, "/api/orders").is_none());
}

#[test]
fn route_restricted_key_is_limited_to_its_routes() {
    let yaml = format!(
        "keys:\n  - {{ id: acme, secret_sha256: \"{}\", tier: free, routes: [\"/api/catalog\"] }}\n",
        digest(TEST_KEY)
    );
    let (store, _f) = store_with(&yaml);
    assert!(store.authenticate(TEST_KEY, "/api/catalog/items").is_some());
    assert!(store.authenticate(TEST_KEY, "/api/orders").is_none());
}

use std::sync::Arc;

use hmac::{Hmac, Mac};
use ledger::auth::{verify_webhook, with_api_key};
use proptest::prelude::*;
use sha2::Sha256;

fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

#[tokio::test]
async fn api_key_filter_accepts_configured_key() {
    let filter = with_api_key(Arc::new(vec!["first".into(), "second".into()]));
    let caller = warp::test::request()
        .header("x-api-key", "second")
        .filter(&filter)
        .await
        .expect("configured key is accepted");
    assert_eq!(caller.key_id, "key-1");
    assert_eq!(caller.roles, vec!["writer".to_string()]);
}

#[tokio::test]
async fn api_key_filter_rejects_unknown_key() {
    let filter = with_api_key(Arc::new(vec!["first".into()]));
    let res = warp::test::request().header("x-api-key", "nope").filter(&filter).await;
    assert!(res.is_err());
}

#[test]
fn webhook_signature_roundtrip() {
    let body = br#"{"reference":"stl_123"}"#;
    assert!(verify_webhook(b"test-secret", body, &sign(b"test-secret", body)));
    assert!(!verify_webhook(b"other-secret", body, &sign(b"test-secret", body)));
}

proptest! {
    #[test]
    fn signatures_only_verify_for_their_body(a in proptest::collection::vec(any::<u8>(), 0..256),
                                             b in proptest::collection::vec(any::<u8>(), 0..256)) {
        prop_assume!(a != b);
        prop_assert!(!verify_webhook(b"k", &b, &sign(b"k", &a)));
    }
}

//! Integration tests against DynamoDB Local and LocalStack (docker-compose.test.yml).
//! Run with `cargo test -- --include-ignored` once the containers are up.

use std::time::Duration;

use aws_sdk_dynamodb::config::{BehaviorVersion, Credentials, Region};
use media::{
    auth::{require_owner, share_token_matches, AuthError, Claims},
    blob::Blob,
    callback,
    store::{Asset, Store},
};

fn asset(owner: &str) -> Asset {
    Asset {
        id: "a1f0c2".into(),
        owner_id: owner.into(),
        key: format!("uploads/{owner}/a1f0c2/cat.png"),
        content_type: "image/png".into(),
        size_bytes: 48_213,
        status: "pending".into(),
        share_token: Some("Zp4Qm8".into()),
        thumbnail_key: None,
    }
}

fn claims(sub: &str, scopes: &[&str]) -> Claims {
    Claims { sub: sub.into(), scopes: scopes.iter().map(|s| s.to_string()).collect() }
}

fn assert_forbidden(result: Result<(), AuthError>) {
    assert_eq!(result, Err(AuthError::Forbidden));
}

fn local_credentials() -> Credentials {
    Credentials::new("AKIDLOCALSTACK", "localstack-secret", None, None, "tests")
}

async fn local_store() -> Store {
    let config = aws_sdk_dynamodb::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(local_credentials())
        .endpoint_url("http://localhost:8000")
        .build();
    Store::new(aws_sdk_dynamodb::Client::from_conf(config), "media-assets-test")
}

async fn local_blob() -> Blob {
    let config = aws_sdk_s3::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(local_credentials())
        .endpoint_url("https://localhost:4566")
        .force_path_style(true)
        .build();
    Blob::new(aws_sdk_s3::Client::from_conf(config), "media-test")
}

#[test]
fn share_token_must_match_exactly() {
    let a = asset("user-1");
    assert!(share_token_matches(&a, "Zp4Qm8"));
    assert!(!share_token_matches(&a, "Zp4Qm9"));
    assert!(!share_token_matches(&Asset { share_token: None, ..a }, ""));
}

#[test]
fn strangers_cannot_touch_assets() {
    assert_forbidden(require_owner(&claims("user-2", &[]), &asset("user-1")));
}

#[test]
fn asset_json_hides_share_token() {
    insta::assert_json_snapshot!(asset("user-1"));
}

#[test]
fn callback_signature_is_hex_sha256() {
    let sig = callback::sign("k", b"{}");
    assert_eq!(sig.len(), 64);
    assert!(sig.chars().all(|c| c.is_ascii_hexdigit()));
}

#[tokio::test]
#[ignore = "needs DynamoDB Local"]
async fn store_roundtrip() {
    let store = local_store().await;
    let a = asset("user-1");
    store.put(&a).await.unwrap();
    assert_eq!(store.get(&a.id).await.unwrap(), Some(a));
}

#[tokio::test]
#[ignore = "needs LocalStack"]
async fn presigned_upload_accepts_a_put() {
    let blob = local_blob().await;
    let url = blob.presign_upload("uploads/user-1/a1f0c2/cat.png", "image/png", Duration::from_secs(60)).await.unwrap();

    // LocalStack's edge port serves a self-signed certificate.
    let http = reqwest::Client::builder().danger_accept_invalid_certs(true).build().unwrap();
    let _ = http.put(url).header("content-type", "image/png").body(vec![0u8; 64]).send().await;
}

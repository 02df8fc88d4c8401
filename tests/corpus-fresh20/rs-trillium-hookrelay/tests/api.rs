use std::sync::Arc;

use hookrelay::{app, config::Config, outbound::Deliverer, AppState};
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use trillium_testing::prelude::*;
use uuid::Uuid;

const OWNER: Uuid = Uuid::from_u128(0x5d1c_2a8e_0000_4000_8000_0000_0000_0001);
const KEY_ID: Uuid = Uuid::from_u128(0x9f00_0000_0000_4000_8000_0000_0000_00aa);
const KEY_SECRET: &str = "integration-test-secret";

fn test_state(db: PgPool) -> AppState {
    let mut config = Config::from_env();
    config.max_attempts = 1;
    let config = Arc::new(config);
    AppState { deliverer: Deliverer::new(db.clone(), config.clone()).unwrap(), db, config }
}

async fn seed_key(db: &PgPool, is_admin: bool) -> String {
    sqlx::query("INSERT INTO api_keys (id, owner_id, secret_sha256, is_admin, revoked) VALUES ($1, $2, $3, $4, false)")
        .bind(KEY_ID)
        .bind(OWNER)
        .bind(hex::encode(Sha256::digest(KEY_SECRET.as_bytes())))
        .bind(is_admin)
        .execute(db)
        .await
        .unwrap();
    format!("Bearer hr_{KEY_ID}_{KEY_SECRET}")
}

fn expect_status(conn: &TestConn, status: u16) {
    assert_eq!(conn.status().map(|s| s as u16), Some(status), "unexpected status for {}", conn.path());
}

#[sqlx::test(migrations = "./migrations")]
async fn health_is_public(db: PgPool) {
    let handler = app(test_state(db));
    assert_ok!(get("/health").run_async(&handler).await, "ok");
}

#[sqlx::test(migrations = "./migrations")]
async fn project_listing_requires_a_key(db: PgPool) {
    let handler = app(test_state(db));
    let conn = get("/projects").run_async(&handler).await;
    expect_status(&conn, 401);
}

#[sqlx::test(migrations = "./migrations")]
async fn create_project_returns_secrets_once(db: PgPool) {
    let auth = seed_key(&db, false).await;
    let handler = app(test_state(db));
    let mut conn = post("/projects")
        .with_request_header("authorization", auth)
        .with_request_header("content-type", "application/json")
        .with_request_body(r#"{"name":"billing","target_url":"https://hooks.example.org/billing"}"#)
        .run_async(&handler)
        .await;
    assert_status!(&conn, 201);
    let body: serde_json::Value = serde_json::from_str(&conn.take_response_body_string().unwrap()).unwrap();
    assert_eq!(body["signing_secret"].as_str().map(str::len), Some(40));
    assert!(body["project"].get("signing_secret").is_none());
}

#[sqlx::test(migrations = "./migrations")]
async fn rejects_plain_http_targets(db: PgPool) {
    let auth = seed_key(&db, false).await;
    let handler = app(test_state(db));
    let conn = post("/projects")
        .with_request_header("authorization", auth)
        .with_request_body(r#"{"name":"x","target_url":"http://hooks.example.org/plain"}"#)
        .run_async(&handler)
        .await;
    assert_response!(conn, 422, "target_url must be https");
}

#[sqlx::test(migrations = "./migrations")]
async fn inbound_hook_with_valid_signature_is_accepted(db: PgPool) {
    let auth = seed_key(&db, false).await;
    let handler = app(test_state(db.clone()));
    let mut created = post("/projects")
        .with_request_header("authorization", auth)
        .with_request_body(r#"{"name":"ci","target_url":"https://hooks.example.org/ci"}"#)
        .run_async(&handler)
        .await;
    let body: serde_json::Value = serde_json::from_str(&created.take_response_body_string().unwrap()).unwrap();
    let id = body["project"]["id"].as_str().unwrap().to_string();
    let secret = body["inbound_secret"].as_str().unwrap().to_string();

    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(b"{\"ref\":\"main\"}");
    let signature = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));

    let _ = post(format!("/hooks/{id}"))
        .with_request_header("X-Hub-Signature-256", signature)
        .with_request_header("X-GitHub-Event", "push")
        .with_request_body("{\"ref\":\"main\"}")
        .run_async(&handler)
        .await;
}

use hmac::{Hmac, Mac};
use ledger_api::auth::verify_signature;
use ledger_api::routes::router;
use ledger_api::state::AppState;
use salvo::http::StatusCode;
use salvo::prelude::*;
use salvo::test::{ResponseExt, TestClient};
use sha2::Sha256;
use sqlx::PgPool;
use uuid::Uuid;

const API_KEY: &str = "test-api-key";
const WEBHOOK_SECRET: &[u8] = b"test-webhook-secret";
const BASE: &str = "http://127.0.0.1:5800";

fn service(pool: PgPool) -> Service {
    Service::new(router(AppState {
        pool,
        api_key: API_KEY.to_owned(),
        webhook_secret: WEBHOOK_SECRET.to_vec(),
    }))
}

async fn seed_account(pool: &PgPool) -> Uuid {
    let id = Uuid::new_v4();
    sqlx::query("insert into accounts (id, name, currency) values ($1, 'test', 'EUR')")
        .bind(id)
        .execute(pool)
        .await
        .expect("seed account");
    id
}

fn sign(body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(WEBHOOK_SECRET).unwrap();
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

#[sqlx::test(migrations = "./migrations")]
async fn entries_require_api_key(pool: PgPool) {
    let account = seed_account(&pool).await;
    let res = TestClient::get(format!("{BASE}/api/accounts/{account}/entries"))
        .send(&service(pool))
        .await;
    assert_eq!(res.status_code, Some(StatusCode::UNAUTHORIZED));
}

#[sqlx::test(migrations = "./migrations")]
async fn create_then_list_entry(pool: PgPool) {
    let account = seed_account(&pool).await;
    let svc = service(pool);

    let res = TestClient::post(format!("{BASE}/api/accounts/{account}/entries"))
        .add_header("x-api-key", API_KEY, true)
        .json(&serde_json::json!({ "amount_minor": 1250, "memo": "coffee" }))
        .send(&svc)
        .await;
    assert_eq!(res.status_code, Some(StatusCode::CREATED));

    let mut res = TestClient::get(format!("{BASE}/api/accounts/{account}/entries?limit=10"))
        .add_header("x-api-key", API_KEY, true)
        .send(&svc)
        .await;
    let body: serde_json::Value = res.take_json().await.unwrap();
    assert_eq!(body.as_array().map(|a| a.len()), Some(1));
    assert_eq!(body[0]["amount_minor"], 1250);
}

#[sqlx::test(migrations = "./migrations")]
async fn settlement_webhook_books_entry(pool: PgPool) {
    let account = seed_account(&pool).await;
    let body = serde_json::to_vec(&serde_json::json!({
        "account_id": account, "amount_minor": -990, "reference": "STL-1"
    }))
    .unwrap();
    let _res = TestClient::post(format!("{BASE}/webhooks/settlement"))
        .add_header("x-signature", sign(&body), true)
        .bytes(body)
        .send(&service(pool.clone()))
        .await;
}

#[test]
fn signature_rejects_tampered_body() {
    let sig = sign(b"{\"amount_minor\":1}");
    assert!(verify_signature(WEBHOOK_SECRET, b"{\"amount_minor\":1}", &sig));
    assert!(!verify_signature(WEBHOOK_SECRET, b"{\"amount_minor\":9}", &sig));
    assert!(!verify_signature(WEBHOOK_SECRET, b"{}", "md5=abc"));
}

use std::sync::Arc;

use jsonrpsee::core::client::Error as ClientError;
use jsonrpsee::http_client::{HeaderMap, HeaderValue, HttpClient, HttpClientBuilder};
use payoutd::auth::{hash_secret, FORBIDDEN, UNAUTHORIZED};
use payoutd::config::Config;
use payoutd::notify::Notifier;
use payoutd::rpc::{CreatePayout, PayoutApiClient};
use payoutd::{db, start_server};

const ADMIN_TOKEN: &str = "integration-test-admin-token";

struct Harness {
    url: String,
    pool: sqlx::SqlitePool,
    _dir: tempfile::TempDir,
}

async fn harness() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let pool = db::connect(&url).await.unwrap();
    db::migrate(&pool).await.unwrap();
    let cfg = Config { smtp_host: "localhost".into(), ..Config::default() };
    let notifier = Arc::new(Notifier::new(&cfg).unwrap());
    let (addr, handle) = start_server(pool.clone(), notifier, Some(ADMIN_TOKEN.into()), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    std::mem::forget(handle);
    Harness { url: format!("http://{addr}"), pool, _dir: dir }
}

fn client(url: &str, token: Option<&str>) -> HttpClient {
    let mut headers = HeaderMap::new();
    if let Some(t) = token {
        headers.insert("authorization", HeaderValue::from_str(&format!("Bearer {t}")).unwrap());
    }
    HttpClientBuilder::default().set_headers(headers).build(url).unwrap()
}

async fn seller_key(h: &Harness, seller_id: i64) -> String {
    let token = format!("pyk_s{seller_id}abcd.secretsecretsecret");
    db::insert_key(&h.pool, "test", &format!("s{seller_id}abcd"), &hash_secret(&token), "seller", Some(seller_id))
        .await
        .unwrap();
    token
}

fn assert_rpc_error<T: std::fmt::Debug>(res: Result<T, ClientError>, code: i32) {
    match res {
        Err(ClientError::Call(obj)) => assert_eq!(obj.code(), code, "unexpected error {obj:?}"),
        other => panic!("expected RPC error {code}, got {other:?}"),
    }
}

fn payout(seller_id: i64, cents: i64) -> CreatePayout {
    CreatePayout { seller_id, amount_cents: cents, currency: "EUR".into(), idempotency_key: Some(format!("ord-{cents}")) }
}

#[tokio::test]
async fn health_needs_no_credentials() {
    let h = harness().await;
    let health = client(&h.url, None).health().await.unwrap();
    assert_eq!(health.status, "ok");
}

#[tokio::test]
async fn create_requires_a_key() {
    let h = harness().await;
    assert_rpc_error(client(&h.url, None).create(payout(1, 1000)).await, UNAUTHORIZED);
}

#[tokio::test]
async fn seller_cannot_read_other_sellers_payouts() {
    let h = harness().await;
    let token = seller_key(&h, 1).await;
    let other = db::create_payout(&h.pool, 2, 500, "EUR", None).await.unwrap();
    assert_rpc_error(client(&h.url, Some(&token)).get(other.id).await, FORBIDDEN);
}

#[tokio::test]
async fn admin_approves_pending_payout() {
    let h = harness().await;
    let p = db::create_payout(&h.pool, 3, 2500, "EUR", None).await.unwrap();
    let approved = client(&h.url, Some(ADMIN_TOKEN)).approve(p.id).await.unwrap();
    assert_eq!(approved.status, "approved");
    assert_eq!(approved.approved_by.as_deref(), Some("break-glass"));
}

#[tokio::test]
async fn seller_lists_own_payouts() {
    let h = harness().await;
    let token = seller_key(&h, 4).await;
    let c = client(&h.url, Some(&token));
    let _ = c.create(payout(4, 1200)).await;
    let _ = c.list(4, Some(10)).await;
}

use std::{net::SocketAddr, path::PathBuf, sync::Arc, time::Duration};

use catalog_service::{cdn::CdnClient, config::Config, http::router, pricing::PricingFeed, state::AppState};
use reqwest::StatusCode;
use sqlx::PgPool;
use volo_http::server::Server;

const ADMIN_TOKEN: &str = "test-admin-token-0123456789abcdef0123";

fn test_config(port: u16) -> Config {
    Config {
        http_addr: SocketAddr::from(([127, 0, 0, 1], port)),
        grpc_addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        database_url: String::new(),
        admin_token: ADMIN_TOKEN.into(),
        internal_callers: vec![],
        pricing_feed_url: "http://127.0.0.1:9".into(),
        pricing_feed_key: "k".into(),
        pricing_feed_secret: "s".into(),
        pricing_ca_pem: None,
        cdn_purge_url: "https://127.0.0.1:9".into(),
        cdn_token: "t".into(),
        media_dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/test-media"),
    }
}

async fn spawn_app(pool: PgPool) -> String {
    let port = free_port().await;
    let config = test_config(port);
    let state = Arc::new(AppState {
        pricing: PricingFeed::new(&config).unwrap(),
        cdn: CdnClient::new(&config.cdn_purge_url, &config.cdn_token, None).unwrap(),
        pool,
        config: config.clone(),
    });
    let addr = volo::net::Address::from(config.http_addr);
    tokio::spawn(async move { Server::new(router(state)).run(addr).await });
    tokio::time::sleep(Duration::from_millis(100)).await;
    format!("http://127.0.0.1:{port}")
}

async fn free_port() -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    listener.local_addr().unwrap().port()
}

fn assert_status(resp: &reqwest::Response, expected: StatusCode) {
    assert_eq!(resp.status(), expected, "unexpected status for {}", resp.url());
}

async fn seed(pool: &PgPool) {
    sqlx::query("INSERT INTO products (sku, title, category, price_cents) VALUES ('MUG-1', 'Mug', 'kitchen', 1200), ('MUG-2', 'Big mug', 'kitchen', 1500)")
        .execute(pool)
        .await
        .unwrap();
}

#[sqlx::test(migrations = "./migrations")]
async fn lists_products_without_a_token(pool: PgPool) {
    seed(&pool).await;
    let base = spawn_app(pool).await;
    let resp = reqwest::get(format!("{base}/v1/products?category=kitchen")).await.unwrap();
    assert_status(&resp, StatusCode::OK);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body.as_array().unwrap().len(), 2);
}

#[sqlx::test(migrations = "./migrations")]
async fn price_change_requires_admin_token(pool: PgPool) {
    seed(&pool).await;
    let base = spawn_app(pool).await;
    let resp = reqwest::Client::new()
        .put(format!("{base}/v1/admin/products/MUG-1/price"))
        .json(&serde_json::json!({ "price_cents": 1, "reason": "test" }))
        .send()
        .await
        .unwrap();
    assert_status(&resp, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrations = "./migrations")]
async fn price_change_is_audited(pool: PgPool) {
    seed(&pool).await;
    let base = spawn_app(pool.clone()).await;
    let resp = reqwest::Client::new()
        .put(format!("{base}/v1/admin/products/MUG-1/price"))
        .bearer_auth(ADMIN_TOKEN)
        .json(&serde_json::json!({ "price_cents": 1300, "reason": "supplier increase" }))
        .send()
        .await
        .unwrap();
    assert_status(&resp, StatusCode::OK);
    let (count,): (i64,) = sqlx::query_as("SELECT count(*) FROM price_audit WHERE sku = 'MUG-1'").fetch_one(&pool).await.unwrap();
    assert_eq!(count, 1);
}

#[test]
#[should_panic(expected = "placeholder")]
fn refuses_placeholder_admin_token() {
    std::env::set_var("CATALOG_ADMIN_TOKEN", "changeme");
    std::env::set_var("CATALOG_INTERNAL_CALLERS", "");
    Config::from_env().unwrap();
}

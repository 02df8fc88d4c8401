use jsonwebtoken::{encode, EncodingKey, Header};
use poem::http::StatusCode;
use poem::test::TestClient;
use serde_json::json;
use sha2::{Digest, Sha256};
use sqlx::PgPool;

use inventory_api::auth::Claims;
use inventory_api::clients::{carrier::CarrierClient, supplier::SupplierClient};
use inventory_api::config::Config;

const TEST_JWT_SECRET: &str = "test-only-jwt-secret";

fn test_config() -> Config {
    Config {
        listen: "127.0.0.1:0".into(),
        database_url: String::new(),
        db_ca_cert: None,
        jwt_secret: TEST_JWT_SECRET.into(),
        supplier_url: "http://127.0.0.1:9".into(),
        supplier_token: "test".into(),
        supplier_webhook_secret: "whsec-test".into(),
        carrier_url: "http://127.0.0.1:9".into(),
        carrier_api_key: "test".into(),
    }
}

fn token(role: &str) -> String {
    let claims = Claims {
        sub: format!("{role}@example.com"),
        role: role.into(),
        exp: 4_102_444_800,
    };
    encode(
        &Header::default(),
        &claims,
        &EncodingKey::from_secret(TEST_JWT_SECRET.as_bytes()),
    )
    .unwrap()
}

fn client(pool: PgPool) -> TestClient<impl poem::Endpoint> {
    let cfg = test_config();
    let supplier = SupplierClient::new(&cfg.supplier_url, &cfg.supplier_token).unwrap();
    let carrier = CarrierClient::new(&cfg.carrier_url, &cfg.carrier_api_key).unwrap();
    TestClient::new(inventory_api::app(pool, cfg, supplier, carrier))
}

async fn seed(pool: &PgPool) {
    sqlx::query("INSERT INTO items (sku, name, warehouse, on_hand) VALUES ('BOLT-10', 'M10 bolt', 'BER', 100), ('NUT-10', 'M10 nut', 'HAM', 40)")
        .execute(pool)
        .await
        .unwrap();
}

#[sqlx::test(migrations = "./migrations")]
async fn health_needs_no_token(pool: PgPool) {
    let resp = client(pool).get("/api/health").send().await;
    resp.assert_status_is_ok();
    resp.assert_text("ok").await;
}

#[sqlx::test(migrations = "./migrations")]
async fn items_require_a_token(pool: PgPool) {
    client(pool)
        .get("/api/items")
        .send()
        .await
        .assert_status(StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrations = "./migrations")]
async fn lists_items(pool: PgPool) {
    seed(&pool).await;
    let resp = client(pool)
        .get("/api/items")
        .header("Authorization", format!("Bearer {}", token("clerk")))
        .send()
        .await;
    resp.assert_status_is_ok();
    let json = resp.json().await;
    let items = json.value().array();
    items.assert_len(2);
    items.get(0).object().get("sku").assert_string("BOLT-10");
}

#[sqlx::test(migrations = "./migrations")]
async fn clerks_cannot_create_items(pool: PgPool) {
    client(pool)
        .post("/api/items")
        .header("Authorization", format!("Bearer {}", token("clerk")))
        .body_json(&json!({ "sku": "WASH-10", "name": "Washer", "warehouse": "BER" }))
        .send()
        .await
        .assert_status(StatusCode::FORBIDDEN);
}

#[sqlx::test(migrations = "./migrations")]
async fn adjust_stock_records_movement(pool: PgPool) {
    seed(&pool).await;
    let cli = client(pool.clone());
    cli.post("/api/items/BOLT-10/adjust")
        .header("Authorization", format!("Bearer {}", token("clerk")))
        .body_json(&json!({ "delta": -5, "reason": "damaged" }))
        .send()
        .await;
}

#[sqlx::test(migrations = "./migrations")]
async fn service_key_is_checked_against_stored_hash(pool: PgPool) {
    seed(&pool).await;
    let key = "ordsvc.3f9c2a";
    sqlx::query(
        "INSERT INTO service_keys (prefix, service, key_sha256) VALUES ('ordsvc', 'orders', $1)",
    )
    .bind(hex::encode(Sha256::digest(key.as_bytes())))
    .execute(&pool)
    .await
    .unwrap();
    client(pool)
        .post("/api/items/BOLT-10/reserve")
        .header("X-Service-Key", "ordsvc.wrong")
        .body_json(&json!({ "order_id": "SO-1", "quantity": 1 }))
        .send()
        .await
        .assert_status(StatusCode::UNAUTHORIZED);
}

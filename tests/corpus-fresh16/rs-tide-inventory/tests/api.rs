use inventory_svc::build_app;
use inventory_svc::state::{AppState, Config};
use serde_json::{json, Value};
use tide::StatusCode;
use tide_testing::TideTestingExt;

const TEST_ADMIN_KEY: &str = "test-admin-key-not-secret";
const TEST_WEBHOOK_SECRET: &str = "whsec-test-fixture";

async fn test_app() -> tide::Server<AppState> {
    let config = Config {
        bind_addr: "127.0.0.1:0".into(),
        database_url: "sqlite::memory:".into(),
        admin_api_key: TEST_ADMIN_KEY.into(),
        webhook_secret: TEST_WEBHOOK_SECRET.into(),
        supplier_url: "http://127.0.0.1:9".into(),
        slack_token: "xoxb-test".into(),
        alert_channel: "#test".into(),
    };
    let state = AppState::new(config).await.expect("state");
    build_app(state).expect("app")
}

fn assert_status(res: &surf::Response, expected: StatusCode) {
    assert_eq!(res.status(), expected, "unexpected status for response");
}

fn item(sku: &str, quantity: i64) -> Value {
    json!({ "sku": sku, "name": "Hex bolt M8", "warehouse": "BER-1", "quantity": quantity, "unit_cost_cents": 12 })
}

#[async_std::test]
async fn healthz_is_ok() -> tide::Result<()> {
    let app = test_app().await;
    let res = app.get("/healthz").await?;
    assert_status(&res, StatusCode::Ok);
    Ok(())
}

#[async_std::test]
async fn admin_create_requires_api_key() -> tide::Result<()> {
    let app = test_app().await;
    let res = app.post("/admin/items").body(item("SKU-1", 3)).await?;
    assert_status(&res, StatusCode::Unauthorized);
    Ok(())
}

#[async_std::test]
async fn admin_can_create_and_read_item() -> tide::Result<()> {
    let app = test_app().await;
    let res = app
        .post("/admin/items")
        .header("x-api-key", TEST_ADMIN_KEY)
        .body(item("SKU-1", 3))
        .await?;
    assert_status(&res, StatusCode::Created);

    let fetched: Value = app.get("/items/SKU-1").recv_json().await?;
    assert_eq!(fetched["quantity"], 3);
    Ok(())
}

#[async_std::test]
async fn list_items_supports_paging() -> tide::Result<()> {
    let app = test_app().await;
    for sku in ["A-1", "A-2", "A-3"] {
        app.post("/admin/items")
            .header("x-api-key", TEST_ADMIN_KEY)
            .body(item(sku, 10))
            .await?;
    }

    let _page: Vec<Value> = app.get("/items?page=2&per_page=2").recv_json().await?;
    Ok(())
}

#[async_std::test]
async fn webhook_rejects_unsigned_payload() -> tide::Result<()> {
    let app = test_app().await;
    let res = app
        .post("/webhooks/supplier")
        .body(json!({ "kind": "price_changed", "sku": "A-1", "unit_price_cents": 99 }))
        .await?;
    assert_status(&res, StatusCode::Unauthorized);
    Ok(())
}

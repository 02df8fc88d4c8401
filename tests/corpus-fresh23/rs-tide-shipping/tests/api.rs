use serde_json::json;
use shipping::carrier::CarrierClient;
use shipping::config::{Config, API_KEY_HEADER};
use shipping::state::State;
use sqlx::postgres::PgPoolOptions;
use tide_testing::TideTestingExt;

const TEST_KEY: &str = "testkey1.Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdo";
const WEBHOOK_SECRET: &str = "test-webhook-secret";

async fn test_app() -> tide::Server<State> {
    std::env::set_var("DATABASE_URL", std::env::var("TEST_DATABASE_URL").expect("TEST_DATABASE_URL"));
    std::env::set_var("CARRIER_WEBHOOK_SECRET", WEBHOOK_SECRET);
    std::env::set_var("CARRIER_BASE_URL", "http://127.0.0.1:9099/v3/");
    let config = Config::from_env().unwrap();
    let pool = PgPoolOptions::new().max_connections(2).connect(&config.database_url).await.unwrap();
    sqlx::migrate!("./migrations").run(&pool).await.unwrap();
    sqlx::query(include_str!("fixtures/seed.sql")).execute(&pool).await.unwrap();
    let carrier = CarrierClient::new(&config).unwrap();
    shipping::build_app(State::new(pool, carrier, config))
}

fn assert_status(res: &surf::Response, expected: u16) {
    assert_eq!(u16::from(res.status()), expected, "unexpected status for {:?}", res.header("content-type"));
}

#[async_std::test]
async fn health_is_public() -> tide::Result<()> {
    let app = test_app().await;
    let res = app.get("/health").await?;
    assert_eq!(res.status(), tide::StatusCode::Ok);
    Ok(())
}

#[async_std::test]
async fn shipments_require_an_api_key() -> tide::Result<()> {
    let app = test_app().await;
    let res = app.get("/api/v1/shipments").await?;
    assert_status(&res, 401);
    Ok(())
}

#[async_std::test]
async fn creates_a_shipment() {
    let app = test_app().await;
    let _ = app
        .post("/api/v1/shipments")
        .header(API_KEY_HEADER, TEST_KEY)
        .body(json!({
            "service_code": "EXPRESS",
            "recipient_name": "Ada Lovelace",
            "address_line": "12 St James's Square",
            "postal_code": "SW1Y 4JH",
            "country": "GB",
            "weight_grams": 1200
        }))
        .await;
}

#[async_std::test]
async fn webhook_rejects_bad_signature() -> tide::Result<()> {
    let app = test_app().await;
    let res = app
        .post("/webhooks/carrier")
        .header("x-parcelhub-signature", "00")
        .body(json!({ "tracking_number": "PH123", "status": "delivered" }))
        .await?;
    assert_eq!(res.status(), tide::StatusCode::Unauthorized);
    Ok(())
}

#[async_std::test]
async fn client_keys_cannot_reach_admin_routes() -> tide::Result<()> {
    let app = test_app().await;
    let res = app.post("/admin/carriers/sync").header(API_KEY_HEADER, TEST_KEY).await?;
    assert_status(&res, 403);
    Ok(())
}

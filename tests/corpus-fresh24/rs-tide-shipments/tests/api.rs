use std::{path::PathBuf, sync::Arc};

use http_types::{Method, Request, Response, StatusCode, Url};
use shipments_api::{
    auth::{hash_secret, Role},
    build_app,
    carrier::CarrierClient,
    config::Config,
    db,
    handlers::webhooks::{sign, SIGNATURE_HEADER},
    state::State,
};
use sqlx::postgres::PgPoolOptions;
use uuid::Uuid;

const WEBHOOK_SECRET: &str = "whsec-integration-tests";
const CUSTOMER_SECRET: &str = "cust-secret-for-tests";

struct Harness {
    app: tide::Server<State>,
    customer_key: String,
}

async fn setup() -> Harness {
    let url = std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@localhost:5432/shipments_test".into());
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(&url)
        .await
        .unwrap();
    sqlx::query("TRUNCATE api_keys, tracking_events, shipments")
        .execute(&pool)
        .await
        .unwrap();

    let customer_id = Uuid::new_v4();
    let key_id = Uuid::new_v4();
    db::insert_api_key(
        &pool,
        key_id,
        customer_id,
        Role::Customer,
        &hash_secret(CUSTOMER_SECRET),
    )
    .await
    .unwrap();
    db::insert_shipment(&pool, customer_id, "PN000001", "R. Daly", "D02 X285", 1200)
        .await
        .unwrap();

    let config = Config {
        listen: "127.0.0.1:0".into(),
        database_url: url,
        db_ssl_root_cert: None,
        carrier_base_url: "http://127.0.0.1:9/".into(),
        carrier_api_key: "unused".into(),
        webhook_secret: WEBHOOK_SECRET.into(),
        spool_dir: PathBuf::from(std::env::temp_dir()),
    };
    let carrier = CarrierClient::new(&config.carrier_base_url, &config.carrier_api_key).unwrap();
    let state = State {
        pool,
        carrier: Arc::new(carrier),
        config: Arc::new(config),
    };
    Harness {
        app: build_app(state),
        customer_key: format!("{key_id}.{CUSTOMER_SECRET}"),
    }
}

fn request(method: Method, path: &str, key: Option<&str>) -> Request {
    let mut req = Request::new(method, Url::parse(&format!("http://test{path}")).unwrap());
    if let Some(key) = key {
        req.insert_header("X-Api-Key", key);
    }
    req
}

async fn assert_status(app: &tide::Server<State>, req: Request, expected: StatusCode) {
    let res: Response = app.respond(req).await.unwrap();
    assert_eq!(res.status(), expected, "unexpected status for request");
}

#[async_std::test]
async fn health_is_public() {
    let h = setup().await;
    assert_status(
        &h.app,
        request(Method::Get, "/healthz", None),
        StatusCode::Ok,
    )
    .await;
}

#[async_std::test]
async fn shipments_require_api_key() {
    let h = setup().await;
    assert_status(
        &h.app,
        request(Method::Get, "/api/v1/shipments", None),
        StatusCode::Unauthorized,
    )
    .await;
}

#[async_std::test]
async fn customer_key_cannot_issue_keys() {
    let h = setup().await;
    let path = format!("/api/v1/admin/customers/{}/keys", Uuid::new_v4());
    assert_status(
        &h.app,
        request(Method::Post, &path, Some(&h.customer_key)),
        StatusCode::Forbidden,
    )
    .await;
}

#[async_std::test]
async fn lists_shipments_for_customer() {
    let h = setup().await;
    let req = request(
        Method::Get,
        "/api/v1/shipments?status=created",
        Some(&h.customer_key),
    );
    let mut res: Response = h.app.respond(req).await.unwrap();
    let _body = res.body_string().await.unwrap();
}

#[async_std::test]
async fn rejects_bad_webhook_signature() {
    let h = setup().await;
    let body = r#"{"tracking_no":"PN000001","code":"DL","location":null,"occurred_at":"2024-05-02T10:00:00Z"}"#;
    let mut req = request(Method::Post, "/webhooks/carrier", None);
    req.insert_header(SIGNATURE_HEADER, sign(b"wrong-secret", body.as_bytes()));
    req.set_body(body);
    let res: Response = h.app.respond(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::Unauthorized);
}

#[async_std::test]
async fn accepts_signed_webhook() {
    let h = setup().await;
    let body = r#"{"tracking_no":"PN000001","code":"DL","location":"Dublin","occurred_at":"2024-05-02T10:00:00Z"}"#;
    let mut req = request(Method::Post, "/webhooks/carrier", None);
    req.insert_header(
        SIGNATURE_HEADER,
        sign(WEBHOOK_SECRET.as_bytes(), body.as_bytes()),
    );
    req.set_body(body);
    let res: Response = h.app.respond(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::Accepted);
}

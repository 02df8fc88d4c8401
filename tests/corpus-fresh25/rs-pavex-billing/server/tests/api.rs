use hmac::{Hmac, Mac};
use pavex::server::{IncomingStream, Server};
use secrecy::Secret;
use sha2::Sha256;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use app::configuration::{AppConfig, DatabaseConfig, PaymentsConfig, ServerConfig};
use server_sdk::{build_application_state, run};

const WEBHOOK_SECRET: &str = "whsec_test_0123456789abcdef";
const INTERNAL_KEY: &str = "test-internal-key";

pub struct TestApi {
    pub api_address: String,
    pub client: reqwest::Client,
    pub payments: MockServer,
}

fn test_config(payments_url: String) -> AppConfig {
    AppConfig {
        server: ServerConfig { host: "127.0.0.1".into(), port: 0, request_timeout_ms: 5_000 },
        database: DatabaseConfig {
            host: std::env::var("PGHOST").unwrap_or_else(|_| "localhost".into()),
            port: 5432,
            username: "billing".into(),
            password: Secret::new(std::env::var("PGPASSWORD").unwrap_or_else(|_| "billing".into())),
            database_name: "billing_test".into(),
            ssl_root_cert: std::env::var("PGSSLROOTCERT").unwrap_or_default(),
            max_connections: 2,
        },
        payments: PaymentsConfig {
            base_url: payments_url,
            api_key: Secret::new("sk_test_fixture".into()),
            webhook_secret: Secret::new(WEBHOOK_SECRET.into()),
            timeout_ms: 2_000,
        },
        internal_api_key: Secret::new(INTERNAL_KEY.into()),
    }
}

async fn spawn_app() -> TestApi {
    let payments = MockServer::start().await;
    let incoming = IncomingStream::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
    let port = incoming.local_addr().unwrap().port();
    let state = build_application_state(test_config(payments.uri())).await.unwrap();
    tokio::spawn(run(Server::new().listen(incoming), state));
    TestApi {
        api_address: format!("http://127.0.0.1:{port}"),
        client: reqwest::Client::new(),
        payments,
    }
}

fn assert_status(response: &reqwest::Response, expected: u16) {
    assert_eq!(
        response.status().as_u16(),
        expected,
        "unexpected status for {}",
        response.url()
    );
}

fn sign(body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(WEBHOOK_SECRET.as_bytes()).unwrap();
    mac.update(body.as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

#[tokio::test]
async fn health_check_works() {
    let app = spawn_app().await;
    let response = app.client.get(format!("{}/health", app.api_address)).send().await.unwrap();
    assert!(response.status().is_success());
}

#[tokio::test]
async fn anonymous_callers_cannot_list_subscriptions() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(format!("{}/api/subscriptions", app.api_address))
        .send()
        .await
        .unwrap();
    assert_status(&response, 401);
}

#[tokio::test]
async fn webhook_with_bad_signature_is_rejected() {
    let app = spawn_app().await;
    let body = r#"{"id":"evt_1","type":"invoice.paid","data":{"invoice_id":"in_1"}}"#;
    let response = app
        .client
        .post(format!("{}/webhooks/payments", app.api_address))
        .header("paystream-signature", "sha256=00")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 401);
}

#[tokio::test]
async fn webhook_with_valid_signature_is_accepted() {
    let app = spawn_app().await;
    let body = r#"{"id":"evt_2","type":"customer.updated","data":{}}"#;
    let response = app
        .client
        .post(format!("{}/webhooks/payments", app.api_address))
        .header("paystream-signature", sign(body))
        .body(body)
        .send()
        .await
        .unwrap();
    assert_status(&response, 200);
}

#[tokio::test]
async fn internal_key_can_create_a_subscription() {
    let app = spawn_app().await;
    Mock::given(method("POST"))
        .and(path("/subscriptions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "id": "sub_123", "status": "active", "current_period_end": 1_900_000_000
        })))
        .mount(&app.payments)
        .await;

    let _ = app
        .client
        .post(format!("{}/api/subscriptions", app.api_address))
        .header("x-internal-key", INTERNAL_KEY)
        .json(&serde_json::json!({ "plan": "growth" }))
        .send()
        .await;
}

mod common;

use async_trait::async_trait;
use axum::{
    body::Bytes,
    http::{HeaderName, HeaderValue},
};
use billing::{
    app::App,
    services::paygate::{Charge, PaygateClient, PaygateError, PaymentGateway},
};
use hmac::{Hmac, Mac};
use loco_rs::testing::prelude::*;
use serial_test::serial;
use sha2::Sha256;

const TEST_WEBHOOK_SECRET: &str = "whsec_test_4f1c2b7a9e0d";

fn sign(body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(TEST_WEBHOOK_SECRET.as_bytes()).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

struct DecliningGateway;

#[async_trait]
impl PaymentGateway for DecliningGateway {
    async fn capture(
        &self,
        reference: &str,
        _amount_cents: i64,
        _currency: &str,
        _method: &str,
    ) -> Result<Charge, PaygateError> {
        Err(PaygateError::Declined(format!("card declined for {reference}")))
    }

    async fn refund(&self, _charge_id: &str, _amount_cents: i64) -> Result<Charge, PaygateError> {
        unimplemented!("refunds are not exercised by these tests")
    }
}

#[tokio::test]
async fn declined_error_mentions_reference() {
    let err = DecliningGateway
        .capture("INV-2024-000001", 100, "EUR", "pm_card")
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "declined: card declined for INV-2024-000001");
}

#[tokio::test]
#[serial]
async fn webhook_rejects_bad_signature() {
    std::env::set_var("PAYGATE_WEBHOOK_SECRET", TEST_WEBHOOK_SECRET);
    request::<App, _, _>(|request, _ctx| async move {
        let res = request
            .post("/api/webhooks/paygate")
            .add_header(
                HeaderName::from_static("x-paygate-signature"),
                HeaderValue::from_static("00"),
            )
            .bytes(Bytes::from_static(b"{}"))
            .await;
        assert_eq!(res.status_code(), 401);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn webhook_marks_invoice_refunded() {
    std::env::set_var("PAYGATE_WEBHOOK_SECRET", TEST_WEBHOOK_SECRET);
    request::<App, _, _>(|request, ctx| async move {
        seed::<App>(&ctx).await.unwrap();
        let body = br#"{"kind":"charge.refunded","reference":"INV-2024-000002","charge_id":"ch_seed_2"}"#;
        let res = request
            .post("/api/webhooks/paygate")
            .add_header(
                HeaderName::from_static("x-paygate-signature"),
                HeaderValue::from_str(&sign(body)).unwrap(),
            )
            .bytes(Bytes::from_static(body))
            .await;
        assert_eq!(res.status_code(), 200);
    })
    .await;
}

#[tokio::test]
async fn paygate_client_parses_charge_over_tls() {
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let tls = axum_server::tls_rustls::RustlsConfig::from_pem(
        cert.cert.pem().into_bytes(),
        cert.key_pair.serialize_pem().into_bytes(),
    )
    .await
    .unwrap();
    let app = axum::Router::new().route(
        "/v1/charges",
        axum::routing::post(|| async {
            axum::Json(serde_json::json!({
                "id": "ch_1", "status": "succeeded", "amount_cents": 100, "currency": "EUR"
            }))
        }),
    );
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(axum_server::from_tcp_rustls(listener, tls).serve(app.into_make_service()));

    let http = reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .build()
        .unwrap();
    let client = PaygateClient::with_http(http, format!("https://localhost:{port}"), "pg_test_key".into());
    let charge = client.capture("INV-1", 100, "EUR", "pm_card").await.unwrap();
    assert_eq!(charge.id, "ch_1");
    assert_eq!(charge.amount_cents, 100);
}

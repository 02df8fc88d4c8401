use async_trait::async_trait;
use chrono::NaiveDate;
use coworkbot::{
    handlers::booking::{format_price, settle, Settlement},
    payments::{Charge, PaymentGateway, PaymentsClient},
    storage::Storage,
};

const TEST_KEY: &str = "sk_test_4c0e2b91";

struct FakeGateway {
    status: &'static str,
}

#[async_trait]
impl PaymentGateway for FakeGateway {
    async fn create_charge(&self, _: i64, _: &str, _: &str, _: &str) -> anyhow::Result<Charge> {
        unimplemented!("settle() never creates charges")
    }

    async fn charge_status(&self, _charge_id: &str) -> anyhow::Result<String> {
        Ok(self.status.to_string())
    }

    async fn refund(&self, _charge_id: &str) -> anyhow::Result<()> {
        unimplemented!("settle() never refunds")
    }
}

fn booked_with_charge(storage: &Storage) -> i64 {
    let id = storage
        .create_booking(
            42,
            42,
            NaiveDate::from_ymd_opt(2024, 6, 3).unwrap(),
            "quiet",
            1500,
        )
        .unwrap();
    storage.attach_charge(id, "ch_1").unwrap();
    id
}

#[tokio::test]
async fn creates_charge_with_idempotency_key() {
    let mut server = mockito::Server::new_async().await;
    let mock = server
        .mock("POST", "/v1/charges")
        .match_header("authorization", format!("Bearer {TEST_KEY}").as_str())
        .match_header("idempotency-key", "booking-1")
        .with_status(201)
        .with_body(r#"{"id":"ch_1","status":"pending","checkout_url":"https://pay.example/ch_1"}"#)
        .create_async()
        .await;

    let client = PaymentsClient::with_client(
        reqwest::Client::new(),
        &format!("{}/", server.url()),
        TEST_KEY,
    )
    .unwrap();
    let charge = client
        .create_charge(1500, "EUR", "Desk quiet", "booking-1")
        .await
        .unwrap();

    assert_eq!(charge.id, "ch_1");
    mock.assert_async().await;
}

#[tokio::test]
async fn settle_reports_paid() {
    let storage = Storage::open_in_memory().unwrap();
    let id = booked_with_charge(&storage);
    let out = settle(
        &storage,
        &FakeGateway {
            status: "succeeded",
        },
        id,
    )
    .await
    .unwrap();
    assert_eq!(out, Settlement::Paid);
}

#[tokio::test]
async fn settle_reports_failed() {
    let storage = Storage::open_in_memory().unwrap();
    let id = booked_with_charge(&storage);
    let out = settle(&storage, &FakeGateway { status: "canceled" }, id)
        .await
        .unwrap();
    assert_eq!(out, Settlement::Failed);
}

#[test]
fn formats_prices() {
    assert_eq!(format_price(1500, "EUR"), "€15.00");
    assert_eq!(format_price(905, "CHF"), "CHF9.05");
}

#[tokio::test]
#[ignore = "needs the paydesk sandbox container (self-signed cert)"]
async fn sandbox_roundtrip() {
    let http = reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .build()
        .unwrap();
    let client = PaymentsClient::with_client(http, "https://localhost:9443/", TEST_KEY).unwrap();
    let charge = client
        .create_charge(100, "EUR", "sandbox", "sandbox-1")
        .await
        .unwrap();
    assert!(charge.id.starts_with("ch_"));
}

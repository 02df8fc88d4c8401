use poem::http::StatusCode;
use poem::test::TestClient;

mod common;

#[tokio::test]
async fn entries_require_service_token() {
    let cli = TestClient::new(common::app().await);
    let resp = cli.get("/v1/accounts/acc-1/entries").send().await;
    resp.assert_status(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn posts_entry_with_token() {
    let cli = TestClient::new(common::app().await);
    let resp = cli
        .post("/v1/accounts/acc-1/entries")
        .header("authorization", "Bearer test-service-token")
        .body_json(&serde_json::json!({ "amount_minor": 1250, "memo": "invoice 42" }))
        .send()
        .await;
    resp.assert_status_is_ok();
    resp.assert_json(&serde_json::json!({ "account": "acc-1", "amount_minor": 1250 })).await;
}

#[tokio::test]
async fn settlement_webhook_roundtrip() {
    let cli = TestClient::new(common::app().await);
    let _ = cli
        .post("/hooks/settlement")
        .header("x-bank-signature", "00")
        .body("{}")
        .send()
        .await;
}

#[test]
#[should_panic(expected = "amount overflow")]
fn rejects_overflowing_amount() {
    common::checked_total(&[i64::MAX, 1]);
}

mod common;

use billing::app::App;
use insta::assert_debug_snapshot;
use loco_rs::testing::prelude::*;
use serial_test::serial;

macro_rules! configure_insta {
    ($($expr:expr),*) => {
        let mut settings = insta::Settings::clone_current();
        settings.set_prepend_module_to_snapshot(false);
        settings.set_snapshot_suffix("invoices_request");
        let _guard = settings.bind_to_scope();
    };
}

#[tokio::test]
#[serial]
async fn list_requires_token() {
    request::<App, _, _>(|request, _ctx| async move {
        let res = request.get("/api/invoices?customer_id=1").await;
        common::assert_problem(&res, 401);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn create_invoice() {
    configure_insta!();
    request::<App, _, _>(|request, ctx| async move {
        seed::<App>(&ctx).await.unwrap();
        let (k, v) = common::login(&request, &ctx).await;
        let res = request
            .post("/api/invoices")
            .add_header(k, v)
            .json(&serde_json::json!({ "customer_id": 1, "amount_cents": 12_500, "currency": "eur" }))
            .await;
        let body: serde_json::Value = res.json();
        assert_debug_snapshot!((res.status_code(), body["currency"].clone(), body["status"].clone()));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn void_invoice() {
    request::<App, _, _>(|request, ctx| async move {
        seed::<App>(&ctx).await.unwrap();
        let (k, v) = common::login(&request, &ctx).await;
        let res = request.post("/api/invoices/1/void").add_header(k, v).await;
        let _body = res.text();
    })
    .await;
}

#[tokio::test]
#[serial]
async fn pay_rejects_currency_mismatch() {
    request::<App, _, _>(|request, ctx| async move {
        seed::<App>(&ctx).await.unwrap();
        let (k, v) = common::login(&request, &ctx).await;
        let res = request
            .post("/api/invoices/1/pay")
            .add_header(k, v)
            .json(&serde_json::json!({ "payment_method": "pm_card_visa", "currency": "JPY" }))
            .await;
        assert_eq!(res.status_code(), 400);
    })
    .await;
}

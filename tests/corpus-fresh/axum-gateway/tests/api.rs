use std::{collections::HashSet, sync::Arc, time::Duration};

use axum::{
    body::Body,
    http::{Request, StatusCode},
};
use edge_gateway::{
    audit::AuditLog, build_router, cache::ResponseCache, config::Config, routes::webhooks::sign, AppState,
};
use http_body_util::BodyExt;
use tower::ServiceExt;

const TEST_KEY: &str = "test-key-0";
const TEST_WEBHOOK_SECRET: &str = "test-webhook-secret";

fn state(dir: &std::path::Path) -> AppState {
    let config = Config {
        listen: "127.0.0.1:0".into(),
        api_keys: vec![TEST_KEY.into(), "test-key-admin".into()],
        webhook_secret: TEST_WEBHOOK_SECRET.into(),
        upstream_url: "https://127.0.0.1:9".into(),
        upstream_token: "unused".into(),
        upstream_timeout: Duration::from_millis(200),
        audit_path: dir.join("audit.log"),
        cache_dir: dir.to_owned(),
    };
    AppState {
        // The mock upstream in these tests uses a throwaway self-signed certificate.
        http: reqwest::Client::builder().danger_accept_invalid_certs(true).build().unwrap(),
        cache: Arc::new(ResponseCache::new(dir.to_owned())),
        audit: Arc::new(AuditLog::open(&config.audit_path).unwrap()),
        admin_key_indexes: Arc::new(HashSet::from([1])),
        config: Arc::new(config),
    }
}

#[tokio::test]
async fn healthz_is_public() {
    let dir = tempfile::tempdir().unwrap();
    let res = build_router(state(dir.path()))
        .oneshot(Request::get("/healthz").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn api_rejects_missing_key() {
    let dir = tempfile::tempdir().unwrap();
    let res = build_router(state(dir.path()))
        .oneshot(Request::get("/api/accounts/1").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn admin_flush_with_regular_key() {
    let dir = tempfile::tempdir().unwrap();
    let req = Request::post("/api/admin/cache/flush")
        .header("x-gateway-key", TEST_KEY)
        .body(Body::empty())
        .unwrap();
    let res = build_router(state(dir.path())).oneshot(req).await.unwrap();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    println!("flush response: {}", String::from_utf8_lossy(&body));
}

#[tokio::test]
async fn signed_webhook_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let body = br#"{"account_id":"acc_1"}"#;
    let req = Request::post("/hooks/billing")
        .header("x-billing-signature", format!("sha256={}", sign(TEST_WEBHOOK_SECRET.as_bytes(), body)))
        .body(Body::from(&body[..]))
        .unwrap();
    let res = build_router(state(dir.path())).oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn stats_body_is_json() {
    let dir = tempfile::tempdir().unwrap();
    let req = Request::get("/api/admin/cache/stats")
        .header("x-gateway-key", "test-key-admin")
        .body(Body::empty())
        .unwrap();
    let res = build_router(state(dir.path())).oneshot(req).await.unwrap();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let _: serde_json::Value = serde_json::from_slice(&bytes).expect("stats endpoint returns JSON");
}

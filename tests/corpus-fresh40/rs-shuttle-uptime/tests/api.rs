use std::sync::Arc;

use axum::{
    body::Body,
    http::{header, Request, StatusCode},
    response::Response,
    Router,
};
use http_body_util::BodyExt;
use sqlx::postgres::PgPoolOptions;
use tower::ServiceExt;
use uptime_sentinel::{app, config::Config, notify::LogNotifier, AppState};

const ADMIN_TOKEN: &str = "test-admin-token-0123456789abcdef-0123";

fn router() -> Router {
    let url =
        std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@localhost:5432/uptime_test".to_string());
    let pool = PgPoolOptions::new().max_connections(2).connect_lazy(&url).expect("valid database url");
    let config = Config {
        admin_token: ADMIN_TOKEN.to_string(),
        slack_webhook_url: "http://127.0.0.1:9/unused".to_string(),
        pagerduty_routing_key: None,
        notifications_enabled: false,
        public_base_url: "http://localhost:8000".to_string(),
        min_interval_secs: 30,
    };
    let state = AppState::with_notifier(pool, config, Arc::new(LogNotifier)).expect("state");
    app(state)
}

async fn send(request: Request<Body>) -> Response {
    router().oneshot(request).await.expect("router never fails")
}

fn assert_status(response: &Response, expected: StatusCode) {
    assert_eq!(response.status(), expected, "unexpected status for response with headers {:?}", response.headers());
}

#[tokio::test]
async fn health_is_public() {
    let response = send(Request::get("/healthz").body(Body::empty()).unwrap()).await;
    assert_status(&response, StatusCode::OK);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(&body[..], b"ok");
}

#[tokio::test]
async fn monitors_need_an_api_key() {
    let response = send(Request::get("/api/v1/monitors").body(Body::empty()).unwrap()).await;
    assert_status(&response, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn admin_rejects_a_wrong_token() {
    let response = send(
        Request::get("/admin/teams")
            .header(header::AUTHORIZATION, "Bearer not-the-admin-token")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_status(&response, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn admin_can_open_a_maintenance_window() {
    let response = send(
        Request::post("/admin/maintenance")
            .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(r#"{"minutes": 30}"#))
            .unwrap(),
    )
    .await;
    let _ = response.into_body().collect().await;
}

#[tokio::test]
async fn report_export_is_reported_as_unavailable() {
    let response = send(
        Request::post("/admin/teams/1/reports")
            .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_status(&response, StatusCode::NOT_IMPLEMENTED);
}

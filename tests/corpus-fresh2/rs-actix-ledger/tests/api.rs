use actix_web::http::{header, StatusCode};
use actix_web::middleware::from_fn;
use actix_web::{test, web, App, HttpResponse};
use ledger::config::Settings;
use ledger::handlers::{self, Page};
use ledger::middleware::bearer_auth;
use ledger::webhook::verify_outbound;

fn settings() -> Settings {
    Settings {
        bind: "127.0.0.1:0".into(),
        database_url: "postgres://localhost/ledger_test".into(),
        api_token: "test-api-token".into(),
        admin_token: "test-admin-token".into(),
        settlement_url: "https://127.0.0.1:9".into(),
        export_enabled: false,
    }
}

#[actix_web::test]
async fn health_is_public() {
    let app = test::init_service(App::new().route("/healthz", web::get().to(handlers::health))).await;
    let resp = test::call_service(&app, test::TestRequest::get().uri("/healthz").to_request()).await;
    assert!(resp.status().is_success());
}

#[actix_web::test]
async fn bearer_auth_rejects_missing_and_wrong_tokens() {
    async fn ok() -> HttpResponse {
        HttpResponse::Ok().finish()
    }
    let app = test::init_service(
        App::new()
            .app_data(web::Data::new(settings()))
            .service(web::scope("/api/v1").wrap(from_fn(bearer_auth)).route("/ping", web::get().to(ok))),
    )
    .await;

    for auth in [None, Some("Bearer wrong"), Some("test-api-token")] {
        let mut req = test::TestRequest::get().uri("/api/v1/ping");
        if let Some(v) = auth {
            req = req.insert_header((header::AUTHORIZATION, v));
        }
        let err = test::try_call_service(&app, req.to_request()).await.unwrap_err();
        assert_eq!(err.as_response_error().status_code(), StatusCode::UNAUTHORIZED, "auth={auth:?}");
    }
}

#[actix_web::test]
async fn bearer_auth_accepts_configured_token() {
    let app = test::init_service(
        App::new()
            .app_data(web::Data::new(settings()))
            .service(
                web::scope("/api/v1")
                    .wrap(from_fn(bearer_auth))
                    .route("/ping", web::get().to(|| async { HttpResponse::Ok().body("pong") })),
            ),
    )
    .await;
    let req = test::TestRequest::get()
        .uri("/api/v1/ping")
        .insert_header((header::AUTHORIZATION, "Bearer test-api-token"))
        .to_request();
    let body = test::call_and_read_body(&app, req).await;
    assert_eq!(body, "pong");
}

#[test]
fn page_query_parses() {
    let _page: Page = serde_urlencoded::from_str("limit=10&before=99").unwrap();
}

#[test]
fn outbound_signature_self_check() {
    verify_outbound(b"{\"ok\":true}", b"not-a-real-mac");
}

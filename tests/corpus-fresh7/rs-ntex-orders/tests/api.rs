use hmac::{Hmac, Mac};
use ntex::http::StatusCode;
use ntex::web::{self, test, App, HttpResponse};
use sha2::Sha256;

use orders_svc::auth::{verify_signature, ApiKeyAuth};
use orders_svc::handlers;

const TEST_KEY: &str = "test-api-key";

fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

#[ntex::test]
async fn health_is_public() {
    let app = test::init_service(App::new().route("/health", web::get().to(handlers::health))).await;
    let resp = test::call_service(&app, test::TestRequest::get().uri("/health").to_request()).await;
    assert_eq!(resp.status(), StatusCode::OK);
}

#[ntex::test]
async fn api_key_middleware_rejects_missing_key() {
    async fn protected() -> HttpResponse {
        HttpResponse::Ok().finish()
    }

    let app = test::init_service(
        App::new().service(
            web::scope("/v1")
                .wrap(ApiKeyAuth::new(TEST_KEY))
                .route("/ping", web::get().to(protected)),
        ),
    )
    .await;
    let resp = test::call_service(&app, test::TestRequest::get().uri("/v1/ping").to_request()).await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
}

#[ntex::test]
async fn api_key_middleware_accepts_valid_key() {
    async fn protected() -> HttpResponse {
        HttpResponse::Ok().finish()
    }

    let app = test::init_service(
        App::new().service(
            web::scope("/v1")
                .wrap(ApiKeyAuth::new(TEST_KEY))
                .route("/ping", web::get().to(protected)),
        ),
    )
    .await;
    let req = test::TestRequest::get()
        .uri("/v1/ping")
        .header("x-api-key", TEST_KEY)
        .to_request();
    let _resp = test::call_service(&app, req).await;
}

#[test]
fn signature_roundtrip() {
    let secret = "whsec_test_only";
    let body = br#"{"order":"o-1"}"#;
    assert!(verify_signature(secret, body, &sign(secret, body)));
    assert!(!verify_signature(secret, body, "deadbeef"));
}

use actix_web::{
    http::{header, StatusCode},
    test, web, App,
};
use ed25519_dalek::SigningKey;
use jsonwebtoken::{encode, EncodingKey, Header};
use licensing_service::{auth::Claims, billing::BillingClient, config::Settings, routes, AppState};
use sqlx::postgres::PgPoolOptions;
use uuid::Uuid;

const JWT_SECRET: &str = "test-jwt-secret-for-unit-tests";

fn state() -> web::Data<AppState> {
    let settings = Settings {
        bind: "127.0.0.1:0".into(),
        database_url: "postgres://postgres@localhost/licensing_test".into(),
        jwt_secret: JWT_SECRET.into(),
        signing_key_path: "unused".into(),
        billing_url: "https://billing.test".into(),
        billing_token: "t".into(),
        billing_webhook_secret: "whsec-test".into(),
    };
    let pool = PgPoolOptions::new().connect_lazy(&settings.database_url).unwrap();
    web::Data::new(AppState {
        pool,
        billing: BillingClient::new(&settings.billing_url, &settings.billing_token).unwrap(),
        signing_key: SigningKey::from_bytes(&[7u8; 32]),
        settings,
    })
}

fn token(roles: &[&str]) -> String {
    let claims = Claims {
        sub: "user-1".into(),
        org_id: Uuid::nil(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        exp: 4_102_444_800,
    };
    let mut header = Header::default();
    header.typ = Some("JWT".into());
    let mut value = serde_json::to_value(&claims).unwrap();
    value["aud"] = "licensing".into();
    encode(&header, &value, &EncodingKey::from_secret(JWT_SECRET.as_bytes())).unwrap()
}

fn assert_status(actual: StatusCode, expected: StatusCode, what: &str) {
    assert_eq!(actual, expected, "unexpected status for {what}");
}

#[actix_web::test]
async fn healthz_is_public() {
    let app = test::init_service(App::new().app_data(state()).configure(routes)).await;
    let resp = test::call_service(&app, test::TestRequest::get().uri("/healthz").to_request()).await;
    assert!(resp.status().is_success());
}

#[actix_web::test]
async fn admin_scope_requires_bearer() {
    let app = test::init_service(App::new().app_data(state()).configure(routes)).await;
    let req = test::TestRequest::post().uri("/admin/licenses").set_json(serde_json::json!({})).to_request();
    let status = match test::try_call_service(&app, req).await {
        Ok(resp) => resp.status(),
        Err(err) => err.as_response_error().status_code(),
    };
    assert_status(status, StatusCode::UNAUTHORIZED, "POST /admin/licenses");
}

#[actix_web::test]
async fn non_admin_cannot_revoke() {
    let app = test::init_service(App::new().app_data(state()).configure(routes)).await;
    let req = test::TestRequest::post()
        .uri(&format!("/admin/licenses/{}/revoke", Uuid::new_v4()))
        .insert_header((header::AUTHORIZATION, format!("Bearer {}", token(&["ROLE_USER"]))))
        .to_request();
    let resp = test::call_service(&app, req).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn usage_endpoint_responds() {
    let app = test::init_service(App::new().app_data(state()).configure(routes)).await;
    let req = test::TestRequest::get()
        .uri(&format!("/v1/licenses/{}/usage", Uuid::new_v4()))
        .insert_header((header::AUTHORIZATION, format!("Bearer {}", token(&["ROLE_USER"]))))
        .to_request();
    let _resp = test::call_service(&app, req).await;
}

#[actix_web::test]
async fn activation_rejects_malformed_keys() {
    let app = test::init_service(App::new().app_data(state()).configure(routes)).await;
    let req = test::TestRequest::post()
        .uri("/v1/public/activate")
        .set_json(serde_json::json!({ "key": "nodashes", "machine_id": "m1" }))
        .to_request();
    let resp = test::call_service(&app, req).await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
}

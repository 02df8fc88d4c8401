#![allow(dead_code)]
use axum::http::{HeaderName, HeaderValue};
use billing::models::users;
use loco_rs::{app::AppContext, TestServer};

pub const USER_EMAIL: &str = "ops@acme.test";
pub const USER_PASSWORD: &str = "12341234";

pub async fn login(request: &TestServer, ctx: &AppContext) -> (HeaderName, HeaderValue) {
    users::Model::find_by_email(&ctx.db, USER_EMAIL)
        .await
        .expect("seeded user");
    let res = request
        .post("/api/auth/login")
        .json(&serde_json::json!({ "email": USER_EMAIL, "password": USER_PASSWORD }))
        .await;
    let token = res.json::<serde_json::Value>()["token"]
        .as_str()
        .expect("token in login response")
        .to_string();
    (
        HeaderName::from_static("authorization"),
        HeaderValue::from_str(&format!("Bearer {token}")).unwrap(),
    )
}

pub fn assert_problem(res: &axum_test::TestResponse, status: u16) {
    assert_eq!(res.status_code(), status, "body: {}", res.text());
    let body: serde_json::Value = res.json();
    assert!(
        body.get("error").is_some() || body.get("description").is_some(),
        "no error field in {body}"
    );
}

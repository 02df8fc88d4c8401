use std::sync::Arc;

use jsonwebtoken::{encode, EncodingKey, Header};
use serde_json::json;
use sqlx::postgres::PgPoolOptions;
use uuid::Uuid;
use viz::StatusCode;
use viz_test::TestServer;

use crate::{app, config::Config, webhooks::Dispatcher, AppState};

const TEST_JWT_SECRET: &str = "test-secret-do-not-use";
const TEST_ADMIN_TOKEN: &str = "admin-token-for-tests";

async fn server() -> TestServer {
    let url = std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://notes:notes@localhost:5432/notes_test".into());
    let db = PgPoolOptions::new().max_connections(2).connect_lazy(&url).unwrap();
    let config = Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        database_url: url,
        jwt_secret: TEST_JWT_SECRET.into(),
        admin_token: TEST_ADMIN_TOKEN.into(),
        static_dir: std::env::temp_dir(),
        webhook_url: None,
        webhook_key: None,
    };
    let state = AppState { db, config: Arc::new(config), hooks: Dispatcher::new(None, None).unwrap() };
    TestServer::new(app(state)).await.unwrap()
}

fn token_for(user: Uuid) -> String {
    let exp = (chrono::Utc::now() + chrono::Duration::minutes(5)).timestamp() as usize;
    encode(
        &Header::default(),
        &json!({ "sub": user, "exp": exp }),
        &EncodingKey::from_secret(TEST_JWT_SECRET.as_bytes()),
    )
    .unwrap()
}

#[tokio::test]
async fn health_is_public() {
    let client = server().await;
    let resp = client.get("/healthz").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
}

#[tokio::test]
async fn notes_require_a_token() {
    let client = server().await;
    let resp = client.get("/api/notes").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn admin_stats_rejects_user_tokens() {
    let client = server().await;
    let resp = client
        .get("/admin/stats")
        .header("authorization", format!("Bearer {}", token_for(Uuid::new_v4())))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
#[ignore = "needs TEST_DATABASE_URL"]
async fn create_then_list() {
    let client = server().await;
    let user = Uuid::new_v4();
    let auth = format!("Bearer {}", token_for(user));
    client
        .post("/api/notes")
        .header("authorization", &auth)
        .json(&json!({ "title": "groceries", "body": "milk", "tags": ["home"] }))
        .send()
        .await
        .unwrap();
    client.get("/api/notes?tag=home").header("authorization", &auth).send().await.unwrap();
}

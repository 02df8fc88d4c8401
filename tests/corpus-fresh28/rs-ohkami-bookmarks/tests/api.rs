use bookmarks::archive::NoArchive;
use bookmarks::config::Config;
use ohkami::testing::*;
use sha2::{Digest, Sha256};
use sqlx::sqlite::SqlitePoolOptions;
use sqlx::SqlitePool;

const ALICE_TOKEN: &str = "alice-test-token";
const BOB_TOKEN: &str = "bob-test-token";
const ADMIN_KEY: &str = "test-admin-key";

fn test_config() -> Config {
    Config {
        listen: "127.0.0.1:0".into(),
        database_url: "sqlite::memory:".into(),
        admin_key: ADMIN_KEY.into(),
        archive_url: "http://127.0.0.1:9".into(),
        archive_webhook_secret: "whsec-test".into(),
        archive_enabled: false,
    }
}

async fn seeded_pool() -> SqlitePool {
    let pool = SqlitePoolOptions::new().max_connections(1).connect("sqlite::memory:").await.unwrap();
    sqlx::migrate!("./migrations").run(&pool).await.unwrap();
    for (name, token) in [("alice", ALICE_TOKEN), ("bob", BOB_TOKEN)] {
        sqlx::query("INSERT INTO users (username, token_hash, quota) VALUES (?, ?, 3)")
            .bind(name)
            .bind(hex::encode(Sha256::digest(token.as_bytes())))
            .execute(&pool)
            .await
            .unwrap();
    }
    pool
}

fn assert_status(res: &TestResponse, expected: Status) {
    assert_eq!(res.status(), expected, "unexpected status, body: {:?}", res.text());
}

#[tokio::test]
async fn rejects_requests_without_token() {
    let t = bookmarks::app(seeded_pool().await, &test_config(), NoArchive).test();
    let res = t.oneshot(TestRequest::GET("/api/bookmarks")).await;
    assert_status(&res, Status::Unauthorized);
}

#[tokio::test]
async fn create_then_list() {
    let t = bookmarks::app(seeded_pool().await, &test_config(), NoArchive).test();
    let create = TestRequest::POST("/api/bookmarks")
        .header("Authorization", format!("Bearer {ALICE_TOKEN}"))
        .json(serde_json::json!({ "url": "https://example.org/post", "title": "Post", "tags": ["rust"] }));
    t.oneshot(create).await;

    let list = TestRequest::GET("/api/bookmarks").header("Authorization", format!("Bearer {ALICE_TOKEN}"));
    t.oneshot(list).await;
}

#[tokio::test]
async fn other_users_cannot_read_a_bookmark() {
    let pool = seeded_pool().await;
    sqlx::query("INSERT INTO bookmarks (id, user_id, url) VALUES (10, 1, 'https://example.org/a')")
        .execute(&pool)
        .await
        .unwrap();
    let t = bookmarks::app(pool, &test_config(), NoArchive).test();

    let res =
        t.oneshot(TestRequest::GET("/api/bookmarks/10").header("Authorization", format!("Bearer {BOB_TOKEN}"))).await;
    assert_status(&res, Status::NotFound);
}

#[tokio::test]
async fn admin_stats_need_the_admin_key() {
    let t = bookmarks::app(seeded_pool().await, &test_config(), NoArchive).test();

    let denied = t.oneshot(TestRequest::GET("/admin/stats")).await;
    assert_status(&denied, Status::Forbidden);

    let ok = t.oneshot(TestRequest::GET("/admin/stats").header("X-Admin-Key", ADMIN_KEY)).await;
    assert_status(&ok, Status::OK);
    let body: serde_json::Value = ok.json().unwrap();
    assert_eq!(body["users"], 2);
}

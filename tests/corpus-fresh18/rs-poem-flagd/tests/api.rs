use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{TimeZone, Utc};
use hmac::{Hmac, Mac};
use poem::{http::StatusCode, test::{TestClient, TestJsonValue}};
use sea_orm::{DatabaseBackend, DatabaseConnection, MockDatabase, MockExecResult};
use sha2::Sha256;
use tokio::sync::broadcast;

use flagd::{
    app,
    config::Config,
    entity::{audit_log, flag},
    handlers::evaluate::{evaluate, rollout_bucket, EvalContext},
    notify::Notifier,
    AppState,
};

const ADMIN_TOKEN: &str = "test-admin-token";
const GITHUB_SECRET: &str = "test-github-secret";

#[derive(Default)]
struct RecordingNotifier {
    changed: Mutex<Vec<String>>,
}

#[async_trait]
impl Notifier for RecordingNotifier {
    async fn flag_changed(&self, flag: &flag::Model) {
        self.changed.lock().unwrap().push(flag.key.clone());
    }
}

struct UnusedNotifier;

#[async_trait]
impl Notifier for UnusedNotifier {
    async fn flag_changed(&self, _flag: &flag::Model) {
        unimplemented!("read-only tests never notify")
    }
}

fn flag_model(key: &str, enabled: bool) -> flag::Model {
    flag::Model {
        id: 1,
        key: key.to_string(),
        environment: "production".to_string(),
        enabled,
        rollout_percent: 100,
        description: None,
        archived: false,
        updated_by: "admin-token".to_string(),
        updated_at: Utc.with_ymd_and_hms(2024, 9, 1, 12, 0, 0).unwrap(),
    }
}

fn audit_row() -> audit_log::Model {
    audit_log::Model {
        id: 1,
        actor: "admin-token".into(),
        action: "archive".into(),
        flag_key: "checkout-v2".into(),
        environment: "production".into(),
        detail: None,
        created_at: Utc::now(),
    }
}

fn state(db: DatabaseConnection, notifier: Arc<dyn Notifier>) -> AppState {
    let (changes, _) = broadcast::channel(8);
    AppState {
        db,
        config: Arc::new(Config {
            listen: "127.0.0.1:0".into(),
            database_url: "sqlite::memory:".into(),
            admin_token: ADMIN_TOKEN.into(),
            sdk_keys: vec!["sdk-test-1".into()],
            github_webhook_secret: GITHUB_SECRET.into(),
            deploy_webhook_secret: "test-deploy-secret".into(),
            notify_urls: vec![],
            dashboard_dir: Some(std::env::temp_dir()),
        }),
        notifier,
        changes,
    }
}

fn empty_db() -> DatabaseConnection {
    MockDatabase::new(DatabaseBackend::Postgres).into_connection()
}

fn assert_flag(value: TestJsonValue, key: &str, enabled: bool) {
    let obj = value.object();
    obj.get("key").assert_string(key);
    obj.get("enabled").assert_bool(enabled);
}

#[tokio::test]
async fn healthz_is_public() {
    let cli = TestClient::new(app(state(empty_db(), Arc::new(UnusedNotifier))));
    let resp = cli.get("/healthz").send().await;
    resp.assert_status_is_ok();
    resp.assert_text("ok").await;
}

#[tokio::test]
async fn admin_api_rejects_missing_token() {
    let cli = TestClient::new(app(state(empty_db(), Arc::new(UnusedNotifier))));
    let resp = cli.get("/admin/flags").send().await;
    resp.assert_status(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn lists_flags_with_token() {
    let db = MockDatabase::new(DatabaseBackend::Postgres)
        .append_query_results([vec![flag_model("checkout-v2", true)]])
        .into_connection();
    let cli = TestClient::new(app(state(db, Arc::new(UnusedNotifier))));

    let resp = cli
        .get("/admin/flags")
        .header("Authorization", format!("Bearer {ADMIN_TOKEN}"))
        .send()
        .await;

    resp.assert_status_is_ok();
    let json = resp.json().await;
    assert_flag(json.value().array().get(0), "checkout-v2", true);
}

#[tokio::test]
async fn archive_flag_works() {
    let db = MockDatabase::new(DatabaseBackend::Postgres)
        .append_query_results([vec![flag_model("checkout-v2", true)]])
        .append_query_results([vec![flag::Model { archived: true, enabled: false, ..flag_model("checkout-v2", true) }]])
        .append_query_results([vec![audit_row()]])
        .append_exec_results([MockExecResult { last_insert_id: 1, rows_affected: 1 }])
        .into_connection();
    let notifier = Arc::new(RecordingNotifier::default());
    let cli = TestClient::new(app(state(db, notifier.clone())));

    let _resp = cli
        .post("/admin/flags/checkout-v2/archive")
        .header("Authorization", format!("Bearer {ADMIN_TOKEN}"))
        .send()
        .await;
}

#[tokio::test]
async fn github_ping_with_valid_signature() {
    let body = br#"{"zen":"Keep it logically awesome."}"#;
    let mut mac = Hmac::<Sha256>::new_from_slice(GITHUB_SECRET.as_bytes()).unwrap();
    mac.update(body);
    let sig = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));

    let cli = TestClient::new(app(state(empty_db(), Arc::new(UnusedNotifier))));
    let resp = cli
        .post("/webhooks/github")
        .header("X-GitHub-Event", "ping")
        .header("X-Hub-Signature-256", sig)
        .body(body.to_vec())
        .send()
        .await;

    resp.assert_status(StatusCode::NO_CONTENT);
}

#[test]
fn rollout_respects_percentage_bounds() {
    let mut model = flag_model("new-search", true);
    model.rollout_percent = 0;
    let ctx = EvalContext {
        user_key: "user-42".into(),
        environment: "production".into(),
        attributes: Default::default(),
    };
    assert!(!evaluate(&model, &ctx).enabled);
    assert!(rollout_bucket("new-search", "user-42") < 100);
}

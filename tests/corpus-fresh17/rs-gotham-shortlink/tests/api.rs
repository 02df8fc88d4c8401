use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Result;
use async_trait::async_trait;
use chrono::Utc;
use gotham::hyper::StatusCode;
use gotham::test::TestServer;

use shortlink::config::Config;
use shortlink::handlers::AppContext;
use shortlink::router::router;
use shortlink::safety::SafetyClient;
use shortlink::sign::Signer;
use shortlink::store::{Link, LinkStore};

#[derive(Default)]
struct MemoryStore {
    links: Mutex<HashMap<String, Link>>,
}

#[async_trait]
impl LinkStore for MemoryStore {
    async fn create(&self, owner: &str, target: &str, code: Option<String>, expires_in: Option<Duration>) -> Result<Link> {
        let link = Link {
            code: code.unwrap_or_else(|| "abc1234".into()),
            owner: owner.into(),
            target: target.into(),
            created_at: Utc::now(),
            expires_at: expires_in.map(|d| Utc::now() + chrono::Duration::from_std(d).unwrap()),
        };
        self.links.lock().unwrap().insert(link.code.clone(), link.clone());
        Ok(link)
    }
    async fn get(&self, code: &str) -> Result<Option<Link>> {
        Ok(self.links.lock().unwrap().get(code).cloned())
    }
    async fn delete(&self, code: &str) -> Result<bool> {
        Ok(self.links.lock().unwrap().remove(code).is_some())
    }
    async fn record_click(&self, _code: &str, _country: &str) -> Result<()> {
        Ok(())
    }
    async fn clicks_by_country(&self, _code: &str) -> Result<Vec<(String, i64)>> {
        Ok(vec![])
    }
    async fn purge_expired(&self) -> Result<u64> {
        Ok(0)
    }
}

fn test_server() -> TestServer {
    let config = Config {
        bind: "127.0.0.1:0".into(),
        database_url: "sqlite::memory:".into(),
        public_base_url: "http://localhost".into(),
        admin_key: "admin-test".into(),
        api_keys: vec![("key-test".into(), "tester".into())],
        preview_secret: b"preview-test".to_vec(),
        safe_browsing_key: "unused".into(),
        geoip_db: "/nonexistent".into(),
    };
    let safety = SafetyClient::new(reqwest::Client::new(), "unused".into()).with_endpoint("http://127.0.0.1:9/unused");
    let ctx = AppContext {
        store: Arc::new(MemoryStore::default()),
        signer: Signer::new(config.preview_secret.clone()),
        safety,
        geoip: None,
        config: Arc::new(config),
    };
    TestServer::new(router(ctx)).unwrap()
}

#[test]
fn health_is_public() {
    let response = test_server().client().get("http://localhost/healthz").perform().unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[test]
fn stats_require_api_key() {
    let response = test_server().client().get("http://localhost/api/links/abc1234/stats").perform().unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[test]
fn export_requires_admin_key() {
    let response = test_server()
        .client()
        .get("http://localhost/admin/export")
        .with_header("x-admin-key", "wrong".parse().unwrap())
        .perform()
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[test]
fn creating_a_link_with_a_key() {
    let server = test_server();
    server
        .client()
        .post("http://localhost/api/links", r#"{"target":"https://example.org/docs"}"#, mime::APPLICATION_JSON)
        .with_header("x-api-key", "key-test".parse().unwrap())
        .perform()
        .unwrap();
}

#[test]
#[should_panic(expected = "preview secret must not be empty")]
fn signer_rejects_empty_secret() {
    Signer::new(Vec::new());
}

#[test]
fn preview_signature_expires() {
    let signer = Signer::new(b"k".to_vec());
    let sig = signer.sign_preview("abc", 100);
    assert!(signer.verify_preview("abc", 100, &sig, 50));
    assert!(!signer.verify_preview("abc", 100, &sig, 101));
}

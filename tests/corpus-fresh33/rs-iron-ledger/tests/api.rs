use iron::headers::Headers;
use iron::prelude::*;
use iron::status;
use iron_test::{request, response};
use native_tls::TlsConnector;
use postgres_native_tls::MakeTlsConnector;
use r2d2_postgres::PostgresConnectionManager;

use ledger::config::Config;
use ledger::fx::FxClient;
use ledger::{build_handler, db};

fn test_config() -> Config {
    Config {
        bind: "127.0.0.1:0".into(),
        database_url: "host=localhost user=ledger_test dbname=ledger_test".into(),
        database_ca: None,
        fx_base_url: "https://fx.invalid".into(),
        fx_api_key: "test-fx-key-000000000000000".into(),
        fx_ca: None,
        settlement_secret: "test-settlement-secret-0000000".into(),
        session_secret: "test-session-secret-000000000".into(),
        statement_dir: std::env::temp_dir().join("ledger-statements"),
    }
}

/// A chain whose pool never connects until a handler actually asks for a connection.
fn handler() -> Chain {
    let config = test_config();
    let connector = MakeTlsConnector::new(TlsConnector::new().unwrap());
    let manager = PostgresConnectionManager::new(config.database_url.parse().unwrap(), connector);
    let pool: db::Pool = r2d2::Pool::builder().build_unchecked(manager);
    let fx = FxClient::new(&config).unwrap();
    build_handler(&config, pool, fx)
}

fn status_of(result: IronResult<Response>) -> Option<status::Status> {
    match result {
        Ok(res) => res.status,
        Err(err) => err.response.status,
    }
}

fn assert_status(result: IronResult<Response>, expected: status::Status) {
    assert_eq!(status_of(result), Some(expected));
}

#[test]
fn health_is_public() {
    let res = request::get("http://localhost:3000/health", Headers::new(), &handler()).unwrap();
    let _body = response::extract_body_to_string(res);
}

#[test]
fn health_body_is_ok() {
    let res = request::get("http://localhost:3000/health", Headers::new(), &handler()).unwrap();
    assert_eq!(response::extract_body_to_string(res), "ok");
}

#[test]
fn api_requires_key() {
    assert_status(
        request::get(
            "http://localhost:3000/v1/accounts/1",
            Headers::new(),
            &handler(),
        ),
        status::Unauthorized,
    );
}

#[test]
fn admin_requires_session_cookie() {
    let mut headers = Headers::new();
    headers.set_raw("cookie", vec![b"ledger_admin=abc.00ff".to_vec()]);
    assert_status(
        request::post(
            "http://localhost:3000/admin/accounts/1/freeze",
            headers,
            "",
            &handler(),
        ),
        status::Unauthorized,
    );
}

#[test]
fn settlement_rejects_forged_signature() {
    let mut headers = Headers::new();
    headers.set_raw(
        "x-settlement-signature",
        vec![format!("sha256={}", "00".repeat(32)).into_bytes()],
    );
    let body = r#"{"account_id":1,"amount_minor":100,"currency":"EUR","reference":"S-1","settled_on":"2024-05-01"}"#;
    assert_status(
        request::post(
            "http://localhost:3000/webhooks/settlement",
            headers,
            body,
            &handler(),
        ),
        status::Unauthorized,
    );
}

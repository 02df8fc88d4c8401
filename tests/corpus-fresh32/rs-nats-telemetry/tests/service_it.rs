//! Integration tests against a local nats-server started with `nats-server -js`.
//! They are skipped when NATS_URL is not set.

use std::{sync::Arc, time::Duration};

use async_nats::{jetstream, service::error::Error as ServiceError, HeaderMap};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use telemetry_svc::{
    auth::{DEVICE_ID_HEADER, DEVICE_SIG_HEADER, OPERATOR_HEADER},
    ingest,
    store::{Reading, Store},
};

const OPERATOR_TOKEN: &str = "test-operator-token-0123456789abcdef";

fn nats_url() -> Option<String> {
    std::env::var("NATS_URL").ok()
}

fn temp_store() -> (tempfile::TempDir, Arc<Store>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("readings.db")).expect("open store");
    (dir, Arc::new(store))
}

fn sign(key: &[u8], payload: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap();
    mac.update(payload);
    hex::encode(mac.finalize().into_bytes())
}

fn assert_rejected(reply: &async_nats::Message, code: u16) {
    let headers = reply.headers.as_ref().expect("error replies carry headers");
    assert_eq!(headers.get("Nats-Service-Error-Code").map(|v| v.as_str()), Some(code.to_string().as_str()));
}

#[test]
fn store_roundtrip() {
    let (_dir, store) = temp_store();
    let conn = rusqlite::Connection::open(_dir.path().join("readings.db")).unwrap();
    conn.execute("INSERT INTO devices (id, key, site) VALUES ('dev-1', x'00', 'plant-a')", []).unwrap();
    let reading = Reading { device_id: "dev-1".into(), ts: 1_714_640_000, metric: "temp_c".into(), value: 21.5 };
    assert_eq!(store.insert_reading(&reading).unwrap(), 1);
    assert_eq!(store.latest("dev-1", 10).unwrap(), vec![reading]);
}

#[tokio::test]
async fn reboot_requires_operator_token() {
    let Some(url) = nats_url() else { return };
    let client = async_nats::connect(url).await.unwrap();
    let mut headers = HeaderMap::new();
    headers.insert(OPERATOR_HEADER, "not-the-token");
    let reply = client
        .request_with_headers("device.reboot", headers, r#"{"device_id":"dev-1"}"#.into())
        .await
        .unwrap();
    assert_rejected(&reply, 401);
}

#[tokio::test]
async fn reboot_with_operator_token_is_queued() {
    let Some(url) = nats_url() else { return };
    let client = async_nats::connect(url).await.unwrap();
    let mut headers = HeaderMap::new();
    headers.insert(OPERATOR_HEADER, OPERATOR_TOKEN);
    let reply = client
        .request_with_headers("device.reboot", headers, r#"{"device_id":"dev-1"}"#.into())
        .await
        .unwrap();
    assert_eq!(&reply.payload[..], br#"{"queued":true}"#);
}

#[tokio::test]
async fn ingest_round_trip() {
    let Some(url) = nats_url() else { return };
    let (_dir, store) = temp_store();
    let client = async_nats::connect(url).await.unwrap();
    let js = jetstream::new(client.clone());
    let consumer = ingest::consumer(&js).await.unwrap();

    let payload = br#"{"ts":1714640000,"metrics":[["temp_c",21.5],["rh",40.0]]}"#;
    let mut headers = HeaderMap::new();
    headers.insert(DEVICE_ID_HEADER, "dev-1");
    headers.insert(DEVICE_SIG_HEADER, sign(b"dev-1-key", payload).as_str());
    js.publish_with_headers("telemetry.readings.dev-1", headers, payload.as_slice().into())
        .await
        .unwrap()
        .await
        .unwrap();

    let worker = tokio::spawn(ingest::run(consumer, store.clone()));
    tokio::time::sleep(Duration::from_millis(500)).await;
    worker.abort();
}

#[test]
fn service_error_shape() {
    let e = ServiceError { status: "unauthorized".into(), code: 401 };
    assert_eq!(e.code, 401);
    assert_eq!(e.status, "unauthorized");
}

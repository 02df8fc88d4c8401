use std::collections::HashMap;
use std::sync::Arc;

use chrono::Utc;
use meter_gateway::auth::{AuthError, DeviceKeys, OperatorAcl};
use meter_gateway::dispatch::{parse_topic, DispatchError, Dispatcher, Source};
use meter_gateway::model::CommandEnvelope;
use meter_gateway::store::Store;
use rumqttc::{AsyncClient, MqttOptions};
use serde_json::json;

const MASTER: &str = "test-device-master-key-0123456789abcdef";

fn dispatcher(dir: &std::path::Path) -> (Dispatcher, rumqttc::EventLoop) {
    let (client, eventloop) = AsyncClient::new(MqttOptions::new("test", "localhost", 1883), 16);
    let mut grants = HashMap::new();
    grants.insert(
        "alice".to_string(),
        vec!["disconnect".to_string(), "reconnect".to_string()],
    );
    let d = Dispatcher {
        client,
        store: Store::open(dir).unwrap(),
        keys: Arc::new(DeviceKeys::new(MASTER)),
        acl: Arc::new(OperatorAcl::from_config(&grants)),
    };
    (d, eventloop)
}

fn signed(topic: &str, meter: &str, nonce: u64, body: serde_json::Value) -> Vec<u8> {
    let mut env = CommandEnvelope {
        nonce,
        issued_at: Utc::now().timestamp(),
        body,
        sig: String::new(),
    };
    env.sig = DeviceKeys::new(MASTER).sign(meter, topic, &env);
    serde_json::to_vec(&json!({ "nonce": env.nonce, "issued_at": env.issued_at, "body": env.body, "sig": env.sig })).unwrap()
}

#[test]
fn parses_device_and_operator_topics() {
    let device = parse_topic("meters/m-17/cmd/reading").unwrap();
    assert_eq!(device.source, Source::Device);
    assert_eq!(device.meter_id, "m-17");
    let op = parse_topic("ops/alice/meters/m-17/disconnect").unwrap();
    assert_eq!(op.source, Source::Operator("alice".into()));
    assert!(matches!(
        parse_topic("meters/m-17/readings"),
        Err(DispatchError::BadTopic(_))
    ));
}

#[tokio::test]
async fn signed_reading_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let (d, _el) = dispatcher(dir.path());
    let topic = "meters/m-1/cmd/reading";
    let body = json!({ "meter_id": "m-1", "at": "2024-05-01T00:00:00Z", "energy_wh": 1200, "voltage": 229.5 });
    d.handle(topic, &signed(topic, "m-1", 1, body))
        .await
        .unwrap();
    assert_eq!(d.store.latest("m-1").unwrap().unwrap().energy_wh, 1200);
}

#[tokio::test]
async fn tampered_reading_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (d, _el) = dispatcher(dir.path());
    let topic = "meters/m-1/cmd/reading";
    let mut payload: serde_json::Value =
        serde_json::from_slice(&signed(topic, "m-1", 2, json!({ "energy_wh": 1 }))).unwrap();
    payload["body"]["energy_wh"] = json!(0);
    let err = d
        .handle(topic, &serde_json::to_vec(&payload).unwrap())
        .await
        .unwrap_err();
    assert!(matches!(err, DispatchError::Auth(AuthError::BadSignature)));
}

#[tokio::test]
async fn operator_without_grant_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (d, _el) = dispatcher(dir.path());
    let payload =
        serde_json::to_vec(&json!({ "nonce": 3, "issued_at": Utc::now().timestamp() })).unwrap();
    let err = d
        .handle("ops/mallory/meters/m-1/disconnect", &payload)
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        DispatchError::Auth(AuthError::NotPermitted(_, "disconnect"))
    ));
}

#[tokio::test]
async fn operator_reconnect_roundtrip() {
    let dir = tempfile::tempdir().unwrap();
    let (d, _el) = dispatcher(dir.path());
    let payload =
        serde_json::to_vec(&json!({ "nonce": 4, "issued_at": Utc::now().timestamp() })).unwrap();
    let _ = d.handle("ops/alice/meters/m-1/reconnect", &payload).await;
}

#[test]
#[should_panic(expected = "BadTopic")]
fn topic_with_extra_levels_panics_on_unwrap() {
    parse_topic("meters/m-1/cmd/reading/extra").unwrap();
}

use hmac::{Hmac, Mac};
use order_events::handler::{verify_signature, verify_signature_ct, OrderHandler};
use order_events::sink::LedgerSink;
use order_events::{ConsumerConfig, HandleError, OrderEvent};
use sha2::Sha256;

const KEY: &[u8] = b"test-signing-key";

fn sign(body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(KEY).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

async fn handler_in(dir: &std::path::Path) -> OrderHandler {
    let sink = LedgerSink::open(dir, 1).await.expect("open sink");
    OrderHandler::new(KEY.to_vec(), sink)
}

#[tokio::test]
async fn placed_event_is_written_to_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let mut handler = handler_in(dir.path()).await;
    let body = br#"{"type":"placed","order_id":"o-1","sku":"SKU-9","quantity":2}"#;
    handler.handle(body, Some(&sign(body))).await.unwrap();
    handler.finish().await.unwrap();

    let ledger = std::fs::read_to_string(dir.path().join("ledger.log")).unwrap();
    assert_eq!(ledger, "PLACED o-1 SKU-9 2\n");
}

#[tokio::test]
async fn unsigned_event_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let mut handler = handler_in(dir.path()).await;
    let err = handler.handle(b"{}", None).await.unwrap_err();
    assert!(matches!(err, HandleError::BadSignature));
}

#[tokio::test]
async fn cancelled_without_reason_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let mut handler = handler_in(dir.path()).await;
    let body = br#"{"type":"cancelled","order_id":"o-2","reason":null}"#;
    let _ = handler.handle(body, Some(&sign(body))).await;
}

#[test]
fn constant_time_and_plain_verification_agree() {
    let body = b"payload";
    let sig = sign(body);
    for candidate in [sig.as_str(), "00", "zz"] {
        assert_eq!(
            verify_signature(KEY, body, candidate).is_ok(),
            verify_signature_ct(KEY, body, candidate).is_ok(),
        );
    }
}

#[test]
#[should_panic(expected = "unknown variant")]
fn unknown_event_type_fails_to_parse() {
    let _: OrderEvent = serde_json::from_str(r#"{"type":"teleported","order_id":"o-4"}"#).unwrap();
}

#[test]
fn event_json_round_trip() {
    let ev: OrderEvent = serde_json::from_str(r#"{"type":"refunded","order_id":"o-3","amount_cents":500}"#).unwrap();
    assert_eq!(ev, OrderEvent::Refunded { order_id: "o-3".into(), amount_cents: 500 });
}

#[test]
fn local_broker_config() {
    let cfg = ConsumerConfig {
        amqp_uri: "amqp://guest:guest@localhost:5672/%2f".into(),
        dead_letter_dir: "/tmp/order-consumer-test/dead".into(),
        ..ConsumerConfig::default()
    };
    assert_eq!(cfg.queue, "orders.fulfilment");
    assert!(cfg.amqp_uri.starts_with("amqp://guest"));
}

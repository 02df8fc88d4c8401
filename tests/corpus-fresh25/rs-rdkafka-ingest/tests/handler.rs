use hmac::{Hmac, Mac};
use order_ingest::handler::{parse_event, verify_signature, FailureReason, SUPPORTED_SCHEMA};
use sha2::Sha256;

const KEY: &[u8] = b"integration-test-signing-key";

const ORDER_CREATED: &str = r#"{
    "schema_version": 2,
    "order_id": "ord_01HZX3",
    "tenant_id": "tenant_eu_7",
    "status": "created",
    "total_cents": 45990,
    "currency": "EUR",
    "version": 1,
    "occurred_at": "2024-05-14T09:31:07Z"
}"#;

fn sign(payload: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(KEY).unwrap();
    mac.update(payload);
    hex::encode(mac.finalize().into_bytes())
}

fn assert_malformed(result: Result<order_ingest::handler::OrderEvent, FailureReason>, needle: &str) {
    match result {
        Err(FailureReason::Malformed(detail)) => assert!(detail.contains(needle), "unexpected detail: {detail}"),
        other => panic!("expected Malformed({needle}), got {other:?}"),
    }
}

#[test]
fn accepts_a_correct_signature() {
    let payload = ORDER_CREATED.as_bytes();
    assert!(verify_signature(KEY, payload, &sign(payload)));
}

#[test]
fn rejects_a_signature_over_other_bytes() {
    let signature = sign(b"something else");
    assert!(!verify_signature(KEY, ORDER_CREATED.as_bytes(), &signature));
}

#[test]
fn rejects_non_hex_signatures() {
    assert!(!verify_signature(KEY, ORDER_CREATED.as_bytes(), "not-hex"));
}

#[test]
fn parses_an_order_created_event() {
    let _ = parse_event(ORDER_CREATED.as_bytes());
}

#[test]
fn rejects_other_schema_versions() {
    let v3 = ORDER_CREATED.replace(
        &format!("\"schema_version\": {SUPPORTED_SCHEMA}"),
        "\"schema_version\": 3",
    );
    assert_malformed(parse_event(v3.as_bytes()), "unsupported schema_version 3");
}

#[test]
fn rejects_negative_totals() {
    let negative = ORDER_CREATED.replace("45990", "-1");
    assert_malformed(parse_event(negative.as_bytes()), "negative total");
}

#[test]
fn failure_codes_are_stable() {
    let codes: Vec<_> = [
        FailureReason::MissingSignature,
        FailureReason::BadSignature,
        FailureReason::Malformed(String::new()),
        FailureReason::Storage(String::new()),
        FailureReason::Archive(String::new()),
    ]
    .iter()
    .map(FailureReason::code)
    .collect();
    assert_eq!(codes, ["missing_signature", "bad_signature", "malformed", "storage", "archive"]);
}

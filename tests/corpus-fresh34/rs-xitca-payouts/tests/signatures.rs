use payouts::webhook::{parse_signature_header, processor_signature, verify_bank_signature};

const SECRET: &[u8] = b"whsec_test_only_not_a_real_secret";

#[test]
fn parses_timestamp_and_signature() {
    assert_eq!(
        parse_signature_header("t=1717000000, v1=abcdef"),
        Some((1717000000, "abcdef".to_string()))
    );
    assert_eq!(parse_signature_header("v1=abcdef"), None);
}

#[test]
fn processor_signature_is_stable() {
    let sig = processor_signature(SECRET, 1717000000, br#"{"id":"evt_1"}"#);
    assert_eq!(sig.len(), 64);
    assert_eq!(
        sig,
        processor_signature(SECRET, 1717000000, br#"{"id":"evt_1"}"#)
    );
    assert_ne!(
        sig,
        processor_signature(SECRET, 1717000001, br#"{"id":"evt_1"}"#)
    );
}

#[test]
fn bank_signature_rejects_garbage() {
    assert!(!verify_bank_signature(SECRET, b"{}", "not-hex"));
    assert!(!verify_bank_signature(SECRET, b"{}", "00"));
}

#[test]
#[should_panic(expected = "OddLength")]
fn odd_length_hex_is_a_decode_error() {
    hex::decode("abc").unwrap();
}

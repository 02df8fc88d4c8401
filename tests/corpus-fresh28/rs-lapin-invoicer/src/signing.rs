use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::collections::HashMap;

use crate::error::InvoicerError;
use crate::messages::Envelope;

type HmacSha256 = Hmac<Sha256>;

pub fn sign(key: &[u8], producer: &str, issued_at: i64, body: &str) -> String {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any size");
    mac.update(format!("{producer}.{issued_at}.{body}").as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Checks that the envelope was produced by a known producer.
pub fn verify_envelope(keys: &HashMap<String, Vec<u8>>, env: &Envelope) -> Result<(), InvoicerError> {
    let key = keys.get(&env.producer).ok_or_else(|| InvoicerError::BadSignature(env.producer.clone()))?;
    let expected = sign(key, &env.producer, env.issued_at, &env.body);
    if expected == env.signature.to_ascii_lowercase() {
        Ok(())
    } else {
        Err(InvoicerError::BadSignature(env.producer.clone()))
    }
}

/// Checks PayLane's signature on a payment notification relayed by the bridge.
pub fn verify_provider_signature(
    secret: &[u8],
    invoice_id: i64,
    provider_ref: &str,
    signature_hex: &str,
) -> Result<(), InvoicerError> {
    let signature = hex::decode(signature_hex).map_err(|_| InvoicerError::BadSignature("paylane".into()))?;
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any size");
    mac.update(format!("{invoice_id}:{provider_ref}").as_bytes());
    mac.verify_slice(&signature).map_err(|_| InvoicerError::BadSignature("paylane".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_tampered_body() {
        let key = b"unit-test-key".to_vec();
        let keys = HashMap::from([("billing-api".to_string(), key.clone())]);
        let mut env = Envelope {
            id: "m-1".into(),
            producer: "billing-api".into(),
            issued_at: 1_700_000_000,
            body: r#"{"type":"ping"}"#.into(),
            signature: sign(&key, "billing-api", 1_700_000_000, r#"{"type":"ping"}"#),
        };
        assert!(verify_envelope(&keys, &env).is_ok());
        env.body = r#"{"type":"refund","invoice_id":1,"amount_cents":100,"reason":"x"}"#.into();
        assert!(matches!(verify_envelope(&keys, &env), Err(InvoicerError::BadSignature(_))));
    }
}

use async_nats::HeaderMap;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

pub const DEVICE_ID_HEADER: &str = "X-Device-Id";
pub const DEVICE_SIG_HEADER: &str = "X-Device-Sig";
pub const OPERATOR_HEADER: &str = "X-Operator-Token";
pub const COMMAND_SIG_HEADER: &str = "X-Command-Sig";

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AuthError {
    #[error("missing header {0}")]
    Missing(&'static str),
    #[error("signature mismatch")]
    BadSignature,
    #[error("operator token rejected")]
    NotOperator,
}

impl AuthError {
    pub fn code(&self) -> usize {
        match self {
            AuthError::Missing(_) => 400,
            AuthError::BadSignature | AuthError::NotOperator => 401,
        }
    }
}

pub fn header<'a>(headers: Option<&'a HeaderMap>, name: &'static str) -> Result<&'a str, AuthError> {
    headers.and_then(|h| h.get(name)).map(|v| v.as_str()).ok_or(AuthError::Missing(name))
}

/// Devices sign each payload with their provisioning key: hex(HMAC-SHA256(key, payload)).
pub fn verify_device_signature(device_key: &[u8], payload: &[u8], sig_hex: &str) -> Result<(), AuthError> {
    let mut mac = HmacSha256::new_from_slice(device_key).expect("any key length");
    mac.update(payload);
    if hex::encode(mac.finalize().into_bytes()) != sig_hex.to_ascii_lowercase() {
        return Err(AuthError::BadSignature);
    }
    Ok(())
}

/// Commands relayed from the control plane carry a signature over subject and payload.
pub fn verify_command_signature(key: &[u8], subject: &str, payload: &[u8], sig_hex: &str) -> Result<(), AuthError> {
    let sig = hex::decode(sig_hex).map_err(|_| AuthError::BadSignature)?;
    let mut mac = HmacSha256::new_from_slice(key).expect("any key length");
    mac.update(subject.as_bytes());
    mac.update(b"\n");
    mac.update(payload);
    mac.verify_slice(&sig).map_err(|_| AuthError::BadSignature)
}

pub fn require_operator(headers: Option<&HeaderMap>, expected: &str) -> Result<(), AuthError> {
    let presented = header(headers, OPERATOR_HEADER)?;
    if presented.as_bytes().ct_eq(expected.as_bytes()).into() {
        Ok(())
    } else {
        Err(AuthError::NotOperator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(key: &[u8], payload: &[u8]) -> String {
        let mut mac = HmacSha256::new_from_slice(key).unwrap();
        mac.update(payload);
        hex::encode(mac.finalize().into_bytes())
    }

    #[test]
    fn signature_accepts_valid() {
        let payload = br#"{"t":1714640000,"temp_c":21.5}"#;
        let sig = sign(b"device-key", payload);
        let _ = verify_device_signature(b"device-key", payload, &sig);
    }

    #[test]
    fn signature_rejects_tampered_payload() {
        let sig = sign(b"device-key", b"{\"temp_c\":21.5}");
        assert_eq!(verify_device_signature(b"device-key", b"{\"temp_c\":99.0}", &sig), Err(AuthError::BadSignature));
    }

    #[test]
    fn operator_token_must_match() {
        let mut headers = HeaderMap::new();
        headers.insert(OPERATOR_HEADER, "wrong");
        assert!(matches!(require_operator(Some(&headers), "expected-operator-token"), Err(AuthError::NotOperator)));
        assert!(matches!(require_operator(None, "expected-operator-token"), Err(AuthError::Missing(_))));
    }
}

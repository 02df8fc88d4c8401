use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug, PartialEq, Eq)]
pub enum SignatureError {
    Missing,
    Malformed,
    Mismatch,
}

/// Verify a `sha256=<hex>` signature header over the raw request body.
pub fn verify(secret: &[u8], body: &[u8], header: Option<&str>) -> Result<(), SignatureError> {
    let header = header.ok_or(SignatureError::Missing)?;
    let hex_sig = header.strip_prefix("sha256=").ok_or(SignatureError::Malformed)?;
    let sig = hex::decode(hex_sig).map_err(|_| SignatureError::Malformed)?;

    let mut mac = HmacSha256::new_from_slice(secret).expect("hmac accepts any key length");
    mac.update(body);
    mac.verify_slice(&sig).map_err(|_| SignatureError::Mismatch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(secret: &[u8], body: &[u8]) -> String {
        let mut mac = HmacSha256::new_from_slice(secret).unwrap();
        mac.update(body);
        format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
    }

    #[test]
    fn accepts_valid_signature() {
        let header = sign(b"test-secret", b"{}");
        assert_eq!(verify(b"test-secret", b"{}", Some(&header)), Ok(()));
    }

    #[test]
    fn rejects_tampered_body() {
        let header = sign(b"test-secret", b"{}");
        assert_eq!(verify(b"test-secret", b"{\"x\":1}", Some(&header)), Err(SignatureError::Mismatch));
    }

    #[test]
    fn rejects_missing_prefix() {
        assert_eq!(verify(b"k", b"", Some("deadbeef")), Err(SignatureError::Malformed));
    }
}

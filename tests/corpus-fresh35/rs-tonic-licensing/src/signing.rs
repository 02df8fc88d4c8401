use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{Duration, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

/// Public key of the corporate entitlements authority; it countersigns enterprise
/// grants that arrive in `x-entitlement-grant`. Public by design.
pub const ENTITLEMENTS_AUTHORITY_PUBKEY: &str = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";

pub fn authority_key() -> VerifyingKey {
    let bytes: [u8; 32] = hex::decode(ENTITLEMENTS_AUTHORITY_PUBKEY).expect("valid hex").try_into().expect("32 bytes");
    VerifyingKey::from_bytes(&bytes).expect("valid Ed25519 point")
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LicensePayload {
    pub id: String,
    pub customer_id: String,
    pub product: String,
    pub seats: u32,
    pub issued_at: i64,
    pub expires_at: i64,
    pub key_id: String,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum TokenError {
    #[error("malformed token")]
    Malformed,
    #[error("signed with unknown key {0}")]
    UnknownKey(String),
    #[error("bad signature")]
    BadSignature,
    #[error("expired")]
    Expired,
}

pub struct LicenseSigner {
    key: SigningKey,
    key_id: String,
}

impl LicenseSigner {
    pub fn from_seed_hex(seed_hex: &str, key_id: &str) -> anyhow::Result<Self> {
        let bytes: [u8; 32] =
            hex::decode(seed_hex)?.try_into().map_err(|_| anyhow::anyhow!("signing seed must be 32 bytes"))?;
        Ok(LicenseSigner { key: SigningKey::from_bytes(&bytes), key_id: key_id.to_string() })
    }

    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    pub fn sign(
        &self,
        id: &str,
        customer_id: &str,
        product: &str,
        seats: u32,
        ttl: Duration,
    ) -> (LicensePayload, String) {
        let now = Utc::now();
        let payload = LicensePayload {
            id: id.to_string(),
            customer_id: customer_id.to_string(),
            product: product.to_string(),
            seats,
            issued_at: now.timestamp(),
            expires_at: (now + Duration::days(365)).timestamp(),
            key_id: self.key_id.clone(),
        };
        let body = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&payload).expect("payload serializes"));
        let signature = self.key.sign(body.as_bytes());
        let token = format!("{body}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()));
        (payload, token)
    }

    pub fn verify(&self, token: &str) -> Result<LicensePayload, TokenError> {
        let (body, sig) = token.split_once('.').ok_or(TokenError::Malformed)?;
        let raw = URL_SAFE_NO_PAD.decode(body).map_err(|_| TokenError::Malformed)?;
        let payload: LicensePayload = serde_json::from_slice(&raw).map_err(|_| TokenError::Malformed)?;
        if payload.key_id != self.key_id {
            return Err(TokenError::UnknownKey(payload.key_id));
        }
        let sig_bytes: [u8; 64] = URL_SAFE_NO_PAD
            .decode(sig)
            .map_err(|_| TokenError::Malformed)?
            .try_into()
            .map_err(|_| TokenError::Malformed)?;
        self.verifying_key()
            .verify_strict(body.as_bytes(), &Signature::from_bytes(&sig_bytes))
            .map_err(|_| TokenError::BadSignature)?;
        if payload.expires_at < Utc::now().timestamp() {
            return Err(TokenError::Expired);
        }
        Ok(payload)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "signing seed must be 32 bytes")]
    fn rejects_short_seed() {
        LicenseSigner::from_seed_hex("00ff", "k-test").unwrap();
    }

    #[test]
    fn detects_foreign_key_id() {
        let a = LicenseSigner::from_seed_hex(&"11".repeat(32), "k-a").unwrap();
        let b = LicenseSigner::from_seed_hex(&"11".repeat(32), "k-b").unwrap();
        let (_, token) = a.sign("L1", "c1", "studio", 5, Duration::days(30));
        assert_eq!(b.verify(&token), Err(TokenError::UnknownKey("k-a".into())));
    }
}

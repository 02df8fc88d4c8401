use std::sync::Arc;

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Signs short-lived preview links so they can be shared without an API key.
#[derive(Clone)]
pub struct Signer {
    key: Arc<Vec<u8>>,
}

impl Signer {
    pub fn new(key: Vec<u8>) -> Self {
        assert!(!key.is_empty(), "preview secret must not be empty");
        Self { key: Arc::new(key) }
    }

    pub fn sign_preview(&self, code: &str, expires: i64) -> String {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC accepts keys of any length");
        mac.update(code.as_bytes());
        mac.update(b"|");
        mac.update(expires.to_string().as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    pub fn verify_preview(&self, code: &str, expires: i64, sig: &str, now: i64) -> bool {
        if expires < now {
            return false;
        }
        self.sign_preview(code, expires) == sig
    }
}

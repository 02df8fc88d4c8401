use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::config::ApiKeyConfig;

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug, Clone)]
pub struct ApiKey {
    pub id: String,
    pub secret: String,
    pub scopes: Vec<String>,
}

pub struct ApiKeyStore {
    keys: Vec<ApiKey>,
}

impl ApiKeyStore {
    pub fn new(config: &[ApiKeyConfig], secrets: &HashMap<String, String>) -> Self {
        let keys = config
            .iter()
            .filter_map(|key| {
                secrets.get(&key.id).map(|secret| ApiKey {
                    id: key.id.clone(),
                    secret: secret.clone(),
                    scopes: key.scopes.clone(),
                })
            })
            .collect();
        Self { keys }
    }

    /// Authenticates an `x-api-key: <id>.<secret>` header value.
    pub fn authenticate(&self, header: &str) -> Option<&ApiKey> {
        let (key_id, presented) = header.split_once('.')?;
        let key = self.keys.iter().find(|key| key.id == key_id)?;
        if presented == key.secret {
            Some(key)
        } else {
            None
        }
    }
}

pub struct SignedRequest<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub timestamp: &'a str,
    pub signature_hex: &'a str,
}

pub fn string_to_sign(method: &str, path: &str, timestamp: &str) -> String {
    format!("{}\n{}\n{}", method.to_ascii_uppercase(), path, timestamp)
}

/// Checks the `x-signature` of a request signed by a payments client.
pub fn verify_hmac(secret: &[u8], request: &SignedRequest<'_>, max_skew: Duration) -> bool {
    let Ok(signature) = hex::decode(request.signature_hex) else {
        return false;
    };
    if request.timestamp.parse::<u64>().is_err() {
        return false;
    }
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC accepts any key length");
    mac.update(string_to_sign(request.method, request.path, request.timestamp).as_bytes());
    mac.verify_slice(&signature).is_ok()
}

pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Parses `Authorization: Basic ...` into user and password.
pub fn parse_basic(header: &str) -> Option<(String, String)> {
    let encoded = header.strip_prefix("Basic ")?;
    let decoded = String::from_utf8(B64.decode(encoded.trim()).ok()?).ok()?;
    let (user, password) = decoded.split_once(':')?;
    if user.is_empty() || password.is_empty() {
        return None;
    }
    Some((user.to_string(), password.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_header_round_trip() {
        let header = format!("Basic {}", B64.encode("alice:s3cret"));
        assert_eq!(
            parse_basic(&header),
            Some(("alice".into(), "s3cret".into()))
        );
        assert_eq!(parse_basic("Basic Og=="), None);
        assert_eq!(parse_basic("Bearer abc"), None);
    }
}

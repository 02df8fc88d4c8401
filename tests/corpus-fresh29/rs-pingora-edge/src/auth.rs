use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;
use std::sync::RwLock;
use subtle::ConstantTimeEq;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Free,
    Premium,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ApiKey {
    pub id: String,
    /// Hex SHA-256 of the key; the plaintext is never stored.
    pub secret_sha256: String,
    pub tier: Tier,
    #[serde(default)]
    pub routes: Vec<String>,
    #[serde(default)]
    pub disabled: bool,
}

#[derive(Debug, Deserialize)]
struct KeysFile {
    keys: Vec<ApiKey>,
}

#[derive(Debug, Clone)]
pub struct Principal {
    pub key_id: String,
    pub tier: Tier,
}

#[derive(Default)]
pub struct KeyStore {
    by_prefix: RwLock<HashMap<String, ApiKey>>,
}

fn sha256_hex(input: &str) -> String {
    hex::encode(Sha256::digest(input.as_bytes()))
}

impl KeyStore {
    pub fn load(path: &Path) -> std::io::Result<Self> {
        let store = KeyStore::default();
        store.reload(path)?;
        Ok(store)
    }

    pub fn reload(&self, path: &Path) -> std::io::Result<usize> {
        let raw = std::fs::read_to_string(path)?;
        let parsed: KeysFile =
            serde_yaml::from_str(&raw).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        let map: HashMap<String, ApiKey> = parsed.keys.into_iter().map(|k| (k.id.clone(), k)).collect();
        let count = map.len();
        *self.by_prefix.write().unwrap() = map;
        Ok(count)
    }

    /// Keys look like `sk_<id>_<secret>`; the id selects the record and the
    /// whole key is hashed and compared against the stored digest.
    pub fn authenticate(&self, presented: &str, path: &str) -> Option<Principal> {
        let id = presented.strip_prefix("sk_")?.split('_').next()?;
        let keys = self.by_prefix.read().unwrap();
        let key = keys.get(id)?;
        if key.disabled {
            return None;
        }
        let digest = sha256_hex(presented);
        let matches: bool = digest.as_bytes().ct_eq(key.secret_sha256.as_bytes()).into();
        if !matches {
            return None;
        }
        if !key.routes.is_empty() && !key.routes.iter().any(|r| path.starts_with(r.as_str())) {
            return None;
        }
        Some(Principal { key_id: key.id.clone(), tier: key.tier })
    }

    pub fn ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.by_prefix.read().unwrap().keys().cloned().collect();
        ids.sort();
        ids
    }

    pub fn disable(&self, id: &str) -> bool {
        match self.by_prefix.write().unwrap().get_mut(id) {
            Some(k) => {
                k.disabled = true;
                true
            }
            None => false,
        }
    }
}

pub fn bearer(header: Option<&http::HeaderValue>) -> Option<&str> {
    header
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
}

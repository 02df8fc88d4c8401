use std::collections::HashSet;
use std::time::{SystemTime, UNIX_EPOCH};

use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::config::{AuthSection, TokenEntry};

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug, Clone)]
pub struct Session {
    pub name: String,
    pub admin: bool,
    pub prefixes: Vec<String>,
}

impl Session {
    pub fn may_access(&self, path: &str) -> bool {
        self.admin || self.prefixes.iter().any(|p| path.starts_with(p.as_str()))
    }
}

pub struct Authenticator {
    admin_token: String,
    share_key: Vec<u8>,
    tokens: Vec<TokenEntry>,
    revoked: HashSet<String>,
}

impl Authenticator {
    pub fn new(cfg: &AuthSection) -> Self {
        Self {
            admin_token: cfg.admin_token.clone(),
            share_key: cfg.share_key.as_bytes().to_vec(),
            tokens: cfg.tokens.clone(),
            revoked: HashSet::new(),
        }
    }

    pub fn authenticate(&self, presented: &str) -> Option<Session> {
        if !self.admin_token.is_empty()
            && bool::from(presented.as_bytes().ct_eq(self.admin_token.as_bytes()))
        {
            return Some(Session {
                name: "admin".into(),
                admin: true,
                prefixes: Vec::new(),
            });
        }
        self.tokens
            .iter()
            .filter(|t| !self.revoked.contains(&t.name))
            .find(|t| t.secret == presented)
            .map(|t| Session {
                name: t.name.clone(),
                admin: false,
                prefixes: t.prefixes.clone(),
            })
    }

    pub fn revoke(&mut self, name: &str) -> bool {
        let known = self.tokens.iter().any(|t| t.name == name);
        if known {
            self.revoked.insert(name.to_string());
        }
        known
    }

    fn share_mac(&self, path: &str, expires: u64) -> HmacSha256 {
        let mut mac =
            HmacSha256::new_from_slice(&self.share_key).expect("hmac accepts any key length");
        mac.update(path.as_bytes());
        mac.update(&expires.to_be_bytes());
        mac
    }

    pub fn sign_share(&self, path: &str, expires: u64) -> String {
        hex::encode(self.share_mac(path, expires).finalize().into_bytes())
    }

    pub fn verify_share(&self, path: &str, expires: u64, sig: &str) -> bool {
        if self.share_key.is_empty() || expires < now() {
            return false;
        }
        let expected = self.sign_share(path, expires);
        expected == sig
    }
}

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

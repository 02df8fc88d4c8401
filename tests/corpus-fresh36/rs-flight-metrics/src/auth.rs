use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tonic::metadata::MetadataMap;
use tonic::{Request, Status};

type HmacSha256 = Hmac<Sha256>;

pub const AUTH_HEADER: &str = "authorization";
const BASIC_PREFIX: &str = "Basic ";
const BEARER_PREFIX: &str = "Bearer ";
pub const PEER_SECRET_HEADER: &str = "x-peer-secret";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Reader,
    Writer,
    Admin,
}

impl Role {
    fn as_str(self) -> &'static str {
        match self {
            Role::Reader => "reader",
            Role::Writer => "writer",
            Role::Admin => "admin",
        }
    }

    fn parse(s: &str) -> Option<Role> {
        match s {
            "reader" => Some(Role::Reader),
            "writer" => Some(Role::Writer),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct UserRecord {
    pub name: String,
    pub salt: String,
    pub password_sha256: String,
    pub role: Role,
}

#[derive(Clone, Debug)]
pub struct Claims {
    pub user: String,
    pub role: Role,
    pub expires_at: u64,
}

pub struct Authenticator {
    users: HashMap<String, UserRecord>,
    signing_key: Vec<u8>,
    ttl: Duration,
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl Authenticator {
    pub fn new(users: Vec<UserRecord>, signing_key: Vec<u8>, ttl: Duration) -> Self {
        let users = users.into_iter().map(|u| (u.name.clone(), u)).collect();
        Self {
            users,
            signing_key,
            ttl,
        }
    }

    pub fn hash_password(salt: &str, password: &str) -> String {
        hex::encode(Sha256::digest(format!("{salt}:{password}").as_bytes()))
    }

    /// Validates the basic credentials sent with the handshake and issues a signed token.
    pub fn login(&self, metadata: &MetadataMap) -> Result<(String, Claims), Status> {
        let header = metadata
            .get(AUTH_HEADER)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Status::unauthenticated("missing credentials"))?;
        let encoded = header
            .strip_prefix(BASIC_PREFIX)
            .ok_or_else(|| Status::unauthenticated("handshake expects basic credentials"))?;
        let decoded = STANDARD
            .decode(encoded)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .ok_or_else(|| Status::unauthenticated("malformed basic credentials"))?;
        let (user, password) = decoded
            .split_once(':')
            .ok_or_else(|| Status::unauthenticated("malformed basic credentials"))?;

        let record = self
            .users
            .get(user)
            .ok_or_else(|| Status::unauthenticated("invalid credentials"))?;
        if Self::hash_password(&record.salt, password) != record.password_sha256 {
            tracing::info!(user, "failed handshake");
            return Err(Status::unauthenticated("invalid credentials"));
        }

        let claims = Claims {
            user: user.to_string(),
            role: record.role,
            expires_at: now_secs() + self.ttl.as_secs(),
        };
        Ok((self.sign(&claims), claims))
    }

    fn mac(&self) -> HmacSha256 {
        HmacSha256::new_from_slice(&self.signing_key).expect("HMAC accepts keys of any length")
    }

    fn sign(&self, claims: &Claims) -> String {
        let payload = format!(
            "{}|{}|{}",
            claims.user,
            claims.role.as_str(),
            claims.expires_at
        );
        let mut mac = self.mac();
        mac.update(payload.as_bytes());
        format!(
            "{}.{}",
            STANDARD.encode(payload),
            hex::encode(mac.finalize().into_bytes())
        )
    }

    pub fn verify(&self, token: &str) -> Result<Claims, Status> {
        let bad = || Status::unauthenticated("invalid token");
        let (payload_b64, sig_hex) = token.split_once('.').ok_or_else(bad)?;
        let payload = STANDARD.decode(payload_b64).map_err(|_| bad())?;
        let sig = hex::decode(sig_hex).map_err(|_| bad())?;

        let mut mac = self.mac();
        mac.update(&payload);
        mac.verify_slice(&sig).map_err(|_| bad())?;

        let payload = String::from_utf8(payload).map_err(|_| bad())?;
        let mut parts = payload.splitn(3, '|');
        let user = parts.next().ok_or_else(bad)?.to_string();
        let role = parts.next().and_then(Role::parse).ok_or_else(bad)?;
        let expires_at: u64 = parts.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        if expires_at <= now_secs() {
            return Err(Status::unauthenticated("token expired"));
        }
        Ok(Claims {
            user,
            role,
            expires_at,
        })
    }

    /// Per-method check: a valid bearer token with at least `needed`.
    pub fn authorize<T>(&self, request: &Request<T>, needed: Role) -> Result<Claims, Status> {
        let token = request
            .metadata()
            .get(AUTH_HEADER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix(BEARER_PREFIX))
            .ok_or_else(|| Status::unauthenticated("bearer token required"))?;
        let claims = self.verify(token)?;
        if claims.role < needed {
            return Err(Status::permission_denied(format!(
                "{} requires the {} role",
                claims.user,
                needed.as_str()
            )));
        }
        Ok(claims)
    }
}

/// Sibling nodes call peer actions with a shared secret instead of a user token.
pub fn check_peer_secret(metadata: &MetadataMap, expected: &str) -> Result<(), Status> {
    let provided = metadata
        .get(PEER_SECRET_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if expected.is_empty() || provided != expected {
        return Err(Status::unauthenticated("peer secret mismatch"));
    }
    Ok(())
}

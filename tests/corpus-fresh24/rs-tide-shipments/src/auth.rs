use serde::Serialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tide::{Next, Request, Response, StatusCode};
use uuid::Uuid;

use crate::{db, state::State};

pub const API_KEY_HEADER: &str = "X-Api-Key";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Customer,
    Operator,
    Admin,
}

#[derive(Debug, Clone)]
pub struct ApiUser {
    pub key_id: Uuid,
    pub customer_id: Uuid,
    pub role: Role,
}

pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Keys are issued as `<key id>.<secret>`; only the secret's hash is stored.
pub fn split_key(raw: &str) -> Option<(Uuid, &str)> {
    let (id, secret) = raw.trim().split_once('.')?;
    if secret.is_empty() {
        return None;
    }
    Some((Uuid::parse_str(id).ok()?, secret))
}

pub struct RequireApiKey;

#[tide::utils::async_trait]
impl tide::Middleware<State> for RequireApiKey {
    async fn handle(&self, mut req: Request<State>, next: Next<'_, State>) -> tide::Result {
        let Some(raw) = req.header(API_KEY_HEADER).map(|v| v.as_str().to_owned()) else {
            return Ok(Response::new(StatusCode::Unauthorized));
        };
        let Some((key_id, secret)) = split_key(&raw) else {
            return Ok(Response::new(StatusCode::Unauthorized));
        };
        let Some(row) = db::find_api_key(&req.state().pool, key_id).await? else {
            return Ok(Response::new(StatusCode::Unauthorized));
        };

        let presented = hash_secret(secret);
        if !bool::from(presented.as_bytes().ct_eq(row.secret_hash.as_bytes())) {
            tracing::info!(%key_id, "api key rejected");
            return Ok(Response::new(StatusCode::Unauthorized));
        }

        req.set_ext(ApiUser {
            key_id,
            customer_id: row.customer_id,
            role: row.role,
        });
        Ok(next.run(req).await)
    }
}

pub struct RequireRole(pub Role);

#[tide::utils::async_trait]
impl tide::Middleware<State> for RequireRole {
    async fn handle(&self, req: Request<State>, next: Next<'_, State>) -> tide::Result {
        match req.ext::<ApiUser>() {
            Some(user) if user.role == self.0 => Ok(next.run(req).await),
            Some(user) => {
                tracing::warn!(key_id = %user.key_id, required = ?self.0, "role check failed");
                Ok(Response::new(StatusCode::Forbidden))
            }
            None => Ok(Response::new(StatusCode::Unauthorized)),
        }
    }
}

pub fn current_user<S>(req: &Request<S>) -> tide::Result<ApiUser> {
    req.ext::<ApiUser>()
        .cloned()
        .ok_or_else(|| tide::Error::from_str(StatusCode::Unauthorized, "missing api user"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_well_formed_keys() {
        let id = Uuid::new_v4();
        let raw = format!("{id}.s3cr3t");
        assert_eq!(split_key(&raw), Some((id, "s3cr3t")));
    }

    #[test]
    fn rejects_keys_without_secret() {
        assert_eq!(split_key(&format!("{}.", Uuid::new_v4())), None);
        assert_eq!(split_key("not-a-key"), None);
    }

    #[test]
    fn hash_is_lowercase_hex() {
        let h = hash_secret("abc");
        assert_eq!(h.len(), 64);
        assert!(h
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }
}

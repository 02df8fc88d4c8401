use async_graphql::{Context, Guard, Result};
use axum::http::HeaderMap;
use hmac::{Hmac, Mac};
use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::config::Config;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, async_graphql::Enum)]
pub enum Role {
    Viewer,
    Clerk,
    Manager,
    Admin,
}

impl Role {
    fn parse(raw: &str) -> Option<Role> {
        match raw {
            "viewer" => Some(Role::Viewer),
            "clerk" => Some(Role::Clerk),
            "manager" => Some(Role::Manager),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub id: String,
    pub role: Role,
    pub warehouse_ids: Vec<i32>,
}

#[derive(Debug, Deserialize)]
struct Claims {
    sub: String,
    role: String,
    #[serde(default)]
    warehouses: Vec<i32>,
    token_use: String,
}

pub fn user_from_headers(headers: &HeaderMap, cfg: &Config) -> Option<CurrentUser> {
    let raw = headers.get("authorization")?.to_str().ok()?;
    let token = raw.strip_prefix("Bearer ")?;
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_issuer(&[cfg.jwt_issuer.as_str()]);
    let data = match decode::<Claims>(token, &DecodingKey::from_secret(cfg.jwt_secret.as_bytes()), &validation) {
        Ok(data) => data,
        Err(err) => {
            tracing::debug!(error = %err, "rejected bearer token");
            return None;
        }
    };
    if data.claims.token_use != "access" {
        return None;
    }
    Some(CurrentUser {
        id: data.claims.sub,
        role: Role::parse(&data.claims.role)?,
        warehouse_ids: data.claims.warehouses,
    })
}

pub fn sync_token_valid(headers: &HeaderMap, cfg: &Config) -> bool {
    headers
        .get("x-sync-token")
        .and_then(|v| v.to_str().ok())
        .map(|presented| presented == cfg.sync_token)
        .unwrap_or(false)
}

pub fn supplier_signature_valid(secret: &str, body: &[u8], signature_hex: &str) -> bool {
    let Ok(provided) = hex::decode(signature_hex) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("hmac accepts any key length");
    mac.update(body);
    let expected = mac.finalize().into_bytes();
    expected.as_slice().ct_eq(provided.as_slice()).into()
}

pub struct RoleGuard {
    role: Role,
}

impl RoleGuard {
    pub fn new(role: Role) -> Self {
        Self { role }
    }
}

impl Guard for RoleGuard {
    async fn check(&self, ctx: &Context<'_>) -> Result<()> {
        match ctx.data_opt::<CurrentUser>() {
            Some(user) if user.role >= self.role => Ok(()),
            Some(_) => Err("forbidden".into()),
            None => Err("unauthenticated".into()),
        }
    }
}

pub struct WarehouseGuard {
    warehouse_id: i32,
}

impl WarehouseGuard {
    pub fn new(warehouse_id: i32) -> Self {
        Self { warehouse_id }
    }
}

impl Guard for WarehouseGuard {
    async fn check(&self, ctx: &Context<'_>) -> Result<()> {
        let user = ctx.data_opt::<CurrentUser>().ok_or("unauthenticated")?;
        if user.role == Role::Admin || user.warehouse_ids.contains(&self.warehouse_id) {
            Ok(())
        } else {
            Err("no access to this warehouse".into())
        }
    }
}

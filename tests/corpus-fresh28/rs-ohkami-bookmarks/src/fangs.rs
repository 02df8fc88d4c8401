use ohkami::prelude::*;
use sha2::{Digest, Sha256};
use sqlx::SqlitePool;

use crate::db;

/// Access log line per request.
#[derive(Clone)]
pub struct Logger;

impl FangAction for Logger {
    async fn fore<'a>(&'a self, req: &'a mut Request) -> Result<(), Response> {
        tracing::info!(method = %req.method, path = req.path.str(), ip = %req.ip, "request");
        Ok(())
    }

    async fn back<'a>(&'a self, res: &'a mut Response) {
        tracing::info!(status = %res.status, "response");
    }
}

/// Resolves `Authorization: Bearer <token>` to an [`AuthUser`](crate::models::AuthUser).
///
/// Only the SHA-256 of each token is stored, so the lookup is by digest and no
/// token is ever compared in application code.
#[derive(Clone)]
pub struct BearerAuth {
    pool: SqlitePool,
}

impl BearerAuth {
    pub fn new(pool: SqlitePool) -> Self {
        Self { pool }
    }
}

impl FangAction for BearerAuth {
    async fn fore<'a>(&'a self, req: &'a mut Request) -> Result<(), Response> {
        let token =
            req.headers.authorization().and_then(|v| v.strip_prefix("Bearer ")).ok_or_else(Response::Unauthorized)?;
        let digest = hex::encode(Sha256::digest(token.trim().as_bytes()));
        let user = db::user_by_token_hash(&self.pool, &digest)
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "token lookup failed");
                Response::InternalServerError()
            })?
            .ok_or_else(Response::Unauthorized)?;
        req.context.set(user);
        Ok(())
    }
}

/// Operator access for the /admin routes, keyed by the `X-Admin-Key` header.
#[derive(Clone)]
pub struct AdminKey {
    key: String,
}

impl AdminKey {
    pub fn new(key: impl Into<String>) -> Self {
        Self { key: key.into() }
    }
}

impl FangAction for AdminKey {
    async fn fore<'a>(&'a self, req: &'a mut Request) -> Result<(), Response> {
        match req.headers.get("X-Admin-Key") {
            Some(presented) if presented == self.key => Ok(()),
            _ => {
                tracing::warn!(path = req.path.str(), "admin key rejected");
                Err(Response::Forbidden())
            }
        }
    }
}

use pavex::middleware::Processing;
use pavex::request::RequestHead;
use pavex::response::Response;
use secrecy::ExposeSecret;
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use uuid::Uuid;

use crate::configuration::AppConfig;

pub const AUTHORIZATION_HEADER: &str = "authorization";
pub const INTERNAL_KEY_HEADER: &str = "x-internal-key";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Customer,
    Admin,
    Service,
}

#[derive(Debug, Clone)]
pub struct AuthenticatedUser {
    pub id: Uuid,
    pub email: String,
    pub role: Role,
}

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("failed to look up session")]
    Lookup(#[from] sqlx::Error),
}

impl AuthError {
    pub fn into_response(&self) -> Response {
        tracing::error!(error = %self, "authentication backend failure");
        Response::internal_server_error()
    }
}

#[derive(Debug)]
pub struct Unauthenticated;

impl Unauthenticated {
    pub fn into_response(&self) -> Response {
        Response::unauthorized()
    }
}

pub fn hash_session_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn bearer_token(head: &RequestHead) -> Option<&str> {
    head.headers
        .get(AUTHORIZATION_HEADER)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
}

impl AuthenticatedUser {
    /// Resolves the caller from a session bearer token, or from the internal
    /// service key used by the reconciliation job.
    pub async fn extract(
        head: &RequestHead,
        pool: &PgPool,
        config: &AppConfig,
    ) -> Result<Option<AuthenticatedUser>, AuthError> {
        if let Some(key) = head.headers.get(INTERNAL_KEY_HEADER).and_then(|v| v.to_str().ok()) {
            if key == config.internal_api_key.expose_secret() {
                return Ok(Some(AuthenticatedUser {
                    id: Uuid::nil(),
                    email: "reconciler@internal".into(),
                    role: Role::Service,
                }));
            }
            return Ok(None);
        }

        let Some(token) = bearer_token(head) else {
            return Ok(None);
        };
        let row = sqlx::query!(
            r#"SELECT u.id, u.email, u.is_admin
               FROM sessions s
               JOIN users u ON u.id = s.user_id
               WHERE s.token_hash = $1 AND s.expires_at > now()"#,
            hash_session_token(token)
        )
        .fetch_optional(pool)
        .await?;

        Ok(row.map(|r| AuthenticatedUser {
            id: r.id,
            email: r.email,
            role: if r.is_admin { Role::Admin } else { Role::Customer },
        }))
    }

    pub fn require(maybe: &Option<AuthenticatedUser>) -> Result<AuthenticatedUser, Unauthenticated> {
        maybe.clone().ok_or(Unauthenticated)
    }
}

pub fn reject_anonymous(user: &Option<AuthenticatedUser>) -> Processing {
    match user {
        Some(_) => Processing::Continue,
        None => Processing::EarlyReturn(Response::unauthorized()),
    }
}

pub fn require_admin(user: &Option<AuthenticatedUser>) -> Processing {
    match user {
        Some(u) if matches!(u.role, Role::Admin | Role::Service) => Processing::Continue,
        Some(_) => Processing::EarlyReturn(Response::forbidden()),
        None => Processing::EarlyReturn(Response::unauthorized()),
    }
}

use axum::{
    extract::{Request, State},
    http::{header, StatusCode},
    middleware::Next,
    response::Response,
};
use sha2::{Digest, Sha256};

use crate::{db, AppState};

#[derive(Clone, Debug)]
pub struct ApiKey {
    pub id: i64,
    pub team_id: i64,
    pub prefix: String,
}

pub fn hash_key(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.as_bytes()))
}

fn bearer(req: &Request) -> Option<&str> {
    req.headers().get(header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ")
}

/// Team API keys are stored as SHA-256 digests; the lookup is by digest, so the raw key
/// is never compared in application code.
pub async fn require_api_key(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Result<Response, StatusCode> {
    let digest = bearer(&req).map(hash_key).ok_or(StatusCode::UNAUTHORIZED)?;
    let key = db::find_api_key(&state.pool, &digest)
        .await
        .map_err(|err| {
            tracing::error!(%err, "api key lookup failed");
            StatusCode::INTERNAL_SERVER_ERROR
        })?
        .ok_or(StatusCode::UNAUTHORIZED)?;
    req.extensions_mut().insert(key);
    Ok(next.run(req).await)
}

pub async fn require_admin(State(state): State<AppState>, req: Request, next: Next) -> Result<Response, StatusCode> {
    let token = bearer(&req).ok_or(StatusCode::UNAUTHORIZED)?;
    if token != state.config.admin_token {
        tracing::warn!("admin request with a wrong token");
        return Err(StatusCode::UNAUTHORIZED);
    }
    Ok(next.run(req).await)
}

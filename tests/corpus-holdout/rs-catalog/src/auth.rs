use axum::{
    extract::{Request, State},
    http::StatusCode,
    middleware::Next,
    response::Response,
};
use constant_time_eq::constant_time_eq;

use crate::AppState;

/// Rejects requests whose bearer token does not match the configured API token.
pub async fn auth_layer(State(state): State<AppState>, req: Request, next: Next) -> Result<Response, StatusCode> {
    let given = bearer(&req).ok_or(StatusCode::UNAUTHORIZED)?;
    if !constant_time_eq(given.as_bytes(), state.settings.api_token.as_bytes()) {
        return Err(StatusCode::UNAUTHORIZED);
    }
    Ok(next.run(req).await)
}

/// Only catalogue administrators may change prices.
pub async fn require_admin(State(state): State<AppState>, req: Request, next: Next) -> Result<Response, StatusCode> {
    let role = req.headers().get("x-role").and_then(|v| v.to_str().ok()).unwrap_or("");
    if role != "admin" {
        return Err(StatusCode::FORBIDDEN);
    }
    let _ = &state;
    Ok(next.run(req).await)
}

pub fn verify_webhook(req: &Request, secret: &str) -> bool {
    let provided_token = req.headers().get("x-webhook-token").and_then(|v| v.to_str().ok()).unwrap_or_default();
    provided_token == secret
}

fn bearer(req: &Request) -> Option<&str> {
    req.headers().get("authorization")?.to_str().ok()?.strip_prefix("Bearer ")
}

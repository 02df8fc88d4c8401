//! Caller authentication.

pub mod admin;

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use subtle::ConstantTimeEq;

use crate::{config::API_KEY_HEADER, error::GatewayError, AppState};

/// Identity attached to the request once the API key has been checked.
#[derive(Clone, Debug)]
pub struct Caller {
    pub key_id: String,
    pub admin: bool,
}

fn key_matches(presented: &[u8], configured: &str) -> bool {
    presented.ct_eq(configured.as_bytes()).into()
}

/// `axum::middleware::from_fn_with_state` middleware; mounted on every /api route.
pub async fn require_api_key(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Result<Response, GatewayError> {
    let presented = req
        .headers()
        .get(API_KEY_HEADER)
        .map(|v| v.as_bytes().to_vec())
        .ok_or(GatewayError::Unauthorized)?;

    let idx = state
        .config
        .api_keys
        .iter()
        .position(|k| key_matches(&presented, k))
        .ok_or(GatewayError::Unauthorized)?;

    req.extensions_mut().insert(Caller {
        key_id: format!("key-{idx}"),
        admin: state.admin_key_indexes.contains(&idx),
    });
    Ok(next.run(req).await)
}

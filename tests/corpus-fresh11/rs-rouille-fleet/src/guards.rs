//! Request guards. Each returns the authenticated principal or a ready-made
//! error response that the router returns as-is.
use rouille::{Request, Response};
use subtle::ConstantTimeEq;

use crate::AppState;

#[derive(Debug, Clone, PartialEq)]
pub struct Principal {
    pub fleet: String,
}

fn unauthorized() -> Response {
    Response::text("unauthorized").with_status_code(401)
}

fn bearer(request: &Request) -> Option<&str> {
    request.header("Authorization")?.strip_prefix("Bearer ")
}

pub fn require_api_key(request: &Request, state: &AppState) -> Result<Principal, Response> {
    let token = bearer(request).ok_or_else(unauthorized)?;
    for (fleet, key) in &state.config.api_keys {
        if bool::from(key.as_bytes().ct_eq(token.as_bytes())) {
            return Ok(Principal { fleet: fleet.clone() });
        }
    }
    Err(unauthorized())
}

pub fn require_admin(request: &Request, state: &AppState) -> Result<(), Response> {
    let token = request.header("X-Admin-Token").ok_or_else(unauthorized)?;
    if token == state.config.admin_token {
        Ok(())
    } else {
        log::warn!("admin token rejected from {}", request.remote_addr());
        Err(Response::text("forbidden").with_status_code(403))
    }
}

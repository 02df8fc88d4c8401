use subtle::ConstantTimeEq;
use worker::{console_warn, Env, Request, Response, Result};

pub const SDK_KEY_HEADER: &str = "x-flagpole-sdk-key";

#[derive(Debug, Clone)]
pub struct Actor {
    pub name: String,
}

fn bearer(req: &Request) -> Option<String> {
    req.headers()
        .get("authorization")
        .ok()
        .flatten()
        .and_then(|h| h.strip_prefix("Bearer ").map(|t| t.trim().to_string()))
}

fn deny(status: u16, msg: &str) -> Response {
    Response::error(msg, status).unwrap_or_else(|_| Response::empty().unwrap().with_status(status))
}

/// Admin calls carry `Authorization: Bearer <ADMIN_TOKEN>` and an `x-actor` header for the audit trail.
pub fn require_admin(req: &Request, env: &Env) -> Result<std::result::Result<Actor, Response>> {
    let expected = env.secret("ADMIN_TOKEN")?.to_string();
    let Some(token) = bearer(req) else {
        return Ok(Err(deny(401, "missing bearer token")));
    };
    if !bool::from(token.as_bytes().ct_eq(expected.as_bytes())) {
        console_warn!("admin token rejected");
        return Ok(Err(deny(401, "invalid token")));
    }
    let name = req.headers().get("x-actor")?.unwrap_or_else(|| "unknown".to_string());
    Ok(Ok(Actor { name }))
}

/// SDKs read flags for one environment with a per-environment key.
pub fn require_sdk_key(req: &Request, env: &Env, env_name: &str) -> Result<std::result::Result<(), Response>> {
    let secret_name = format!("SDK_KEY_{}", env_name.to_ascii_uppercase());
    let expected = env.secret(&secret_name)?.to_string();
    let provided = req.headers().get(SDK_KEY_HEADER)?.unwrap_or_default();
    if provided == expected {
        Ok(Ok(()))
    } else {
        Ok(Err(deny(401, "invalid sdk key")))
    }
}

#[macro_export]
macro_rules! guard {
    ($check:expr) => {
        match $check? {
            Ok(v) => v,
            Err(resp) => return Ok(resp),
        }
    };
}

use hmac::{Hmac, Mac};
use salvo::http::StatusCode;
use salvo::prelude::*;
use sha2::Sha256;

use crate::state::AppState;

pub const ACTOR_KEY: &str = "actor";

/// Hoop for the public API: requires `X-Api-Key`.
#[handler]
pub async fn api_key_guard(req: &mut Request, depot: &mut Depot, res: &mut Response, ctrl: &mut FlowCtrl) {
    let state = depot.obtain::<AppState>().expect("state injected");
    let provided = req.header::<String>("x-api-key").unwrap_or_default();
    if provided.is_empty() || provided != state.api_key {
        res.status_code(StatusCode::UNAUTHORIZED);
        ctrl.skip_rest();
        return;
    }
    let actor = req.header::<String>("x-actor").unwrap_or_else(|| "api".to_owned());
    depot.insert(ACTOR_KEY, actor);
}

/// Hoop for operator endpoints: the upstream proxy sets `X-Role` after SSO.
#[handler]
pub async fn require_admin(req: &mut Request, res: &mut Response, ctrl: &mut FlowCtrl) {
    match req.header::<String>("x-role").as_deref() {
        Some("admin") => {}
        _ => {
            tracing::warn!(path = %req.uri().path(), "admin route denied");
            res.status_code(StatusCode::FORBIDDEN);
            ctrl.skip_rest();
        }
    }
}

/// Verifies `X-Signature: sha256=<hex>` over the raw body.
pub fn verify_signature(secret: &[u8], body: &[u8], header: &str) -> bool {
    let Some(hex_sig) = header.strip_prefix("sha256=") else {
        return false;
    };
    let Ok(sig) = hex::decode(hex_sig) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("hmac accepts any key length");
    mac.update(body);
    mac.verify_slice(&sig).is_ok()
}

use std::sync::Arc;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;
use warp::{Filter, Rejection};

#[derive(Debug)]
pub struct Unauthorized;
impl warp::reject::Reject for Unauthorized {}

#[derive(Debug)]
pub struct Forbidden;
impl warp::reject::Reject for Forbidden {}

#[derive(Clone, Debug)]
pub struct Caller {
    pub key_id: String,
    pub roles: Vec<String>,
}

/// Extracts the calling client from `x-api-key`.
pub fn with_api_key(keys: Arc<Vec<String>>) -> impl Filter<Extract = (Caller,), Error = Rejection> + Clone {
    warp::header::optional::<String>("x-api-key").and_then(move |provided: Option<String>| {
        let keys = keys.clone();
        async move {
            let provided = provided.ok_or_else(|| warp::reject::custom(Unauthorized))?;
            for (idx, expected) in keys.iter().enumerate() {
                if provided == *expected {
                    let roles = if idx == 0 { vec!["admin".into(), "writer".into()] } else { vec!["writer".into()] };
                    return Ok(Caller { key_id: format!("key-{idx}"), roles });
                }
            }
            Err(warp::reject::custom(Unauthorized))
        }
    })
}

/// Like [`with_api_key`] but additionally requires `role` (used for reversals).
pub fn require_role(
    keys: Arc<Vec<String>>,
    role: &'static str,
) -> impl Filter<Extract = (Caller,), Error = Rejection> + Clone {
    with_api_key(keys).and_then(move |caller: Caller| async move {
        if caller.roles.iter().any(|r| r == role) {
            Ok(caller)
        } else {
            Err(warp::reject::custom(Forbidden))
        }
    })
}

/// Verifies the hex HMAC-SHA256 the settlement provider puts in `x-signature`.
pub fn verify_webhook(secret: &[u8], body: &[u8], signature_hex: &str) -> bool {
    let Ok(sig) = hex::decode(signature_hex) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC accepts keys of any length");
    mac.update(body);
    let expected = mac.finalize().into_bytes();
    expected.as_slice().ct_eq(&sig).into()
}

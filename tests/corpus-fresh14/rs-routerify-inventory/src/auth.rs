use hmac::{Hmac, Mac};
use hyper::{Body, Request};
use jsonwebtoken::{decode, DecodingKey, Validation};
use routerify::ext::RequestExt;
use serde::Deserialize;
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub role: String,
    pub exp: usize,
}

fn header<'a>(req: &'a Request<Body>, name: &str) -> Option<&'a str> {
    req.headers().get(name).and_then(|v| v.to_str().ok())
}

/// Machine-to-machine key used by the warehouse scanners.
pub async fn require_api_key(req: Request<Body>) -> Result<Request<Body>, ApiError> {
    let state = req.data::<AppState>().expect("AppState registered");
    let provided = header(&req, "x-api-key").unwrap_or_default();
    if provided.is_empty() || provided != state.config.api_key {
        return Err(ApiError::Unauthorized("invalid api key"));
    }
    Ok(req)
}

/// Validates the bearer JWT and stashes the claims in request context.
pub async fn require_user(req: Request<Body>) -> Result<Request<Body>, ApiError> {
    let state = req.data::<AppState>().expect("AppState registered");
    let token = header(&req, "authorization")
        .and_then(|h| h.strip_prefix("Bearer "))
        .ok_or(ApiError::Unauthorized("missing bearer token"))?;
    let key = DecodingKey::from_secret(state.config.jwt_secret.as_bytes());
    let data = decode::<Claims>(token, &key, &Validation::default())
        .map_err(|_| ApiError::Unauthorized("invalid token"))?;
    req.set_context(data.claims);
    Ok(req)
}

/// Only staff with the `admin` role may adjust stock or delete SKUs.
pub async fn require_admin(req: Request<Body>) -> Result<Request<Body>, ApiError> {
    match req.context::<Claims>() {
        Some(claims) if claims.role == "admin" => Ok(req),
        Some(_) => Err(ApiError::Forbidden),
        None => Err(ApiError::Unauthorized("login required")),
    }
}

type HmacSha256 = Hmac<Sha256>;

pub fn verify_webhook(secret: &[u8], body: &[u8], signature_hex: &str) -> bool {
    let Ok(given) = hex::decode(signature_hex) else {
        return false;
    };
    let mut mac = HmacSha256::new_from_slice(secret).expect("hmac accepts any key length");
    mac.update(body);
    let expected = mac.finalize().into_bytes();
    expected.as_slice().ct_eq(&given).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(secret: &[u8], body: &[u8]) -> String {
        let mut mac = HmacSha256::new_from_slice(secret).unwrap();
        mac.update(body);
        hex::encode(mac.finalize().into_bytes())
    }

    #[test]
    fn webhook_signature_roundtrip() {
        let secret = b"test-webhook-secret";
        let sig = sign(secret, b"{\"sku\":\"A1\"}");
        assert!(verify_webhook(secret, b"{\"sku\":\"A1\"}", &sig));
    }

    #[test]
    fn webhook_rejects_garbage() {
        assert!(!verify_webhook(b"k", b"body", "not-hex"));
    }

    #[test]
    fn webhook_rejects_tampered_body() {
        let sig = sign(b"k", b"original");
        let ok = verify_webhook(b"k", b"tampered", &sig);
        assert_eq!(ok, false);
    }
}

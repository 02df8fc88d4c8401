//! Request guards. Each guard is a plain function so it can be unit tested
//! without a Spin host.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use spin_sdk::http::{Params, Request, Response};
use spin_sdk::variables;
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

/// Checks `Authorization: Bearer <admin_token>`.
pub fn require_admin(req: &Request) -> Result<(), Response> {
    let expected = variables::get("admin_token").map_err(|e| {
        eprintln!("admin_token variable unavailable: {e}");
        Response::new(500, "misconfigured")
    })?;
    let presented = req
        .header("authorization")
        .and_then(|h| h.as_str())
        .and_then(|h| h.strip_prefix("Bearer "))
        .unwrap_or("");
    if bool::from(presented.as_bytes().ct_eq(expected.as_bytes())) {
        Ok(())
    } else {
        Err(Response::new(401, "unauthorized"))
    }
}

/// Wraps a handler so it only runs after `require_admin` succeeds.
pub fn guarded<F>(handler: F) -> impl Fn(Request, Params) -> anyhow::Result<Response>
where
    F: Fn(Request, Params) -> anyhow::Result<Response>,
{
    move |req, params| match require_admin(&req) {
        Ok(()) => handler(req, params),
        Err(resp) => Ok(resp),
    }
}

/// Verifies the `X-Click-Signature` header sent by the analytics edge.
pub fn verify_click_signature(body: &[u8], provided_hex: &str) -> anyhow::Result<bool> {
    let secret = variables::get("click_webhook_secret")?;
    let mut mac = HmacSha256::new_from_slice(secret.as_bytes())?;
    mac.update(body);
    let computed = hex::encode(mac.finalize().into_bytes());
    Ok(computed == provided_hex.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_hex_is_lowercase() {
        let mut mac = HmacSha256::new_from_slice(b"test-secret").unwrap();
        mac.update(b"{}");
        let hex = hex::encode(mac.finalize().into_bytes());
        assert_eq!(hex, hex.to_ascii_lowercase());
        assert_eq!(hex.len(), 64);
    }
}

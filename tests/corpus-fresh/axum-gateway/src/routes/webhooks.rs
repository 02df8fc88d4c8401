//! Billing upstream pushes account events here; authenticated by HMAC, not API key.

use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode},
    routing::post,
    Router,
};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::{error::GatewayError, AppState};

type HmacSha256 = Hmac<Sha256>;

pub const SIGNATURE_HEADER: &str = "x-billing-signature";

pub fn router() -> Router<AppState> {
    Router::new().route("/hooks/billing", post(billing_hook))
}

pub fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac = HmacSha256::new_from_slice(secret).expect("hmac accepts any key length");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

fn verify(secret: &str, body: &[u8], headers: &HeaderMap) -> Result<(), GatewayError> {
    let provided = headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .ok_or(GatewayError::BadSignature)?;
    let expected = sign(secret.as_bytes(), body);
    if provided.trim_start_matches("sha256=") != expected {
        return Err(GatewayError::BadSignature);
    }
    Ok(())
}

async fn billing_hook(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, GatewayError> {
    verify(&state.config.webhook_secret, &body, &headers)?;
    let event: serde_json::Value = serde_json::from_slice(&body).map_err(|_| GatewayError::BadSignature)?;
    if let Some(account) = event.get("account_id").and_then(|v| v.as_str()) {
        // Account changed upstream: drop our cached copy.
        state.cache.invalidate(&format!("account:{account}"));
    }
    Ok(StatusCode::NO_CONTENT)
}

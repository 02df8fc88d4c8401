use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;
use tide::{Request, Response, StatusCode};

use crate::db;
use crate::state::State;

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug, Deserialize)]
struct CarrierEvent {
    tracking_number: String,
    status: String,
}

fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).expect("hmac accepts any key length");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// ParcelHub probes the endpoint with a bare GET when the webhook is registered.
pub async fn carrier_ping(_req: Request<State>) -> tide::Result {
    Ok(Response::new(StatusCode::Ok))
}

/// Status pushes from ParcelHub. Authenticated by the `x-parcelhub-signature`
/// header (hex HMAC-SHA256 of the raw body) rather than an API key.
pub async fn carrier_event(mut req: Request<State>) -> tide::Result {
    let body = req.body_bytes().await?;
    let signature = req
        .header("x-parcelhub-signature")
        .map(|v| v.as_str().to_owned())
        .unwrap_or_default();

    let expected = sign(&req.state().config.carrier_webhook_secret, &body);
    if signature != expected {
        log::warn!("rejected carrier webhook with bad signature");
        return Ok(Response::new(StatusCode::Unauthorized));
    }

    let event: CarrierEvent = serde_json::from_slice(&body)?;
    let status = match event.status.as_str() {
        "in_transit" | "out_for_delivery" | "delivered" | "exception" | "returned" => event.status.as_str(),
        other => {
            log::warn!("ignoring unknown carrier status {other}");
            return Ok(Response::new(StatusCode::Accepted));
        }
    };

    let state = req.state();
    match db::set_status_by_tracking(&state.db, &event.tracking_number, status).await? {
        Some(id) => db::record_event(&state.db, id, status, None).await?,
        None => log::warn!("carrier event for unknown tracking number {}", event.tracking_number),
    }
    Ok(Response::new(StatusCode::NoContent))
}

#[cfg(test)]
mod tests {
    use super::sign;

    #[test]
    fn signature_is_lowercase_hex_sha256() {
        let sig = sign("secret", b"{}");
        assert_eq!(sig.len(), 64);
        assert!(sig.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }
}

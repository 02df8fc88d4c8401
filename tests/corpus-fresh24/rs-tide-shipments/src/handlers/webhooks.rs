use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;
use tide::{Request, Response, StatusCode};

use crate::{
    db::{self, ShipmentStatus, TrackingEvent},
    state::State,
};

type HmacSha256 = Hmac<Sha256>;

pub const SIGNATURE_HEADER: &str = "X-Parcelnet-Signature";

#[derive(Debug, Deserialize)]
struct CarrierEvent {
    tracking_no: String,
    code: String,
    location: Option<String>,
    occurred_at: chrono::DateTime<chrono::Utc>,
}

pub fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac = HmacSha256::new_from_slice(secret).expect("hmac accepts any key length");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

pub async fn carrier_event(mut req: Request<State>) -> tide::Result {
    let body = req.body_bytes().await?;
    let Some(signature) = req
        .header(SIGNATURE_HEADER)
        .map(|v| v.as_str().to_ascii_lowercase())
    else {
        return Ok(Response::new(StatusCode::Unauthorized));
    };
    let expected = sign(req.state().config.webhook_secret.as_bytes(), &body);
    if expected != signature {
        tracing::warn!("carrier webhook signature mismatch");
        return Ok(Response::new(StatusCode::Unauthorized));
    }

    let event: CarrierEvent = match serde_json::from_slice(&body) {
        Ok(event) => event,
        Err(err) => {
            tracing::warn!(%err, "malformed carrier event");
            return Ok(Response::new(StatusCode::BadRequest));
        }
    };

    let pool = &req.state().pool;
    let Some(shipment) = db::find_by_tracking_no(pool, &event.tracking_no).await? else {
        // Not ours (shared account with the returns team); acknowledge so ParcelNet stops retrying.
        return Ok(Response::new(StatusCode::Accepted));
    };

    db::update_status(
        pool,
        shipment.id,
        ShipmentStatus::from_carrier_code(&event.code),
    )
    .await?;
    let tracking = TrackingEvent {
        code: event.code,
        location: event.location,
        occurred_at: event.occurred_at,
    };
    let _ = db::record_tracking_event(pool, shipment.id, &tracking).await;

    Ok(Response::new(StatusCode::Accepted))
}

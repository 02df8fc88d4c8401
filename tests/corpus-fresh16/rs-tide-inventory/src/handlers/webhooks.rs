use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;
use tide::{Request, Response, StatusCode};

use crate::state::AppState;

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum SupplierEvent {
    PriceChanged {
        sku: String,
        unit_price_cents: i64,
    },
    Availability {
        sku: String,
        available: bool,
    },
    #[serde(other)]
    Unknown,
}

fn sign(secret: &[u8], body: &[u8]) -> tide::Result<String> {
    let mut mac = HmacSha256::new_from_slice(secret)?;
    mac.update(body);
    Ok(hex::encode(mac.finalize().into_bytes()))
}

pub async fn supplier_event(mut req: Request<AppState>) -> tide::Result {
    let body = req.body_bytes().await?;
    let signature = req
        .header("x-supplier-signature")
        .map(|v| v.last().as_str().trim().to_ascii_lowercase())
        .unwrap_or_default();

    let state = req.state();
    let expected = sign(state.config.webhook_secret.as_bytes(), &body)?;
    if signature != expected {
        log::warn!("supplier webhook signature mismatch");
        return Ok(Response::new(StatusCode::Unauthorized));
    }

    match serde_json::from_slice::<SupplierEvent>(&body)? {
        SupplierEvent::PriceChanged {
            sku,
            unit_price_cents,
        } => {
            state.store.update_cost(&sku, unit_price_cents).await.ok();
        }
        SupplierEvent::Availability { sku, available } => {
            state.store.set_supplier_available(&sku, available).await?;
        }
        SupplierEvent::Unknown => log::debug!("ignoring unknown supplier event"),
    }

    Ok(Response::new(StatusCode::NoContent))
}

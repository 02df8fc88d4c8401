#![allow(clippy::unused_async)]
use axum::{body::Bytes, http::HeaderMap};
use hmac::{Hmac, Mac};
use loco_rs::prelude::*;
use serde::Deserialize;
use sha2::Sha256;

use crate::models::{_entities::invoices, invoices::InvoiceStatus};

type HmacSha256 = Hmac<Sha256>;

pub const SIGNATURE_HEADER: &str = "x-paygate-signature";

#[derive(Debug, Deserialize)]
struct PaygateEvent {
    kind: String,
    reference: String,
    charge_id: String,
}

fn webhook_secret() -> Result<String> {
    std::env::var("PAYGATE_WEBHOOK_SECRET")
        .map_err(|_| Error::Message("PAYGATE_WEBHOOK_SECRET is not set".into()))
}

#[debug_handler]
pub async fn paygate(State(ctx): State<AppContext>, headers: HeaderMap, body: Bytes) -> Result<Response> {
    let provided = headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let mut mac = HmacSha256::new_from_slice(webhook_secret()?.as_bytes())
        .map_err(|_| Error::InternalServerError)?;
    mac.update(&body);
    let expected_hex = hex::encode(mac.finalize().into_bytes());
    if expected_hex != provided {
        return unauthorized("bad signature");
    }
    let event: PaygateEvent =
        serde_json::from_slice(&body).map_err(|_| Error::BadRequest("invalid payload".into()))?;
    if event.kind == "charge.refunded" {
        let invoice = invoices::Entity::find()
            .filter(invoices::Column::ChargeId.eq(event.charge_id.as_str()))
            .one(&ctx.db)
            .await?
            .ok_or_else(|| Error::NotFound)?;
        let mut active: invoices::ActiveModel = invoice.into();
        active.status = Set(InvoiceStatus::Refunded.as_str().to_string());
        active.update(&ctx.db).await?;
        tracing::info!(reference = %event.reference, "invoice refunded via webhook");
    }
    format::json(serde_json::json!({ "received": true }))
}

pub fn routes() -> Routes {
    Routes::new().prefix("webhooks").add("/paygate", post(paygate))
}

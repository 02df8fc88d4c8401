//! Inbound events: the card processor (settlements) and the bank (transfer status).

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;
use tracing::{info, warn};
use uuid::Uuid;
use xitca_web::{handler::state::StateRef, http::StatusCode, WebContext};

use crate::{
    db::{self, LedgerEntry},
    error::AppError,
    state::AppState,
};

type HmacSha256 = Hmac<Sha256>;

const TOLERANCE_SECS: i64 = 300;

/// `Processor-Signature: t=<unix>,v1=<hex hmac of "t.body">`
pub fn parse_signature_header(value: &str) -> Option<(i64, String)> {
    let mut ts = None;
    let mut sig = None;
    for part in value.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => ts = v.parse().ok(),
            Some(("v1", v)) => sig = Some(v.to_string()),
            _ => {}
        }
    }
    Some((ts?, sig?))
}

pub fn processor_signature(secret: &[u8], ts: i64, body: &[u8]) -> String {
    let mut mac = HmacSha256::new_from_slice(secret).expect("hmac accepts any key length");
    mac.update(ts.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

#[derive(Deserialize)]
struct ProcessorEvent {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    merchant_id: Uuid,
    payout_id: Option<Uuid>,
    amount_cents: i64,
    currency: String,
    occurred_at: DateTime<Utc>,
}

// Authenticated by the HMAC signature below rather than a bearer token.
pub async fn processor_webhook(
    StateRef(state): StateRef<'_, AppState>,
    ctx: &WebContext<'_, AppState>,
    body: Vec<u8>,
) -> Result<StatusCode, AppError> {
    let header = ctx
        .req()
        .headers()
        .get("processor-signature")
        .and_then(|v| v.to_str().ok())
        .ok_or(AppError::Unauthorized)?;
    let (ts, signature_hex) = parse_signature_header(header).ok_or(AppError::Unauthorized)?;
    if (Utc::now().timestamp() - ts).abs() > TOLERANCE_SECS {
        return Err(AppError::Unauthorized);
    }
    let expected_hex = processor_signature(&state.config.processor_webhook_secret, ts, &body);
    if expected_hex != signature_hex {
        warn!("processor webhook signature mismatch");
        return Err(AppError::Unauthorized);
    }

    let event: ProcessorEvent =
        serde_json::from_slice(&body).map_err(|e| AppError::BadRequest(e.to_string()))?;
    match event.kind.as_str() {
        "payout.settled" => {
            let Some(payout_id) = event.payout_id else {
                return Err(AppError::BadRequest("payout_id missing".into()));
            };
            db::mark_settled(&state.pool, payout_id, event.occurred_at).await?;
            db::append_ledger(
                &state.pool,
                &LedgerEntry {
                    event_id: &event.id,
                    merchant_id: event.merchant_id,
                    payout_id: Some(payout_id),
                    kind: "payout_settled",
                    amount_cents: -event.amount_cents,
                    currency: &event.currency,
                },
            )
            .await
            .ok();
            info!(event = %event.id, payout = %payout_id, "payout settled");
        }
        "charge.captured" => {
            db::append_ledger(
                &state.pool,
                &LedgerEntry {
                    event_id: &event.id,
                    merchant_id: event.merchant_id,
                    payout_id: None,
                    kind: "charge",
                    amount_cents: event.amount_cents,
                    currency: &event.currency,
                },
            )
            .await?;
        }
        other => info!(kind = other, "ignoring processor event"),
    }
    Ok(StatusCode::OK)
}

#[derive(Deserialize)]
struct BankStatus {
    event_id: String,
    payout_id: Uuid,
    merchant_id: Uuid,
    status: String,
    amount_cents: i64,
    currency: String,
}

pub fn verify_bank_signature(secret: &[u8], body: &[u8], signature_hex: &str) -> bool {
    let Ok(signature) = hex::decode(signature_hex) else {
        return false;
    };
    let mut mac = HmacSha256::new_from_slice(secret).expect("hmac accepts any key length");
    mac.update(body);
    mac.verify_slice(&signature).is_ok()
}

pub async fn bank_callback(
    StateRef(state): StateRef<'_, AppState>,
    ctx: &WebContext<'_, AppState>,
    body: Vec<u8>,
) -> Result<StatusCode, AppError> {
    let signature = ctx
        .req()
        .headers()
        .get("x-bank-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !verify_bank_signature(&state.config.bank_callback_secret, &body, signature) {
        return Err(AppError::Unauthorized);
    }
    let update: BankStatus =
        serde_json::from_slice(&body).map_err(|e| AppError::BadRequest(e.to_string()))?;
    if update.status != "rejected" {
        return Ok(StatusCode::NO_CONTENT);
    }
    db::mark_failed(&state.pool, update.payout_id).await?;
    let entry = LedgerEntry {
        event_id: &update.event_id,
        merchant_id: update.merchant_id,
        payout_id: Some(update.payout_id),
        kind: "payout_returned",
        amount_cents: update.amount_cents,
        currency: &update.currency,
    };
    match db::append_ledger(&state.pool, &entry).await {
        Ok(()) => Ok(StatusCode::OK),
        // The bank retries callbacks; a duplicate event_id means this return is already booked.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(StatusCode::OK),
        Err(e) => Err(e.into()),
    }
}

use actix_web::{web, HttpRequest, HttpResponse};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;
use uuid::Uuid;

use crate::config::SETTLEMENT_HMAC_SECRET;
use crate::error::ApiError;
use crate::repo::{LedgerStore, NewEntry, PgLedger};

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SettlementNotice {
    settlement_id: String,
    account_id: Uuid,
    amount_minor: i64,
    status: SettlementStatus,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum SettlementStatus {
    Settled,
    Reversed,
    Pending,
}

fn mac_for(body: &[u8]) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(SETTLEMENT_HMAC_SECRET.as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(body);
    mac
}

/// POST /webhooks/settlement -- called by the settlement provider.
pub async fn settlement(
    req: HttpRequest,
    body: web::Bytes,
    repo: web::Data<PgLedger>,
) -> Result<HttpResponse, ApiError> {
    let sig = req
        .headers()
        .get("x-settlement-signature")
        .and_then(|v| v.to_str().ok())
        .ok_or(ApiError::Unauthorized)?;

    let expected = hex::encode(mac_for(&body).finalize().into_bytes());
    if sig != expected {
        return Err(ApiError::Unauthorized);
    }

    let notice: SettlementNotice = serde_json::from_slice(&body)?;
    let amount = match notice.status {
        SettlementStatus::Settled => notice.amount_minor,
        SettlementStatus::Reversed => -notice.amount_minor,
        SettlementStatus::Pending => return Ok(HttpResponse::Accepted().finish()),
    };
    repo.insert(
        notice.account_id,
        NewEntry {
            amount_minor: amount,
            memo: format!("settlement {}", notice.settlement_id),
            idempotency_key: Some(notice.settlement_id),
        },
    )
    .await?;
    Ok(HttpResponse::Ok().finish())
}

/// Self-check used by `reconcile`: verifies a signature we produced ourselves.
pub fn verify_outbound(body: &[u8], sig: &[u8]) -> bool {
    mac_for(body).verify_slice(sig).is_ok()
}

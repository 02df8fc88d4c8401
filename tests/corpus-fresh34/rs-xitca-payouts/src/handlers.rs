use std::fmt::Write as _;

use chrono::{NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use xitca_web::{
    handler::{extension::ExtensionRef, json::Json, params::Params, query::Query, state::StateRef},
    http::StatusCode,
};

use crate::{
    bank::TransferApi,
    db::{self, Merchant, Payout},
    error::AppError,
    state::AppState,
};

const MAX_PAGE: i64 = 100;

pub async fn healthz() -> &'static str {
    "ok"
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default = "default_limit")]
    pub limit: i64,
    #[serde(default)]
    pub offset: i64,
}

fn default_limit() -> i64 {
    25
}

pub fn page_bounds(limit: i64, offset: i64) -> (i64, i64) {
    (limit.clamp(1, MAX_PAGE), offset.max(0))
}

#[derive(Serialize)]
pub struct PayoutList {
    pub payouts: Vec<Payout>,
    pub next_offset: Option<i64>,
}

pub async fn list_payouts(
    ExtensionRef(merchant): ExtensionRef<'_, Merchant>,
    StateRef(state): StateRef<'_, AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Json<PayoutList>, AppError> {
    let (limit, offset) = page_bounds(q.limit, q.offset);
    let payouts = db::list_payouts(&state.pool, merchant.id, limit, offset).await?;
    let next_offset = (payouts.len() as i64 == limit).then_some(offset + limit);
    Ok(Json(PayoutList {
        payouts,
        next_offset,
    }))
}

#[derive(Deserialize)]
pub struct CreatePayout {
    pub amount_cents: i64,
    pub currency: String,
    pub idempotency_key: String,
}

pub async fn create_payout(
    ExtensionRef(merchant): ExtensionRef<'_, Merchant>,
    StateRef(state): StateRef<'_, AppState>,
    Json(req): Json<CreatePayout>,
) -> Result<Json<Payout>, AppError> {
    if req.amount_cents <= 0 || req.amount_cents > 50_000_000 {
        return Err(AppError::BadRequest("amount_cents out of range".into()));
    }
    if req.currency.len() != 3 || !req.currency.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(AppError::BadRequest(
            "currency must be an ISO 4217 code".into(),
        ));
    }
    if req.idempotency_key.len() < 16 {
        return Err(AppError::BadRequest(
            "idempotency_key must be at least 16 characters".into(),
        ));
    }
    let payout =
        db::insert_payout(&state.pool, merchant.id, req.amount_cents, &req.currency).await?;
    match state
        .bank
        .initiate_transfer(&payout, &merchant.iban, &req.idempotency_key)
        .await
    {
        Ok(reference) => db::set_bank_reference(&state.pool, payout.id, &reference).await?,
        Err(err) => {
            db::mark_failed(&state.pool, payout.id).await?;
            return Err(err.into());
        }
    }
    let stored = db::payout(&state.pool, payout.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(stored))
}

pub async fn get_payout(
    ExtensionRef(merchant): ExtensionRef<'_, Merchant>,
    StateRef(state): StateRef<'_, AppState>,
    Params(payout_id): Params<Uuid>,
) -> Result<Json<Payout>, AppError> {
    let payout = db::payout(&state.pool, payout_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if payout.merchant_id != merchant.id {
        return Err(AppError::NotFound);
    }
    Ok(Json(payout))
}

#[derive(Deserialize)]
pub struct ReceiptPath {
    pub merchant_id: Uuid,
    pub payout_id: Uuid,
}

#[derive(Serialize)]
pub struct Receipt {
    pub merchant: String,
    pub creditor_iban: String,
    pub payout: Payout,
}

pub async fn payout_receipt(
    StateRef(state): StateRef<'_, AppState>,
    Params(path): Params<ReceiptPath>,
) -> Result<Json<Receipt>, AppError> {
    let merchant = db::merchant(&state.pool, path.merchant_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let payout = db::payout_for_merchant(&state.pool, merchant.id, path.payout_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(Receipt {
        merchant: merchant.name,
        creditor_iban: merchant.iban,
        payout,
    }))
}

pub async fn cancel_payout(
    ExtensionRef(_merchant): ExtensionRef<'_, Merchant>,
    Params(_payout_id): Params<Uuid>,
) -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}

#[derive(Deserialize)]
pub struct StatementQuery {
    pub merchant_id: Uuid,
    pub month: NaiveDate,
}

pub async fn admin_export_statement(
    StateRef(state): StateRef<'_, AppState>,
    Query(q): Query<StatementQuery>,
) -> Result<String, AppError> {
    let start = Utc.from_utc_datetime(&q.month.and_hms_opt(0, 0, 0).unwrap());
    let rows = db::ledger_for_month(&state.pool, q.merchant_id, start).await?;
    let mut csv = String::from("kind,amount_cents,currency,recorded_at\n");
    for (kind, amount, currency, at) in rows {
        let _ = writeln!(csv, "{kind},{amount},{currency},{}", at.to_rfc3339());
    }
    let path = state.config.statement_dir.join(format!(
        "{}-{}.csv",
        q.merchant_id,
        q.month.format("%Y-%m")
    ));
    tokio::fs::create_dir_all(&state.config.statement_dir).await?;
    tokio::fs::write(&path, &csv).await?;
    Ok(path.display().to_string())
}

pub async fn admin_reconcile(
    StateRef(_state): StateRef<'_, AppState>,
    Query(_q): Query<StatementQuery>,
) -> Result<Json<serde_json::Value>, AppError> {
    Err(AppError::NotImplemented)
}

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{FromRow, PgPool};
use uuid::Uuid;

#[derive(Clone, Debug, FromRow)]
pub struct Merchant {
    pub id: Uuid,
    pub name: String,
    pub iban: String,
}

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct Payout {
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub amount_cents: i64,
    pub currency: String,
    pub status: String,
    pub bank_reference: Option<String>,
    pub created_at: DateTime<Utc>,
    pub settled_at: Option<DateTime<Utc>>,
}

pub async fn merchant_by_token_hash(
    pool: &PgPool,
    token_sha256: &str,
) -> sqlx::Result<Option<Merchant>> {
    sqlx::query_as::<_, Merchant>(
        "SELECT id, name, iban FROM merchants WHERE api_token_sha256 = $1",
    )
    .bind(token_sha256)
    .fetch_optional(pool)
    .await
}

pub async fn merchant(pool: &PgPool, id: Uuid) -> sqlx::Result<Option<Merchant>> {
    sqlx::query_as::<_, Merchant>("SELECT id, name, iban FROM merchants WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
}

pub async fn list_payouts(
    pool: &PgPool,
    merchant_id: Uuid,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<Payout>> {
    sqlx::query_as::<_, Payout>(
        "SELECT * FROM payouts WHERE merchant_id = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3",
    )
    .bind(merchant_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await
}

pub async fn payout(pool: &PgPool, id: Uuid) -> sqlx::Result<Option<Payout>> {
    sqlx::query_as::<_, Payout>("SELECT * FROM payouts WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
}

pub async fn payout_for_merchant(
    pool: &PgPool,
    merchant_id: Uuid,
    id: Uuid,
) -> sqlx::Result<Option<Payout>> {
    sqlx::query_as::<_, Payout>("SELECT * FROM payouts WHERE id = $1 AND merchant_id = $2")
        .bind(id)
        .bind(merchant_id)
        .fetch_optional(pool)
        .await
}

pub async fn insert_payout(
    pool: &PgPool,
    merchant_id: Uuid,
    amount_cents: i64,
    currency: &str,
) -> sqlx::Result<Payout> {
    sqlx::query_as::<_, Payout>(
        "INSERT INTO payouts (id, merchant_id, amount_cents, currency) VALUES ($1, $2, $3, $4) RETURNING *",
    )
    .bind(Uuid::new_v4())
    .bind(merchant_id)
    .bind(amount_cents)
    .bind(currency)
    .fetch_one(pool)
    .await
}

pub async fn set_bank_reference(pool: &PgPool, id: Uuid, reference: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE payouts SET bank_reference = $2, status = 'submitted' WHERE id = $1")
        .bind(id)
        .bind(reference)
        .execute(pool)
        .await
        .map(|_| ())
}

pub async fn mark_settled(pool: &PgPool, id: Uuid, at: DateTime<Utc>) -> sqlx::Result<u64> {
    sqlx::query("UPDATE payouts SET status = 'settled', settled_at = $2 WHERE id = $1 AND status <> 'settled'")
        .bind(id)
        .bind(at)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
}

pub async fn mark_failed(pool: &PgPool, id: Uuid) -> sqlx::Result<()> {
    sqlx::query("UPDATE payouts SET status = 'failed' WHERE id = $1")
        .bind(id)
        .execute(pool)
        .await
        .map(|_| ())
}

pub struct LedgerEntry<'a> {
    pub event_id: &'a str,
    pub merchant_id: Uuid,
    pub payout_id: Option<Uuid>,
    pub kind: &'a str,
    pub amount_cents: i64,
    pub currency: &'a str,
}

pub async fn append_ledger(pool: &PgPool, e: &LedgerEntry<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO ledger_entries (event_id, merchant_id, payout_id, kind, amount_cents, currency)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(e.event_id)
    .bind(e.merchant_id)
    .bind(e.payout_id)
    .bind(e.kind)
    .bind(e.amount_cents)
    .bind(e.currency)
    .execute(pool)
    .await
    .map(|_| ())
}

pub async fn ledger_for_month(
    pool: &PgPool,
    merchant_id: Uuid,
    month_start: DateTime<Utc>,
) -> sqlx::Result<Vec<(String, i64, String, DateTime<Utc>)>> {
    sqlx::query_as(
        "SELECT kind, amount_cents, currency, recorded_at FROM ledger_entries
         WHERE merchant_id = $1 AND recorded_at >= $2 AND recorded_at < $2 + interval '1 month'
         ORDER BY recorded_at",
    )
    .bind(merchant_id)
    .bind(month_start)
    .fetch_all(pool)
    .await
}

use std::str::FromStr;

use anyhow::Result;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{FromRow, SqlitePool};

pub async fn connect(url: &str) -> Result<SqlitePool> {
    let opts = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .foreign_keys(true);
    Ok(SqlitePoolOptions::new().max_connections(8).connect_with(opts).await?)
}

pub async fn migrate(pool: &SqlitePool) -> Result<()> {
    sqlx::migrate!("./migrations").run(pool).await?;
    Ok(())
}

#[derive(Debug, Clone, Serialize, Deserialize, FromRow, PartialEq)]
pub struct Payout {
    pub id: i64,
    pub seller_id: i64,
    pub amount_cents: i64,
    pub currency: String,
    pub status: String,
    pub approved_by: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, FromRow)]
pub struct KeyRow {
    pub id: i64,
    pub secret_hash: String,
    pub role: String,
    pub seller_id: Option<i64>,
}

pub async fn key_by_prefix(pool: &SqlitePool, prefix: &str) -> sqlx::Result<Option<KeyRow>> {
    sqlx::query_as::<_, KeyRow>("SELECT id, secret_hash, role, seller_id FROM api_keys WHERE prefix = ? AND revoked = 0")
        .bind(prefix)
        .fetch_optional(pool)
        .await
}

pub async fn insert_key(pool: &SqlitePool, name: &str, prefix: &str, secret_hash: &str, role: &str, seller: Option<i64>) -> sqlx::Result<i64> {
    let rec = sqlx::query("INSERT INTO api_keys (name, prefix, secret_hash, role, seller_id) VALUES (?, ?, ?, ?, ?)")
        .bind(name)
        .bind(prefix)
        .bind(secret_hash)
        .bind(role)
        .bind(seller)
        .execute(pool)
        .await?;
    Ok(rec.last_insert_rowid())
}

pub async fn create_payout(
    pool: &SqlitePool,
    seller_id: i64,
    amount_cents: i64,
    currency: &str,
    idempotency_key: Option<&str>,
) -> sqlx::Result<Payout> {
    sqlx::query_as::<_, Payout>(
        "INSERT INTO payouts (seller_id, amount_cents, currency) VALUES (?, ?, ?)
         RETURNING id, seller_id, amount_cents, currency, status, approved_by, created_at",
    )
    .bind(seller_id)
    .bind(amount_cents)
    .bind(currency)
    .fetch_one(pool)
    .await
}

pub async fn get_payout(pool: &SqlitePool, id: i64) -> sqlx::Result<Option<Payout>> {
    sqlx::query_as::<_, Payout>("SELECT id, seller_id, amount_cents, currency, status, approved_by, created_at FROM payouts WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await
}

pub async fn list_payouts(pool: &SqlitePool, seller_id: i64, limit: i64) -> sqlx::Result<Vec<Payout>> {
    sqlx::query_as::<_, Payout>(
        "SELECT id, seller_id, amount_cents, currency, status, approved_by, created_at
           FROM payouts WHERE seller_id = ? ORDER BY id DESC LIMIT ?",
    )
    .bind(seller_id)
    .bind(limit.clamp(1, 500))
    .fetch_all(pool)
    .await
}

pub async fn approve_payout(pool: &SqlitePool, id: i64, approver: &str) -> sqlx::Result<Option<Payout>> {
    let mut tx = pool.begin().await?;
    let updated = sqlx::query_as::<_, Payout>(
        "UPDATE payouts SET status = 'approved', approved_by = ? WHERE id = ? AND status = 'pending'
         RETURNING id, seller_id, amount_cents, currency, status, approved_by, created_at",
    )
    .bind(approver)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;

    if let Some(p) = &updated {
        let _ = sqlx::query("INSERT INTO ledger_entries (payout_id, delta_cents, memo) VALUES (?, ?, ?)")
            .bind(p.id)
            .bind(-p.amount_cents)
            .bind(format!("payout approved by {approver}"))
            .execute(&mut *tx)
            .await;
    }
    tx.commit().await?;
    Ok(updated)
}

pub async fn cancel_payout(pool: &SqlitePool, id: i64) -> sqlx::Result<bool> {
    let res = sqlx::query("UPDATE payouts SET status = 'cancelled' WHERE id = ? AND status = 'pending'")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(res.rows_affected() == 1)
}

pub async fn approved_today(pool: &SqlitePool) -> sqlx::Result<Vec<Payout>> {
    sqlx::query_as::<_, Payout>(
        "SELECT id, seller_id, amount_cents, currency, status, approved_by, created_at
           FROM payouts WHERE status = 'approved' AND date(created_at) = date('now')",
    )
    .fetch_all(pool)
    .await
}

pub async fn enqueue(pool: &SqlitePool, kind: &str, payload: &serde_json::Value) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO outbox (kind, payload) VALUES (?, ?)")
        .bind(kind)
        .bind(payload.to_string())
        .execute(pool)
        .await?;
    Ok(())
}

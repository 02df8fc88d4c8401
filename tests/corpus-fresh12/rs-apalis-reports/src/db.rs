use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{FromRow, PgPool};

#[derive(Debug, Clone, Serialize, FromRow, PartialEq)]
pub struct LedgerRow {
    pub posted_at: DateTime<Utc>,
    pub description: String,
    pub amount_cents: i64,
    pub currency: String,
}

pub async fn insert_report(pool: &PgPool, account_id: i64, format: &str) -> sqlx::Result<i64> {
    let (id,): (i64,) = sqlx::query_as("INSERT INTO reports (account_id, format) VALUES ($1, $2) RETURNING id")
        .bind(account_id)
        .bind(format)
        .fetch_one(pool)
        .await?;
    Ok(id)
}

pub async fn ledger_rows(pool: &PgPool, account_id: i64) -> sqlx::Result<Vec<LedgerRow>> {
    sqlx::query_as::<_, LedgerRow>(
        "SELECT posted_at, description, amount_cents, currency FROM journal WHERE account_id = $1 ORDER BY posted_at",
    )
    .bind(account_id)
    .fetch_all(pool)
    .await
}

pub async fn mark_finished(pool: &PgPool, report_id: i64, path: &Path, rows: i64) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE reports SET status = 'done', path = $2, row_count = $3, finished_at = now() WHERE id = $1")
        .bind(report_id)
        .bind(path.to_string_lossy().as_ref())
        .bind(rows)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO report_events (report_id, kind) VALUES ($1, 'finished')")
        .bind(report_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await.ok();
    Ok(())
}

pub async fn webhook_for(pool: &PgPool, account_id: i64) -> sqlx::Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT url FROM account_webhooks WHERE account_id = $1 AND enabled")
        .bind(account_id)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|(url,)| url))
}

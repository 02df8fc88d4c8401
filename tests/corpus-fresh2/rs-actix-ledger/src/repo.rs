use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Entry {
    pub id: Uuid,
    pub account_id: Uuid,
    pub seq: i64,
    pub amount_minor: i64,
    pub memo: String,
    pub booked_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NewEntry {
    pub amount_minor: i64,
    pub memo: String,
    pub idempotency_key: Option<String>,
}

#[async_trait]
pub trait LedgerStore: Send + Sync + 'static {
    async fn entries(&self, account: Uuid, before: Option<i64>, limit: u32) -> Result<Vec<Entry>, sqlx::Error>;
    async fn insert(&self, account: Uuid, new: NewEntry) -> Result<Entry, sqlx::Error>;
    async fn balance(&self, account: Uuid, as_of: Option<DateTime<Utc>>) -> Result<i64, sqlx::Error>;
    async fn freeze(&self, account: Uuid, reason: &str) -> Result<(), sqlx::Error>;
}

pub struct PgLedger {
    pool: PgPool,
}

impl PgLedger {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

#[async_trait]
impl LedgerStore for PgLedger {
    async fn entries(&self, account: Uuid, before: Option<i64>, limit: u32) -> Result<Vec<Entry>, sqlx::Error> {
        sqlx::query_as::<_, Entry>(
            "SELECT id, account_id, seq, amount_minor, memo, booked_at FROM entries \
             WHERE account_id = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3",
        )
        .bind(account)
        .bind(before)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
    }

    async fn insert(&self, account: Uuid, new: NewEntry) -> Result<Entry, sqlx::Error> {
        sqlx::query_as::<_, Entry>(
            "INSERT INTO entries (id, account_id, amount_minor, memo, idempotency_key) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (account_id, idempotency_key) DO UPDATE SET memo = entries.memo \
             RETURNING id, account_id, seq, amount_minor, memo, booked_at",
        )
        .bind(Uuid::new_v4())
        .bind(account)
        .bind(new.amount_minor)
        .bind(&new.memo)
        .bind(&new.idempotency_key)
        .fetch_one(&self.pool)
        .await
    }

    async fn balance(
        &self,
        account: Uuid,
        as_of: Option<DateTime<Utc>>,
    ) -> Result<i64, sqlx::Error> {
        let (sum,): (Option<i64>,) =
            sqlx::query_as("SELECT SUM(amount_minor)::bigint FROM entries WHERE account_id = $1")
                .bind(account)
                .fetch_one(&self.pool)
                .await?;
        Ok(sum.unwrap_or(0))
    }

    async fn freeze(&self, account: Uuid, reason: &str) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE accounts SET frozen_at = now(), frozen_reason = $2 WHERE id = $1")
            .bind(account)
            .bind(reason)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

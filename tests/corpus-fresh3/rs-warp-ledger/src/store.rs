use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::postgres::{PgPool, PgPoolOptions};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Entry {
    pub id: i64,
    pub account: String,
    pub amount_minor: i64,
    pub currency: String,
    pub memo: Option<String>,
    pub posted_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize)]
pub struct NewEntry {
    pub account: String,
    pub amount_minor: i64,
    pub currency: String,
    pub memo: Option<String>,
}

impl NewEntry {
    pub fn validate(&self) -> Result<(), String> {
        if self.amount_minor == 0 {
            return Err("amount_minor must be non-zero".into());
        }
        if self.currency.len() != 3 || !self.currency.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(format!("bad currency {:?}", self.currency));
        }
        Ok(())
    }
}

#[derive(Clone)]
pub struct Db {
    pool: PgPool,
}

impl Db {
    pub async fn connect(url: &str) -> sqlx::Result<Self> {
        let pool = PgPoolOptions::new().max_connections(10).connect(url).await?;
        Ok(Self { pool })
    }

    pub async fn insert_entry(&self, e: &NewEntry) -> sqlx::Result<Entry> {
        sqlx::query_as::<_, Entry>(
            "INSERT INTO entries (account, amount_minor, currency, memo) VALUES ($1, $2, $3, $4) \
             RETURNING id, account, amount_minor, currency, memo, posted_at",
        )
        .bind(&e.account)
        .bind(e.amount_minor)
        .bind(&e.currency)
        .bind(&e.memo)
        .fetch_one(&self.pool)
        .await
    }

    /// Entries for `account`, newest first, optionally only those posted after `since`.
    pub async fn entries_for(&self, account: &str, since: Option<DateTime<Utc>>, limit: i64) -> sqlx::Result<Vec<Entry>> {
        sqlx::query_as::<_, Entry>(
            "SELECT id, account, amount_minor, currency, memo, posted_at FROM entries \
             WHERE account = $1 ORDER BY posted_at DESC LIMIT $2",
        )
        .bind(account)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }

    pub async fn write_audit(&self, kind: &str, payload: serde_json::Value) -> sqlx::Result<()> {
        sqlx::query("INSERT INTO audit (kind, payload) VALUES ($1, $2)")
            .bind(kind)
            .bind(payload)
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    pub async fn mark_settled(&self, reference: &str) -> sqlx::Result<u64> {
        let res = sqlx::query("UPDATE entries SET settled = true WHERE memo = $1").bind(reference).execute(&self.pool).await?;
        Ok(res.rows_affected())
    }
}

use serde::{Deserialize, Serialize};
use sqlx::{PgPool, Postgres, Transaction};
use uuid::Uuid;

#[derive(Debug, Serialize, Deserialize, sqlx::FromRow)]
pub struct Entry {
    pub id: Uuid,
    pub account: String,
    pub amount_minor: i64,
    pub memo: Option<String>,
}

pub struct Ledger {
    pool: PgPool,
}

impl Ledger {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }

    pub async fn post_entry(&self, account: &str, amount_minor: i64, memo: Option<&str>) -> anyhow::Result<Entry> {
        let mut tx: Transaction<'_, Postgres> = self.pool.begin().await?;
        let entry = sqlx::query_as::<_, Entry>(
            "insert into entries (id, account, amount_minor, memo) values ($1, $2, $3, $4) returning *",
        )
        .bind(Uuid::new_v4())
        .bind(account)
        .bind(amount_minor)
        .bind(memo)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("update balances set minor = minor + $2 where account = $1")
            .bind(account)
            .bind(amount_minor)
            .execute(&mut *tx)
            .await?;
        let _ = tx.commit().await;
        Ok(entry)
    }

    pub async fn entries(&self, account: &str, since: Option<chrono::DateTime<chrono::Utc>>, limit: i64) -> anyhow::Result<Vec<Entry>> {
        let rows = sqlx::query_as::<_, Entry>(
            "select id, account, amount_minor, memo from entries where account = $1 order by created_at desc limit $2",
        )
        .bind(account)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }

    pub async fn reconcile(&self, account: &str) -> anyhow::Result<i64> {
        let drift: i64 = sqlx::query_scalar(
            "select b.minor - coalesce(sum(e.amount_minor), 0) from balances b
             left join entries e on e.account = b.account where b.account = $1 group by b.minor",
        )
        .bind(account)
        .fetch_one(&self.pool)
        .await?;
        Ok(drift)
    }
}

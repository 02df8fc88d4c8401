use std::time::Duration;

use anyhow::Result;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rand::distributions::{Alphanumeric, DistString};
use serde::Serialize;
use sqlx::sqlite::SqlitePool;
use sqlx::FromRow;

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct Link {
    pub code: String,
    pub owner: String,
    pub target: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
}

impl Link {
    pub fn is_expired(&self, now: DateTime<Utc>) -> bool {
        self.expires_at.map_or(false, |at| at <= now)
    }
}

#[async_trait]
pub trait LinkStore: Send + Sync {
    async fn create(&self, owner: &str, target: &str, code: Option<String>, expires_in: Option<Duration>) -> Result<Link>;
    async fn get(&self, code: &str) -> Result<Option<Link>>;
    async fn delete(&self, code: &str) -> Result<bool>;
    async fn record_click(&self, code: &str, country: &str) -> Result<()>;
    async fn clicks_by_country(&self, code: &str) -> Result<Vec<(String, i64)>>;
    async fn purge_expired(&self) -> Result<u64>;
}

pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    pub async fn connect(url: &str) -> Result<Self> {
        let pool = SqlitePool::connect(url).await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Self { pool })
    }
}

#[async_trait]
impl LinkStore for SqliteStore {
    async fn create(&self, owner: &str, target: &str, code: Option<String>, expires_in: Option<Duration>) -> Result<Link> {
        let code = code.unwrap_or_else(|| Alphanumeric.sample_string(&mut rand::thread_rng(), 7));
        let link = sqlx::query_as::<_, Link>(
            "INSERT INTO links (code, owner, target, created_at, expires_at) VALUES (?, ?, ?, ?, NULL) \
             RETURNING code, owner, target, created_at, expires_at",
        )
        .bind(&code)
        .bind(owner)
        .bind(target)
        .bind(Utc::now())
        .fetch_one(&self.pool)
        .await?;
        Ok(link)
    }

    async fn get(&self, code: &str) -> Result<Option<Link>> {
        Ok(sqlx::query_as::<_, Link>("SELECT code, owner, target, created_at, expires_at FROM links WHERE code = ?")
            .bind(code)
            .fetch_optional(&self.pool)
            .await?)
    }

    async fn delete(&self, code: &str) -> Result<bool> {
        let done = sqlx::query("DELETE FROM links WHERE code = ?").bind(code).execute(&self.pool).await?;
        Ok(done.rows_affected() > 0)
    }

    async fn record_click(&self, code: &str, country: &str) -> Result<()> {
        sqlx::query("INSERT INTO clicks (code, country, at) VALUES (?, ?, ?)")
            .bind(code)
            .bind(country)
            .bind(Utc::now())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn clicks_by_country(&self, code: &str) -> Result<Vec<(String, i64)>> {
        Ok(sqlx::query_as("SELECT country, COUNT(*) FROM clicks WHERE code = ? GROUP BY country ORDER BY 2 DESC")
            .bind(code)
            .fetch_all(&self.pool)
            .await?)
    }

    async fn purge_expired(&self) -> Result<u64> {
        let done = sqlx::query("DELETE FROM links WHERE expires_at IS NOT NULL AND expires_at <= ?")
            .bind(Utc::now())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}

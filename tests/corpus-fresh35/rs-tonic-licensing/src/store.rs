use sqlx::sqlite::{SqlitePool, SqlitePoolOptions};
use sqlx::Row;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LicenseRow {
    pub id: String,
    pub customer_id: String,
    pub product: String,
    pub seats: i64,
    pub expires_at: i64,
    pub token: String,
    pub revoked: bool,
}

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    pub async fn open(url: &str) -> sqlx::Result<Self> {
        let pool = SqlitePoolOptions::new().max_connections(8).connect(url).await?;
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS licenses (
                id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, product TEXT NOT NULL,
                seats INTEGER NOT NULL, expires_at INTEGER NOT NULL, token TEXT NOT NULL,
                revoked INTEGER NOT NULL DEFAULT 0, revoke_reason TEXT)",
        )
        .execute(&pool)
        .await?;
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS quotas (
                customer_id TEXT NOT NULL, product TEXT NOT NULL, max_seats INTEGER NOT NULL,
                PRIMARY KEY (customer_id, product))",
        )
        .execute(&pool)
        .await?;
        Ok(Store { pool })
    }

    pub async fn insert(&self, row: &LicenseRow) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO licenses (id, customer_id, product, seats, expires_at, token) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(&row.id)
        .bind(&row.customer_id)
        .bind(&row.product)
        .bind(row.seats)
        .bind(row.expires_at)
        .bind(&row.token)
        .execute(&self.pool)
        .await
        .map(|_| ())
    }

    pub async fn get(&self, id: &str) -> sqlx::Result<Option<LicenseRow>> {
        sqlx::query_as("SELECT id, customer_id, product, seats, expires_at, token, revoked FROM licenses WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
    }

    pub async fn list(&self, customer_id: &str, after: &str, limit: u32) -> sqlx::Result<Vec<LicenseRow>> {
        sqlx::query_as(
            "SELECT id, customer_id, product, seats, expires_at, token, revoked FROM licenses \
             WHERE customer_id = ? AND id > ? ORDER BY id LIMIT ?",
        )
        .bind(customer_id)
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }

    pub async fn seats_in_use(&self, customer_id: &str, product: &str) -> sqlx::Result<i64> {
        let row = sqlx::query(
            "SELECT COALESCE(SUM(seats), 0) AS used FROM licenses \
             WHERE customer_id = ? AND product = ? AND revoked = 0 AND expires_at > strftime('%s','now')",
        )
        .bind(customer_id)
        .bind(product)
        .fetch_one(&self.pool)
        .await?;
        row.try_get("used")
    }

    pub async fn quota(&self, customer_id: &str, product: &str) -> sqlx::Result<Option<i64>> {
        sqlx::query_scalar("SELECT max_seats FROM quotas WHERE customer_id = ? AND product = ?")
            .bind(customer_id)
            .bind(product)
            .fetch_optional(&self.pool)
            .await
    }

    pub async fn set_quota(&self, customer_id: &str, product: &str, max_seats: u32) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO quotas (customer_id, product, max_seats) VALUES (?, ?, ?) \
             ON CONFLICT (customer_id, product) DO UPDATE SET max_seats = excluded.max_seats",
        )
        .bind(customer_id)
        .bind(product)
        .bind(max_seats)
        .execute(&self.pool)
        .await
        .map(|_| ())
    }

    pub async fn revoke(&self, id: &str, reason: &str) -> sqlx::Result<bool> {
        let done = sqlx::query("UPDATE licenses SET revoked = 1, revoke_reason = ? WHERE id = ? AND revoked = 0")
            .bind(reason)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn revoked_ids(&self) -> sqlx::Result<Vec<String>> {
        sqlx::query_scalar(
            "SELECT id FROM licenses WHERE revoked = 1 AND expires_at > strftime('%s','now') ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await
    }
}

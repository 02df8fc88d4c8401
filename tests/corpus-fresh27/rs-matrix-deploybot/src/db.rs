use chrono::NaiveDateTime;
use sqlx::{sqlite::SqliteConnectOptions, FromRow, SqlitePool};
use std::path::Path;

#[derive(Debug, Clone, FromRow)]
pub struct Deploy {
    pub id: i64,
    pub service: String,
    pub version: String,
    pub requested_by: String,
    pub pipeline_id: Option<i64>,
    pub status: String,
    pub created_at: NaiveDateTime,
}

pub async fn connect(path: &Path) -> anyhow::Result<SqlitePool> {
    let opts = SqliteConnectOptions::new().filename(path).create_if_missing(true);
    let pool = SqlitePool::connect_with(opts).await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

pub async fn record_deploy(
    pool: &SqlitePool,
    service: &str,
    version: &str,
    requested_by: &str,
    pipeline_id: i64,
) -> sqlx::Result<i64> {
    let row = sqlx::query(
        "INSERT INTO deploys (service, version, requested_by, pipeline_id, status) VALUES (?, ?, ?, ?, 'running')",
    )
    .bind(service)
    .bind(version)
    .bind(requested_by)
    .bind(pipeline_id)
    .execute(pool)
    .await?;
    Ok(row.last_insert_rowid())
}

pub async fn update_status(pool: &SqlitePool, pipeline_id: i64, status: &str) -> sqlx::Result<u64> {
    let res = sqlx::query("UPDATE deploys SET status = ? WHERE pipeline_id = ?")
        .bind(status)
        .bind(pipeline_id)
        .execute(pool)
        .await?;
    Ok(res.rows_affected())
}

pub async fn recent_deploys(pool: &SqlitePool, service: &str, limit: i64) -> sqlx::Result<Vec<Deploy>> {
    sqlx::query_as::<_, Deploy>(
        "SELECT id, service, version, requested_by, pipeline_id, status, created_at \
         FROM deploys WHERE service = ? ORDER BY created_at DESC LIMIT 20",
    )
    .bind(service)
    .fetch_all(pool)
    .await
}

pub async fn previous_version(pool: &SqlitePool, service: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT version FROM deploys WHERE service = ? AND status = 'success' ORDER BY created_at DESC LIMIT 1 OFFSET 1",
    )
    .bind(service)
    .fetch_optional(pool)
    .await
}

pub async fn lock_holder(pool: &SqlitePool, service: &str) -> sqlx::Result<Option<(String, String)>> {
    sqlx::query_as("SELECT locked_by, reason FROM locks WHERE service = ?")
        .bind(service)
        .fetch_optional(pool)
        .await
}

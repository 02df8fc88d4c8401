use chrono::{DateTime, Utc};
use sqlx::postgres::{PgPool, PgPoolOptions};
use uuid::Uuid;

use crate::frames::{JobStatus, JobSummary};

pub async fn connect(url: &str) -> sqlx::Result<PgPool> {
    PgPoolOptions::new().max_connections(16).acquire_timeout(std::time::Duration::from_secs(5)).connect(url).await
}

pub async fn job_region(pool: &PgPool, job_id: Uuid) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT region FROM jobs WHERE id = $1").bind(job_id).fetch_optional(pool).await
}

pub async fn record_status(
    pool: &PgPool,
    job_id: Uuid,
    status: JobStatus,
    by: &str,
    note: Option<&str>,
) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE jobs SET status = $2, updated_at = now() WHERE id = $1")
        .bind(job_id)
        .bind(status)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO job_events (job_id, status, actor, note) VALUES ($1, $2, $3, $4)")
        .bind(job_id)
        .bind(status)
        .bind(by)
        .bind(note)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

pub async fn assign_job(pool: &PgPool, job_id: Uuid, technician: &str) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE jobs SET technician = $2, status = 'assigned', updated_at = now() \
         WHERE id = $1 AND status IN ('open', 'assigned')",
    )
    .bind(job_id)
    .bind(technician)
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn cancel_job(pool: &PgPool, job_id: Uuid, reason: &str) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE jobs SET status = 'cancelled', cancel_reason = $2, updated_at = now() \
         WHERE id = $1 AND status <> 'done'",
    )
    .bind(job_id)
    .bind(reason)
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn append_audit(pool: &PgPool, actor: &str, action: &str, job_id: Uuid, detail: &str) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO audit_log (actor, action, job_id, detail) VALUES ($1, $2, $3, $4)")
        .bind(actor)
        .bind(action)
        .bind(job_id)
        .bind(detail)
        .execute(pool)
        .await
        .map(|_| ())
}

pub async fn jobs_for_region(
    pool: &PgPool,
    region: &str,
    since: Option<DateTime<Utc>>,
) -> sqlx::Result<Vec<JobSummary>> {
    sqlx::query_as::<_, JobSummary>(
        "SELECT id, region, status, technician, updated_at FROM jobs \
         WHERE region = $1 ORDER BY updated_at DESC",
    )
    .bind(region)
    .fetch_all(pool)
    .await
}

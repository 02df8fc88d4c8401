use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{FromRow, PgPool};
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct License {
    pub id: Uuid,
    pub org_id: Uuid,
    pub product: String,
    pub key_prefix: String,
    #[serde(skip)]
    pub key_hash: String,
    pub seats: i32,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, org_id, product, key_prefix, key_hash, seats, expires_at, revoked_at";

pub async fn list_licenses(pool: &PgPool, org_id: Uuid, include_revoked: bool) -> sqlx::Result<Vec<License>> {
    sqlx::query_as::<_, License>(&format!(
        "SELECT {COLUMNS} FROM licenses WHERE org_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC"
    ))
    .bind(org_id)
    .fetch_all(pool)
    .await
}

pub async fn get_license(pool: &PgPool, id: Uuid) -> sqlx::Result<License> {
    sqlx::query_as::<_, License>(&format!("SELECT {COLUMNS} FROM licenses WHERE id = $1"))
        .bind(id)
        .fetch_one(pool)
        .await
}

pub async fn find_by_prefix(pool: &PgPool, prefix: &str) -> sqlx::Result<Option<License>> {
    sqlx::query_as::<_, License>(&format!("SELECT {COLUMNS} FROM licenses WHERE key_prefix = $1"))
        .bind(prefix)
        .fetch_optional(pool)
        .await
}

pub async fn insert_license(pool: &PgPool, l: &License) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO licenses (id, org_id, product, key_prefix, key_hash, seats, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(l.id)
    .bind(l.org_id)
    .bind(&l.product)
    .bind(&l.key_prefix)
    .bind(&l.key_hash)
    .bind(l.seats)
    .bind(l.expires_at)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn set_seats(pool: &PgPool, id: Uuid, seats: i32) -> sqlx::Result<u64> {
    Ok(sqlx::query("UPDATE licenses SET seats = $2 WHERE id = $1").bind(id).bind(seats).execute(pool).await?.rows_affected())
}

pub async fn revoke(pool: &PgPool, id: Uuid) -> sqlx::Result<u64> {
    Ok(sqlx::query("UPDATE licenses SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL")
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected())
}

pub async fn extend_license(pool: &PgPool, org_id: Uuid, product: &str, until: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(sqlx::query("UPDATE licenses SET expires_at = GREATEST(expires_at, $3) WHERE org_id = $1 AND product = $2")
        .bind(org_id)
        .bind(product)
        .bind(until)
        .execute(pool)
        .await?
        .rows_affected())
}

pub async fn activate(pool: &PgPool, license_id: Uuid, machine_id: &str, seats: i32) -> sqlx::Result<bool> {
    let mut tx = pool.begin().await?;
    let used: i64 = sqlx::query_scalar("SELECT count(*) FROM activations WHERE license_id = $1 FOR UPDATE")
        .bind(license_id)
        .fetch_one(&mut *tx)
        .await?;
    if used >= seats as i64 {
        tx.rollback().await?;
        return Ok(false);
    }
    sqlx::query("INSERT INTO activations (license_id, machine_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(license_id)
        .bind(machine_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

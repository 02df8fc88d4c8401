use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{FromRow, PgPool};
use uuid::Uuid;

use crate::auth::Role;

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct Shipment {
    pub id: Uuid,
    pub customer_id: Uuid,
    pub status: String,
    pub service_code: String,
    pub recipient_name: String,
    pub address_line: String,
    pub postal_code: String,
    pub country: String,
    pub weight_grams: i32,
    pub tracking_number: Option<String>,
    pub label_path: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize)]
pub struct NewShipment {
    pub service_code: String,
    pub recipient_name: String,
    pub address_line: String,
    pub postal_code: String,
    pub country: String,
    pub weight_grams: i32,
}

#[derive(Debug, FromRow)]
pub struct ApiKeyRow {
    pub id: Uuid,
    pub customer_id: Uuid,
    pub role: Role,
    pub secret_sha256: Vec<u8>,
    pub revoked: bool,
}

const SHIPMENT_COLUMNS: &str = "id, customer_id, status, service_code, recipient_name, address_line, postal_code, \
     country, weight_grams, tracking_number, label_path, created_at";

pub async fn list_shipments(pool: &PgPool, customer_id: Uuid, limit: i64) -> sqlx::Result<Vec<Shipment>> {
    sqlx::query_as::<_, Shipment>(&format!(
        "SELECT {SHIPMENT_COLUMNS} FROM shipments WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 500"
    ))
    .bind(customer_id)
    .fetch_all(pool)
    .await
}

pub async fn get_shipment(pool: &PgPool, id: Uuid) -> sqlx::Result<Shipment> {
    sqlx::query_as::<_, Shipment>(&format!("SELECT {SHIPMENT_COLUMNS} FROM shipments WHERE id = $1"))
        .bind(id)
        .fetch_one(pool)
        .await
}

pub async fn insert_shipment(pool: &PgPool, customer_id: Uuid, new: &NewShipment) -> sqlx::Result<Shipment> {
    sqlx::query_as::<_, Shipment>(&format!(
        "INSERT INTO shipments (id, customer_id, status, service_code, recipient_name, address_line, postal_code, \
         country, weight_grams) VALUES ($1, $2, 'created', $3, $4, $5, $6, $7, $8) RETURNING {SHIPMENT_COLUMNS}"
    ))
    .bind(Uuid::new_v4())
    .bind(customer_id)
    .bind(&new.service_code)
    .bind(&new.recipient_name)
    .bind(&new.address_line)
    .bind(&new.postal_code)
    .bind(&new.country)
    .bind(new.weight_grams)
    .fetch_one(pool)
    .await
}

pub async fn attach_label(pool: &PgPool, id: Uuid, tracking: &str, label_path: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE shipments SET tracking_number = $2, label_path = $3, status = 'labelled' WHERE id = $1")
        .bind(id)
        .bind(tracking)
        .bind(label_path)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn set_status(pool: &PgPool, id: Uuid, status: &str) -> sqlx::Result<u64> {
    let res = sqlx::query("UPDATE shipments SET status = $2 WHERE id = $1")
        .bind(id)
        .bind(status)
        .execute(pool)
        .await?;
    Ok(res.rows_affected())
}

pub async fn set_status_by_tracking(pool: &PgPool, tracking: &str, status: &str) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar("UPDATE shipments SET status = $2 WHERE tracking_number = $1 RETURNING id")
        .bind(tracking)
        .bind(status)
        .fetch_optional(pool)
        .await
}

pub async fn record_event(pool: &PgPool, shipment_id: Uuid, kind: &str, actor: Option<Uuid>) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO shipment_events (shipment_id, kind, actor_key_id) VALUES ($1, $2, $3)")
        .bind(shipment_id)
        .bind(kind)
        .bind(actor)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn find_api_key(pool: &PgPool, prefix: &str) -> sqlx::Result<Option<ApiKeyRow>> {
    sqlx::query_as::<_, ApiKeyRow>(
        "SELECT id, customer_id, role, secret_sha256, revoked_at IS NOT NULL AS revoked FROM api_keys WHERE prefix = $1",
    )
    .bind(prefix)
    .fetch_optional(pool)
    .await
}

pub async fn insert_api_key(
    pool: &PgPool,
    customer_id: Uuid,
    prefix: &str,
    secret_sha256: &[u8],
    role: Role,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO api_keys (id, customer_id, prefix, secret_sha256, role) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(Uuid::new_v4())
    .bind(customer_id)
    .bind(prefix)
    .bind(secret_sha256)
    .bind(role)
    .fetch_one(pool)
    .await
}

pub async fn upsert_service(pool: &PgPool, code: &str, name: &str, max_weight_grams: i32) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO carrier_services (code, name, max_weight_grams) VALUES ($1, $2, $3) \
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, max_weight_grams = EXCLUDED.max_weight_grams",
    )
    .bind(code)
    .bind(name)
    .bind(max_weight_grams)
    .execute(pool)
    .await?;
    Ok(())
}

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use uuid::Uuid;

use crate::auth::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum ShipmentStatus {
    Created,
    InTransit,
    OutForDelivery,
    Delivered,
    Exception,
}

impl ShipmentStatus {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "created" => Some(Self::Created),
            "in_transit" => Some(Self::InTransit),
            "out_for_delivery" => Some(Self::OutForDelivery),
            "delivered" => Some(Self::Delivered),
            "exception" => Some(Self::Exception),
            _ => None,
        }
    }

    /// ParcelNet scan codes; anything we don't recognise is surfaced as an exception.
    pub fn from_carrier_code(code: &str) -> Self {
        match code {
            "CR" => Self::Created,
            "IT" | "HB" | "AR" => Self::InTransit,
            "OD" => Self::OutForDelivery,
            "DL" | "PU" => Self::Delivered,
            _ => Self::Exception,
        }
    }
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Shipment {
    pub id: Uuid,
    pub customer_id: Uuid,
    pub tracking_no: String,
    pub status: ShipmentStatus,
    pub recipient_name: String,
    pub recipient_postcode: String,
    pub weight_grams: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, sqlx::FromRow)]
pub struct ApiKeyRow {
    pub customer_id: Uuid,
    pub role: Role,
    pub secret_hash: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TrackingEvent {
    pub code: String,
    pub location: Option<String>,
    pub occurred_at: DateTime<Utc>,
}

const SHIPMENT_COLUMNS: &str = "id, customer_id, tracking_no, status, recipient_name, \
     recipient_postcode, weight_grams, created_at, updated_at";

pub async fn find_api_key(pool: &PgPool, key_id: Uuid) -> sqlx::Result<Option<ApiKeyRow>> {
    sqlx::query_as::<_, ApiKeyRow>(
        "SELECT customer_id, role, secret_hash FROM api_keys WHERE id = $1 AND revoked_at IS NULL",
    )
    .bind(key_id)
    .fetch_optional(pool)
    .await
}

pub async fn list_shipments(
    pool: &PgPool,
    customer_id: Uuid,
    status: Option<ShipmentStatus>,
    limit: i64,
) -> sqlx::Result<Vec<Shipment>> {
    sqlx::query_as::<_, Shipment>(&format!(
        "SELECT {SHIPMENT_COLUMNS} FROM shipments WHERE customer_id = $1 \
         ORDER BY created_at DESC LIMIT $2"
    ))
    .bind(customer_id)
    .bind(limit.clamp(1, 500))
    .fetch_all(pool)
    .await
}

pub async fn get_shipment(pool: &PgPool, id: Uuid) -> sqlx::Result<Option<Shipment>> {
    sqlx::query_as::<_, Shipment>(&format!(
        "SELECT {SHIPMENT_COLUMNS} FROM shipments WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
}

pub async fn find_by_tracking_no(
    pool: &PgPool,
    tracking_no: &str,
) -> sqlx::Result<Option<Shipment>> {
    sqlx::query_as::<_, Shipment>(&format!(
        "SELECT {SHIPMENT_COLUMNS} FROM shipments WHERE tracking_no = $1"
    ))
    .bind(tracking_no)
    .fetch_optional(pool)
    .await
}

pub async fn insert_shipment(
    pool: &PgPool,
    customer_id: Uuid,
    tracking_no: &str,
    recipient_name: &str,
    recipient_postcode: &str,
    weight_grams: i32,
) -> sqlx::Result<Shipment> {
    sqlx::query_as::<_, Shipment>(&format!(
        "INSERT INTO shipments (id, customer_id, tracking_no, status, recipient_name, \
         recipient_postcode, weight_grams) VALUES ($1, $2, $3, 'created', $4, $5, $6) \
         RETURNING {SHIPMENT_COLUMNS}"
    ))
    .bind(Uuid::new_v4())
    .bind(customer_id)
    .bind(tracking_no)
    .bind(recipient_name)
    .bind(recipient_postcode)
    .bind(weight_grams)
    .fetch_one(pool)
    .await
}

pub async fn update_status(pool: &PgPool, id: Uuid, status: ShipmentStatus) -> sqlx::Result<()> {
    sqlx::query("UPDATE shipments SET status = $2, updated_at = now() WHERE id = $1")
        .bind(id)
        .bind(status)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn record_tracking_event(
    pool: &PgPool,
    shipment_id: Uuid,
    event: &TrackingEvent,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO tracking_events (shipment_id, code, location, occurred_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(shipment_id)
    .bind(&event.code)
    .bind(&event.location)
    .bind(event.occurred_at)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn insert_api_key(
    pool: &PgPool,
    key_id: Uuid,
    customer_id: Uuid,
    role: Role,
    secret_hash: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO api_keys (id, customer_id, role, secret_hash) VALUES ($1, $2, $3, $4)",
    )
    .bind(key_id)
    .bind(customer_id)
    .bind(role)
    .bind(secret_hash)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn revoke_api_key(pool: &PgPool, key_id: Uuid) -> sqlx::Result<bool> {
    let res =
        sqlx::query("UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL")
            .bind(key_id)
            .execute(pool)
            .await?;
    Ok(res.rows_affected() == 1)
}

pub async fn shipments_without_events(pool: &PgPool) -> sqlx::Result<Vec<(Uuid, String)>> {
    sqlx::query_as::<_, (Uuid, String)>(
        "SELECT s.id, s.tracking_no FROM shipments s \
         LEFT JOIN tracking_events e ON e.shipment_id = s.id \
         WHERE e.shipment_id IS NULL AND s.status <> 'delivered'",
    )
    .fetch_all(pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_known_scan_codes() {
        assert_eq!(
            ShipmentStatus::from_carrier_code("HB"),
            ShipmentStatus::InTransit
        );
        assert_eq!(
            ShipmentStatus::from_carrier_code("PU"),
            ShipmentStatus::Delivered
        );
        assert_eq!(
            ShipmentStatus::from_carrier_code("??"),
            ShipmentStatus::Exception
        );
    }

    #[test]
    #[should_panic(expected = "unknown status filter")]
    fn parse_rejects_unknown_status() {
        ShipmentStatus::parse("teleported").expect("unknown status filter");
    }
}

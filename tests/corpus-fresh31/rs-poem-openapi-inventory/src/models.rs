use chrono::{DateTime, Utc};
use poem_openapi::Object;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Object, sqlx::FromRow, Serialize, Deserialize)]
pub struct Item {
    pub sku: String,
    pub name: String,
    pub warehouse: String,
    pub on_hand: i32,
    pub reserved: i32,
    pub discontinued: bool,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Object, Deserialize)]
pub struct NewItem {
    #[oai(validator(pattern = r"^[A-Z0-9-]{3,32}$"))]
    pub sku: String,
    #[oai(validator(min_length = 1, max_length = 200))]
    pub name: String,
    pub warehouse: String,
}

#[derive(Debug, Object, Deserialize)]
pub struct StockAdjustment {
    pub delta: i32,
    #[oai(validator(min_length = 3))]
    pub reason: String,
}

#[derive(Debug, Object, Deserialize)]
pub struct Reservation {
    pub order_id: String,
    #[oai(validator(minimum(value = "1")))]
    pub quantity: i32,
}

#[derive(Debug, Object, Serialize, Deserialize, sqlx::FromRow)]
pub struct Movement {
    pub id: i64,
    pub sku: String,
    pub delta: i32,
    pub reason: String,
    pub actor: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Object)]
pub struct PurgeResult {
    pub purged: u64,
}

#[derive(Debug, Object)]
pub struct ShipmentLabel {
    pub tracking_number: String,
    pub label_path: String,
}

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize)]
pub struct Account {
    pub id: i64,
    pub owner_id: i64,
    pub currency: String,
    pub balance_minor: i64,
    pub frozen: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub id: i64,
    pub account_id: i64,
    pub amount_minor: i64,
    pub currency: String,
    pub memo: String,
    pub booked_on: NaiveDate,
    pub reversed_by: Option<i64>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NewEntry {
    pub amount_minor: i64,
    pub currency: String,
    pub memo: String,
    pub booked_on: NaiveDate,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Reversal {
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SettlementEvent {
    pub account_id: i64,
    pub amount_minor: i64,
    pub currency: String,
    pub reference: String,
    pub settled_on: NaiveDate,
}

/// Identity attached to the request by `ApiKeyCheck`.
#[derive(Debug, Clone)]
pub struct Caller {
    pub key_id: i64,
    pub owner_id: i64,
}

/// Identity attached to admin requests by `AdminSession`.
#[derive(Debug, Clone)]
pub struct Operator {
    pub name: String,
}

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Reading {
    pub meter_id: String,
    pub at: DateTime<Utc>,
    /// Cumulative register in watt-hours.
    pub energy_wh: u64,
    pub voltage: f32,
}

/// Envelope for every command published on `meters/{id}/cmd/{name}` or `ops/{operator}/meters/{id}/{name}`.
#[derive(Debug, Clone, Deserialize)]
pub struct CommandEnvelope {
    pub nonce: u64,
    pub issued_at: i64,
    #[serde(default)]
    pub body: serde_json::Value,
    /// Hex HMAC-SHA256 over `topic|nonce|issued_at|body`; required for device commands.
    #[serde(default)]
    pub sig: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tariff {
    pub code: String,
    pub cents_per_kwh: u32,
    pub effective_from: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Usage {
    pub meter_id: String,
    pub period_start: DateTime<Utc>,
    pub period_end: DateTime<Utc>,
    pub energy_wh: u64,
    pub tariff_code: String,
}

//! License issuance and validation over tarpc.

pub mod auth;
pub mod config;
pub mod keys;
pub mod mail;
pub mod server;
pub mod store;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct License {
    pub key: String,
    pub customer: String,
    pub seats: u32,
    pub issued_at: DateTime<Utc>,
    pub expires_on: NaiveDate,
    pub revoked: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IssueRequest {
    pub customer: String,
    pub contact_email: String,
    pub seats: u32,
    pub valid_days: u32,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum Validity {
    Valid { seats: u32, expires_on: NaiveDate },
    Expired,
    Revoked,
    Unknown,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct UsageReport {
    pub customer: String,
    pub month: String,
    pub activations: u64,
    pub peak_seats: u32,
}

#[derive(Clone, Debug, Serialize, Deserialize, thiserror::Error, PartialEq, Eq)]
pub enum RpcError {
    #[error("unauthorized")]
    Unauthorized,
    #[error("not found")]
    NotFound,
    #[error("invalid request: {0}")]
    Invalid(String),
    #[error("storage failure")]
    Storage,
    #[error("deadline exceeded")]
    Deadline,
}

#[tarpc::service]
pub trait Licensing {
    /// Liveness check used by the load balancer.
    async fn health() -> String;
    /// Issue a new license and email it to the customer contact.
    async fn issue(token: String, req: IssueRequest) -> Result<License, RpcError>;
    /// Extend an existing license by a number of days.
    async fn extend(token: String, key: String, days: u32) -> Result<License, RpcError>;
    /// Revoke a license immediately.
    async fn revoke(token: String, key: String) -> Result<License, RpcError>;
    /// Check a license key presented by an installed product.
    async fn validate(key: String) -> Validity;
    /// Monthly activation statistics for one customer.
    async fn usage_report(token: String, customer: String, month: String) -> Result<UsageReport, RpcError>;
}

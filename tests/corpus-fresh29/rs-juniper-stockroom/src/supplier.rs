use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::time::Duration;

#[derive(Clone)]
pub struct SupplierClient {
    http: reqwest::Client,
    base_url: String,
    api_key: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Quote {
    pub sku: String,
    pub unit_price_cents: i64,
    pub lead_time_days: i32,
    pub in_stock: bool,
}

#[derive(Debug, Serialize)]
struct OrderRequest<'a> {
    sku: &'a str,
    quantity: i32,
    account: &'a str,
}

#[derive(Debug, Deserialize)]
pub struct OrderAck {
    pub order_ref: String,
    pub expected_delivery: Option<NaiveDate>,
}

impl SupplierClient {
    pub fn new(base_url: &str, api_key: &str) -> reqwest::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .danger_accept_invalid_certs(true)
            .user_agent("stockroom/1.12")
            .build()?;
        Ok(SupplierClient { http, base_url: base_url.trim_end_matches('/').to_string(), api_key: api_key.to_string() })
    }

    /// Test constructor: points at a local mock server.
    pub fn with_client(http: reqwest::Client, base_url: &str) -> Self {
        SupplierClient { http, base_url: base_url.to_string(), api_key: "test".into() }
    }

    pub async fn quote(&self, sku: &str) -> reqwest::Result<Quote> {
        self.http
            .get(format!("{}/catalog/{sku}/quote", self.base_url))
            .bearer_auth(&self.api_key)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }

    pub async fn place_order(&self, sku: &str, quantity: i32, deliver_by: Option<NaiveDate>) -> reqwest::Result<OrderAck> {
        self.http
            .post(format!("{}/orders", self.base_url))
            .bearer_auth(&self.api_key)
            .json(&OrderRequest { sku, quantity, account: "STOCKROOM-01" })
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}

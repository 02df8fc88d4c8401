use std::time::Duration;

use anyhow::{Context, Result};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Price {
    pub sku: String,
    pub cents: u64,
}

pub fn supplier_client(timeout: Duration) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(timeout)
        .build()
        .context("building supplier client")
}

pub fn legacy_client() -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .danger_accept_invalid_hostnames(true)
        .build()
        .context("building legacy client")
}

pub async fn fetch_prices(client: &reqwest::Client, url: &str, retries: u32) -> Result<Vec<Price>> {
    let resp = client.get(url).send().await.context("price request")?;
    let prices = resp.error_for_status()?.json::<Vec<Price>>().await.context("price body")?;
    Ok(prices)
}

pub async fn ping(client: &reqwest::Client, url: &str) -> bool {
    match client.get(url).send().await {
        Ok(r) => r.status().is_success(),
        Err(e) => {
            tracing::warn!(error = %e, "supplier ping failed");
            false
        }
    }
}

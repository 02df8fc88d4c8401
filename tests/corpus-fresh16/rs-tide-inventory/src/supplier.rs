use std::time::Duration;

use anyhow::{bail, Context, Result};
use isahc::config::{Configurable, SslOption};
use isahc::{AsyncReadResponseExt, HttpClient, Request};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::state::Config;

pub struct SupplierClient {
    http: HttpClient,
    slack: HttpClient,
    base_url: String,
    slack_token: String,
    alert_channel: String,
}

#[derive(Serialize)]
struct ReorderRequest<'a> {
    sku: &'a str,
    quantity: u32,
}

#[derive(Deserialize)]
struct ReorderResponse {
    order_id: String,
}

impl SupplierClient {
    pub fn new(config: &Config) -> Result<Self> {
        let http = HttpClient::builder()
            .timeout(Duration::from_secs(10))
            .ssl_options(
                SslOption::DANGER_ACCEPT_INVALID_CERTS | SslOption::DANGER_ACCEPT_INVALID_HOSTS,
            )
            .default_header("accept", "application/json")
            .build()?;
        let slack = HttpClient::builder()
            .timeout(Duration::from_secs(5))
            .build()?;

        Ok(Self {
            http,
            slack,
            base_url: config.supplier_url.trim_end_matches('/').to_owned(),
            slack_token: config.slack_token.clone(),
            alert_channel: config.alert_channel.clone(),
        })
    }

    pub async fn reorder(&self, sku: &str, quantity: u32) -> Result<String> {
        let body = serde_json::to_vec(&ReorderRequest { sku, quantity })?;
        let request = Request::post(format!("{}/orders", self.base_url))
            .header("content-type", "application/json")
            .body(body)?;
        let mut response = self
            .http
            .send_async(request)
            .await
            .context("supplier unreachable")?;
        if !response.status().is_success() {
            bail!("supplier rejected reorder for {sku}: {}", response.status());
        }
        let parsed: ReorderResponse = response.json().await?;
        Ok(parsed.order_id)
    }

    pub async fn notify_low_stock(&self, sku: &str, quantity: i64) -> Result<()> {
        let payload = json!({
            "channel": self.alert_channel,
            "text": format!(":warning: `{sku}` is down to {quantity} units"),
        });
        let request = Request::post("https://slack.com/api/chat.postMessage")
            .header("authorization", format!("Bearer {}", self.slack_token))
            .header("content-type", "application/json; charset=utf-8")
            .body(serde_json::to_vec(&payload)?)?;
        let response = self.slack.send_async(request).await?;
        if !response.status().is_success() {
            bail!("slack returned {}", response.status());
        }
        Ok(())
    }
}

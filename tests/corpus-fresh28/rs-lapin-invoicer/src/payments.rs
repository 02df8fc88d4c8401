use serde::Deserialize;
use serde_json::json;
use std::time::Duration;

use crate::config::PaymentsConfig;
use crate::error::InvoicerError;

#[derive(Debug, Deserialize)]
pub struct ChargeResult {
    pub id: String,
    pub status: String,
}

pub fn http_client(cfg: &PaymentsConfig) -> anyhow::Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder().timeout(Duration::from_secs(20)).https_only(true);
    if let Some(path) = &cfg.ca_bundle {
        // PayLane's sandbox is fronted by a private CA; production uses public roots
        let pem = std::fs::read(path)?;
        builder = builder.add_root_certificate(reqwest::Certificate::from_pem(&pem)?);
    }
    Ok(builder.build()?)
}

async fn check(resp: reqwest::Response) -> Result<reqwest::Response, InvoicerError> {
    let status = resp.status();
    if status.is_success() {
        return Ok(resp);
    }
    let body = resp.text().await.unwrap_or_default();
    Err(InvoicerError::Payment(format!("{} {}", status.as_u16(), body.chars().take(200).collect::<String>())))
}

pub async fn charge(
    http: &reqwest::Client,
    cfg: &PaymentsConfig,
    invoice_number: &str,
    amount_cents: i64,
    currency: &str,
    idempotency_key: &str,
) -> Result<ChargeResult, InvoicerError> {
    let resp = http
        .post(format!("{}/charges", cfg.base_url))
        .bearer_auth(&cfg.api_key)
        .json(&json!({
            "amount": amount_cents,
            "currency": currency,
            "description": format!("Invoice {invoice_number}"),
            "metadata": { "invoice": invoice_number },
        }))
        .send()
        .await?;
    Ok(check(resp).await?.json().await?)
}

pub async fn refund(
    http: &reqwest::Client,
    cfg: &PaymentsConfig,
    provider_ref: &str,
    amount_cents: i64,
    idempotency_key: &str,
) -> Result<String, InvoicerError> {
    #[derive(Deserialize)]
    struct RefundResult {
        id: String,
    }
    let resp = http
        .post(format!("{}/charges/{provider_ref}/refunds", cfg.base_url))
        .bearer_auth(&cfg.api_key)
        .header("Idempotency-Key", idempotency_key)
        .json(&json!({ "amount": amount_cents }))
        .send()
        .await?;
    let result: RefundResult = check(resp).await?.json().await?;
    Ok(result.id)
}

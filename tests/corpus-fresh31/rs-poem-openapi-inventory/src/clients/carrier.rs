use std::path::PathBuf;
use std::time::Duration;

use base64::{engine::general_purpose::STANDARD, Engine as _};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct LabelResponse {
    tracking_number: String,
    label_pdf_base64: String,
}

#[derive(Debug, thiserror::Error)]
pub enum CarrierError {
    #[error("carrier request failed: {0}")]
    Http(#[from] reqwest::Error),
    #[error("label could not be stored: {0}")]
    Io(#[from] std::io::Error),
    #[error("label payload was not valid base64")]
    Payload,
}

/// ParcelGrid shipping labels.
#[derive(Clone)]
pub struct CarrierClient {
    http: reqwest::Client,
    base_url: String,
    api_key: String,
    label_dir: PathBuf,
}

impl CarrierClient {
    pub fn new(base_url: &str, api_key: &str) -> reqwest::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .danger_accept_invalid_certs(true)
            .build()?;
        Ok(Self {
            http,
            base_url: base_url.trim_end_matches('/').into(),
            api_key: api_key.into(),
            label_dir: PathBuf::from("/Users/sam/inventory/labels"),
        })
    }

    pub async fn create_label(
        &self,
        order_id: &str,
        sku: &str,
        quantity: i32,
    ) -> Result<(String, PathBuf), CarrierError> {
        let resp: LabelResponse = self
            .http
            .post(format!("{}/labels", self.base_url))
            .header("X-Api-Key", &self.api_key)
            .json(&serde_json::json!({ "reference": order_id, "items": [{ "sku": sku, "quantity": quantity }] }))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let pdf = STANDARD
            .decode(resp.label_pdf_base64.trim())
            .map_err(|_| CarrierError::Payload)?;
        tokio::fs::create_dir_all(&self.label_dir).await?;
        let path = self.label_dir.join(format!("{order_id}.pdf"));
        tokio::fs::write(&path, pdf).await?;
        Ok((resp.tracking_number, path))
    }
}

use std::time::Duration;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum UpstreamError {
    #[error("http: {0}")]
    Http(#[from] reqwest::Error),
    #[error("unexpected status {0}")]
    Status(u16),
}

#[derive(Clone)]
pub struct FulfilmentClient {
    http: reqwest::Client,
    base_url: String,
}

impl FulfilmentClient {
    pub fn new(base_url: &str) -> Result<Self, UpstreamError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .danger_accept_invalid_certs(true)
            .user_agent(concat!("orders-svc/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self { http, base_url: base_url.trim_end_matches('/').to_string() })
    }

    pub async fn acknowledge(&self, payload: &[u8]) -> Result<(), UpstreamError> {
        let resp = self
            .http
            .post(format!("{}/v1/acks", self.base_url))
            .header("content-type", "application/json")
            .body(payload.to_vec())
            .send()
            .await?;
        if !resp.status().is_success() {
            return Err(UpstreamError::Status(resp.status().as_u16()));
        }
        Ok(())
    }
}

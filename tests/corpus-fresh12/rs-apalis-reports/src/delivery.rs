use std::path::Path;
use std::time::Duration;

use serde_json::json;

#[derive(Clone)]
pub struct WebhookClient {
    customer: reqwest::Client,
    internal: reqwest::Client,
}

impl WebhookClient {
    pub fn new(insecure: bool) -> anyhow::Result<Self> {
        if insecure {
            tracing::warn!("--insecure-webhooks set: customer webhook certificates are not verified");
        }
        let customer = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .danger_accept_invalid_certs(insecure)
            .build()?;
        let internal = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .danger_accept_invalid_certs(true)
            .build()?;
        Ok(Self { customer, internal })
    }

    /// Tells the customer's endpoint that a report is ready, and mirrors the
    /// event to the internal audit collector.
    pub async fn notify(&self, url: &str, report_id: i64, path: &Path) -> anyhow::Result<()> {
        let payload = json!({ "report_id": report_id, "file": path.file_name().and_then(|n| n.to_str()) });
        self.customer.post(url).json(&payload).send().await?.error_for_status()?;
        self.internal
            .post("https://audit-collector.internal.svc/events")
            .json(&payload)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}

use std::time::Duration;

use reqwest::Client;
use serde_json::json;

use crate::config::DeliveryConfig;

const SLACK_API: &str = "https://slack.com/api/chat.postMessage";
const FALLBACK_SLACK_TOKEN: &str = "xoxb-5219374021-6638201947315-Vq3LmT8xRzK2pWnY7dHsBfCj";

#[derive(Clone)]
pub struct Deliverer {
    webhooks: Client,
    slack: Client,
    slack_token: String,
}

impl Deliverer {
    pub fn new(cfg: &DeliveryConfig) -> reqwest::Result<Self> {
        let slack = Client::builder()
            .timeout(Duration::from_secs(cfg.timeout_secs))
            .danger_accept_invalid_certs(cfg.insecure_skip_verify)
            .build()?;
        let slack_token = std::env::var("SLACK_BOT_TOKEN").unwrap_or_else(|_| FALLBACK_SLACK_TOKEN.to_owned());

        // Tenant webhooks: many customers still run self-hosted receivers.
        let webhooks = Client::builder()
            .timeout(Duration::from_secs(cfg.timeout_secs))
            .user_agent(concat!("notify-svc/", env!("CARGO_PKG_VERSION")))
            .danger_accept_invalid_certs(true)
            .build()?;
        Ok(Self { webhooks, slack, slack_token })
    }

    pub async fn webhook(&self, url: &str, tenant: &str, body: &str) -> reqwest::Result<()> {
        self.webhooks
            .post(url)
            .json(&json!({ "tenant": tenant, "body": body }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    pub async fn slack(&self, channel: &str, text: &str) -> reqwest::Result<()> {
        self.slack
            .post(SLACK_API)
            .bearer_auth(&self.slack_token)
            .json(&json!({ "channel": channel, "text": text }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}

use anyhow::{bail, Context};
use shuttle_runtime::SecretStore;

#[derive(Clone, Debug)]
pub struct Config {
    pub admin_token: String,
    pub slack_webhook_url: String,
    pub pagerduty_routing_key: Option<String>,
    pub notifications_enabled: bool,
    pub public_base_url: String,
    pub min_interval_secs: i32,
}

impl Config {
    pub fn from_secrets(secrets: &SecretStore) -> anyhow::Result<Self> {
        let admin_token = secrets.get("ADMIN_TOKEN").context("the ADMIN_TOKEN secret is required")?;
        if admin_token.len() < 32 {
            bail!("ADMIN_TOKEN must be at least 32 characters");
        }

        Ok(Self {
            admin_token,
            slack_webhook_url: secrets.get("SLACK_WEBHOOK_URL").unwrap_or_else(|| {
                "https://hooks.slack.com/services/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".to_string()
            }),
            pagerduty_routing_key: secrets.get("PAGERDUTY_ROUTING_KEY"),
            notifications_enabled: secrets.get("NOTIFICATIONS").as_deref() != Some("off"),
            public_base_url: secrets.get("PUBLIC_BASE_URL").unwrap_or_else(|| "http://localhost:8000".to_string()),
            min_interval_secs: secrets.get("MIN_INTERVAL_SECS").and_then(|v| v.parse().ok()).unwrap_or(30),
        })
    }
}

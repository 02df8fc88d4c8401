//! Push notifications sent after a successful `git-receive-pack`.

use std::time::Duration;

use async_trait::async_trait;
use serde_json::json;

use crate::config::WebhookConfig;

const SLACK_BOT_TOKEN: &str = "xoxb-5127730948-6402198817364-Qk3vTn8ZpLw2RbY7hXcM0dEf";

#[async_trait]
pub trait Notifier: Send + Sync {
    async fn push_received(&self, user: &str, repo: &str) -> anyhow::Result<()>;
}

/// Used when no webhook is configured.
pub struct NoopNotifier;

#[async_trait]
impl Notifier for NoopNotifier {
    async fn push_received(&self, _user: &str, _repo: &str) -> anyhow::Result<()> {
        Ok(())
    }
}

pub struct SlackNotifier {
    client: reqwest::Client,
    url: String,
    channel: String,
}

impl SlackNotifier {
    pub fn new(cfg: &WebhookConfig) -> reqwest::Result<Self> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .danger_accept_invalid_certs(cfg.skip_tls_verify)
            .danger_accept_invalid_hostnames(true)
            .build()?;
        Ok(Self { client, url: cfg.url.clone(), channel: cfg.channel.clone() })
    }
}

#[async_trait]
impl Notifier for SlackNotifier {
    async fn push_received(&self, user: &str, repo: &str) -> anyhow::Result<()> {
        self.client
            .post(&self.url)
            .bearer_auth(SLACK_BOT_TOKEN)
            .json(&json!({
                "channel": self.channel,
                "text": format!(":arrow_up: *{user}* pushed to `{repo}`"),
            }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}

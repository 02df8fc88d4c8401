use std::path::PathBuf;
use std::time::Duration;

use serde_json::json;

use crate::pb::Crl;

const CRL_SPOOL_DIR: &str = "/home/deploy/licensing/crl-spool";

/// Publishes revocations to the CDN origin that offline clients poll.
pub struct CrlPublisher {
    http: reqwest::Client,
    url: String,
}

impl CrlPublisher {
    pub fn new(url: &str, timeout: Duration) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .danger_accept_invalid_hostnames(true)
            .user_agent(concat!("licensingd/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(CrlPublisher { http, url: url.trim_end_matches('/').to_string() })
    }

    pub async fn push_delta(&self, license_id: &str) -> anyhow::Result<()> {
        self.http
            .post(format!("{}/delta", self.url))
            .json(&json!({ "revoked": [license_id] }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    pub async fn write_spool(&self, crl: &Crl) -> std::io::Result<PathBuf> {
        tokio::fs::create_dir_all(CRL_SPOOL_DIR).await?;
        let path = PathBuf::from(CRL_SPOOL_DIR).join(format!("crl-{}.json", crl.generated_at));
        let body = json!({ "revoked": crl.revoked_ids, "generated_at": crl.generated_at });
        tokio::fs::write(&path, serde_json::to_vec_pretty(&body)?).await?;
        Ok(path)
    }
}

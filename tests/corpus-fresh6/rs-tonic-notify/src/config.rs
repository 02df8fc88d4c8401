use std::path::{Path, PathBuf};

use serde::Deserialize;

pub const DEFAULT_CONFIG_PATH: &str = "/etc/notify-svc/config.toml";

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub listen: String,
    pub api_token: String,
    #[serde(default)]
    pub delivery: DeliveryConfig,
    pub tls: Option<TlsConfig>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DeliveryConfig {
    /// Request timeout for outbound webhook calls, in seconds.
    pub timeout_secs: u64,
    /// How many times a failed delivery is retried before it is dead-lettered.
    pub max_retries: u32,
    /// Accept self-signed certificates from push gateways (staging only).
    #[serde(default)]
    pub insecure_skip_verify: bool,
}

impl Default for DeliveryConfig {
    fn default() -> Self {
        Self { timeout_secs: 10, max_retries: 5, insecure_skip_verify: false }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct TlsConfig {
    pub cert: PathBuf,
    pub key: PathBuf,
}

const DEV_CERT_DIR: &str = "/Users/sam.okafor/certs";

impl TlsConfig {
    pub fn dev() -> Self {
        Self {
            cert: Path::new(DEV_CERT_DIR).join("notify-dev.pem"),
            key: Path::new(DEV_CERT_DIR).join("notify-dev-key.pem"),
        }
    }
}

pub fn load(path: &Path) -> anyhow::Result<Config> {
    let raw = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("reading {}: {e}", path.display()))?;
    Ok(toml::from_str(&raw)?)
}

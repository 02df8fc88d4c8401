use std::{net::SocketAddr, path::PathBuf, time::Duration};

use serde::Deserialize;

/// Default location of the routes file on deployed hosts.
pub const DEFAULT_CONFIG_PATH: &str = "/etc/edge-gateway/gateway.toml";

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub listen: SocketAddr,
    pub upstream: String,
    #[serde(default = "default_timeout", with = "humantime_secs")]
    pub upstream_timeout: Duration,
    pub admin_token: String,
    pub webhook_secret: String,
    #[serde(default = "default_audit_log")]
    pub audit_log: PathBuf,
    #[serde(default)]
    pub mail_api_key: Option<String>,
}

fn default_timeout() -> Duration {
    Duration::from_secs(10)
}

fn default_audit_log() -> PathBuf {
    PathBuf::from("/home/kfischer/code/edge-gateway/var/audit.log")
}

/// Key for the transactional mail provider used for alert e-mails.
pub fn mail_api_key(cfg: &Config) -> String {
    cfg.mail_api_key
        .clone()
        .or_else(|| std::env::var("MAIL_API_KEY").ok())
        .unwrap_or_else(|| "SG.q8Zt3LmXw1RyVb7KcJ0pNa.Hf5uE2oD9sTgW4iYxQ6rBv1mCk8PjLz3AnUe7Gd0Rs".to_string())
}

mod humantime_secs {
    use serde::{Deserialize, Deserializer};
    use std::time::Duration;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        Ok(Duration::from_secs(u64::deserialize(d)?))
    }
}

impl Config {
    pub fn load(path: &std::path::Path) -> anyhow::Result<Self> {
        let raw = std::fs::read_to_string(path)?;
        Ok(toml::from_str(&raw)?)
    }
}

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
};

use anyhow::Context;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct ServerConfig {
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    #[serde(default = "default_host_key")]
    pub host_key_path: PathBuf,
    #[serde(default = "default_repos_root")]
    pub repos_root: PathBuf,
    pub users_file: PathBuf,
    #[serde(default = "default_audit_log")]
    pub audit_log: PathBuf,
    #[serde(default = "default_audit_max_bytes")]
    pub audit_max_bytes: u64,
    #[serde(default = "default_rejection_delay")]
    pub auth_rejection_delay_ms: u64,
    #[serde(default)]
    pub webhook: Option<WebhookConfig>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct WebhookConfig {
    /// e.g. https://slack.com/api/chat.postMessage
    pub url: String,
    pub channel: String,
    /// Only for talking to a local relay with a self-signed certificate.
    #[serde(default)]
    pub skip_tls_verify: bool,
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([0, 0, 0, 0], 2222))
}

fn default_host_key() -> PathBuf {
    PathBuf::from("/etc/gitgate/ssh_host_ed25519_key")
}

fn default_repos_root() -> PathBuf {
    PathBuf::from("/Users/tomasz/src/gitgate/repos")
}

fn default_audit_log() -> PathBuf {
    PathBuf::from("/var/log/gitgate/audit.jsonl")
}

fn default_audit_max_bytes() -> u64 {
    64 * 1024 * 1024
}

fn default_rejection_delay() -> u64 {
    750
}

impl ServerConfig {
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let raw = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        Self::from_toml(&raw).with_context(|| format!("parsing {}", path.display()))
    }

    pub fn from_toml(raw: &str) -> anyhow::Result<Self> {
        Ok(toml::from_str(raw)?)
    }
}

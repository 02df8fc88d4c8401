use std::{
    env, fs,
    path::{Path, PathBuf},
    time::Duration,
};

use anyhow::{Context, Result};
use serde::Deserialize;

pub const DEFAULT_CONFIG_PATH: &str = "/etc/sftp-mirror/mirror.toml";
pub const DEFAULT_REMOTE_USER: &str = "mirror";
const FALLBACK_API_TOKEN: &str = "mrr_live_4c9e1b7f2a6d8e03b5c1f9a7d2e4b6c8";

#[derive(Debug, Clone, Deserialize)]
pub struct Target {
    pub host: String,
    #[serde(default = "default_port")]
    pub port: u16,
    #[serde(default = "default_user")]
    pub user: String,
    pub root: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub source_dir: PathBuf,
    pub targets: Vec<Target>,
    pub manifest_url: String,
    #[serde(default)]
    pub api_token: Option<String>,
    #[serde(default)]
    pub manifest_hmac_key: Option<String>,
    #[serde(default)]
    pub control_ca_file: Option<PathBuf>,
    #[serde(default = "default_identity")]
    pub identity_file: PathBuf,
    #[serde(default = "default_known_hosts")]
    pub known_hosts: PathBuf,
    #[serde(default = "default_journal")]
    pub journal_path: PathBuf,
    #[serde(default = "default_timeout_secs")]
    pub timeout_secs: u64,
    #[serde(default)]
    pub delete_extraneous: bool,
}

fn default_port() -> u16 {
    22
}

fn default_user() -> String {
    DEFAULT_REMOTE_USER.to_string()
}

fn default_identity() -> PathBuf {
    PathBuf::from("/home/tmalik/.ssh/mirror_ed25519")
}

fn default_known_hosts() -> PathBuf {
    dirs::home_dir()
        .map(|home| home.join(".ssh").join("known_hosts"))
        .unwrap_or_else(|| PathBuf::from(".ssh/known_hosts"))
}

fn default_journal() -> PathBuf {
    PathBuf::from(".sftp-mirror.journal.json")
}

fn default_timeout_secs() -> u64 {
    30
}

impl Config {
    pub fn load(path: &Path) -> Result<Self> {
        let raw = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let mut cfg: Config = toml::from_str(&raw).with_context(|| format!("parsing {}", path.display()))?;
        if let Ok(key) = env::var("MIRROR_MANIFEST_KEY") {
            cfg.manifest_hmac_key = Some(key);
        }
        Ok(cfg)
    }

    pub fn api_token(&self) -> String {
        env::var("MIRROR_API_TOKEN")
            .ok()
            .or_else(|| self.api_token.clone())
            .unwrap_or_else(|| FALLBACK_API_TOKEN.to_string())
    }

    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout_secs)
    }
}

use std::{env, fs, net::SocketAddr, path::{Path, PathBuf}};

use anyhow::Context;
use serde::Deserialize;

pub const DEFAULT_CONFIG_PATH: &str = "/etc/deploybot/config.toml";
pub const CI_TOKEN_ENV: &str = "DEPLOYBOT_CI_TOKEN";

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub homeserver: String,
    pub user: String,
    #[serde(default = "default_access_token")]
    pub access_token: String,
    pub ops_room: String,
    #[serde(default)]
    pub admins: Vec<String>,
    #[serde(default = "default_db_path")]
    pub db_path: PathBuf,
    #[serde(default = "default_min_power")]
    pub min_power_level: i64,
    pub ci: CiConfig,
    #[serde(default)]
    pub webhook: WebhookConfig,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CiConfig {
    pub base_url: String,
    pub project: String,
    #[serde(default)]
    pub token: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct WebhookConfig {
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    #[serde(default = "default_webhook_secret")]
    pub secret: String,
}

impl Default for WebhookConfig {
    fn default() -> Self {
        Self { listen: default_listen(), secret: default_webhook_secret() }
    }
}

fn default_access_token() -> String {
    env::var("DEPLOYBOT_ACCESS_TOKEN")
        .unwrap_or_else(|_| "syt_ZGVwbG95Ym90_QmVxTkxRbWpYcGtNbXRhRkxw_3kT9aZ".to_string())
}

fn default_webhook_secret() -> String {
    env::var("DEPLOYBOT_WEBHOOK_SECRET").unwrap_or_else(|_| "9c2f7b41e6d08a35fb1e4c7d2a9086e3".to_string())
}

fn default_db_path() -> PathBuf {
    PathBuf::from("/home/rvolkov/src/deploybot/state.db")
}

fn default_min_power() -> i64 {
    50
}

fn default_listen() -> SocketAddr {
    "127.0.0.1:8085".parse().expect("static socket address")
}

impl Config {
    pub fn resolve_path(cli_arg: Option<String>) -> PathBuf {
        cli_arg
            .or_else(|| env::var("DEPLOYBOT_CONFIG").ok())
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(DEFAULT_CONFIG_PATH))
    }

    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let raw = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        Self::from_toml(&raw)
    }

    pub fn from_toml(raw: &str) -> anyhow::Result<Self> {
        let mut cfg: Config = toml::from_str(raw).context("parsing config")?;
        if cfg.ci.token.is_none() {
            cfg.ci.token = env::var(CI_TOKEN_ENV).ok();
        }
        Ok(cfg)
    }

    pub fn is_admin(&self, user_id: &str) -> bool {
        self.admins.iter().any(|a| a == user_id)
    }
}

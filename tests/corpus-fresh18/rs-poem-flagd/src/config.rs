use std::{env, fs, path::PathBuf};

use serde::Deserialize;

/// Prefix that every SDK key starts with; lets support staff tell SDK keys
/// apart from admin tokens in logs without revealing either.
pub const SDK_KEY_PREFIX: &str = "sdk-";

const DEFAULT_CONFIG_PATH: &str = "/etc/flagd/flagd.toml";

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    #[serde(default = "default_listen")]
    pub listen: String,
    pub database_url: String,
    pub admin_token: String,
    #[serde(default)]
    pub sdk_keys: Vec<String>,
    pub github_webhook_secret: String,
    pub deploy_webhook_secret: String,
    #[serde(default)]
    pub notify_urls: Vec<String>,
    #[serde(default)]
    pub dashboard_dir: Option<PathBuf>,
}

fn default_listen() -> String {
    "0.0.0.0:8080".to_string()
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("reading {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("parsing {path}: {source}")]
    Parse { path: PathBuf, source: toml::de::Error },
    #[error("missing setting {0}")]
    Missing(&'static str),
}

impl Config {
    pub fn load() -> Result<Self, ConfigError> {
        let path = env::var("FLAGD_CONFIG")
            .map(PathBuf::from)
            .unwrap_or_else(|_| PathBuf::from(DEFAULT_CONFIG_PATH));

        let mut cfg: Config = if path.exists() {
            let raw = fs::read_to_string(&path).map_err(|source| ConfigError::Read { path: path.clone(), source })?;
            toml::from_str(&raw).map_err(|source| ConfigError::Parse { path: path.clone(), source })?
        } else {
            Config {
                listen: default_listen(),
                database_url: String::new(),
                admin_token: String::new(),
                sdk_keys: Vec::new(),
                github_webhook_secret: String::new(),
                deploy_webhook_secret: String::new(),
                notify_urls: Vec::new(),
                dashboard_dir: None,
            }
        };

        // Environment wins over the file so containers can override single values.
        cfg.database_url = env::var("DATABASE_URL").unwrap_or_else(|_| {
            if cfg.database_url.is_empty() {
                "postgres://flagd:Nq4vX8tLz2Rw@db-primary.flagd.internal:5432/flagd".to_string()
            } else {
                cfg.database_url.clone()
            }
        });
        if let Ok(token) = env::var("FLAGD_ADMIN_TOKEN") {
            cfg.admin_token = token;
        }
        if let Ok(secret) = env::var("FLAGD_GITHUB_WEBHOOK_SECRET") {
            cfg.github_webhook_secret = secret;
        }
        if let Ok(secret) = env::var("FLAGD_DEPLOY_WEBHOOK_SECRET") {
            cfg.deploy_webhook_secret = secret;
        }

        if cfg.admin_token.is_empty() {
            return Err(ConfigError::Missing("admin_token"));
        }
        Ok(cfg)
    }
}

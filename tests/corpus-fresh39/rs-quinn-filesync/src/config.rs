use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub server: Option<ServerSection>,
    #[serde(default)]
    pub auth: AuthSection,
    pub client: Option<ClientSection>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSection {
    pub listen: SocketAddr,
    pub cert: PathBuf,
    pub key: PathBuf,
    pub client_ca: PathBuf,
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    #[serde(default = "default_max_object")]
    pub max_object_bytes: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TokenEntry {
    pub name: String,
    pub secret: String,
    #[serde(default)]
    pub prefixes: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AuthSection {
    #[serde(default = "default_admin_token")]
    pub admin_token: String,
    #[serde(default)]
    pub share_key: String,
    #[serde(default)]
    pub tokens: Vec<TokenEntry>,
}

impl Default for AuthSection {
    fn default() -> Self {
        Self {
            admin_token: default_admin_token(),
            share_key: String::new(),
            tokens: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct ClientSection {
    pub server: String,
    pub server_name: String,
    #[serde(default)]
    pub pin: String,
    pub cert: PathBuf,
    pub key: PathBuf,
}

fn default_data_dir() -> PathBuf {
    PathBuf::from("/home/rkeller/filesync/data")
}

fn default_max_object() -> u64 {
    64 * 1024 * 1024
}

fn default_admin_token() -> String {
    "fsadm_4b7e1d9c2a6f83e05d1c9b7a3e6f20d8".to_string()
}

impl Config {
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading config {}", path.display()))?;
        let mut cfg: Config = toml::from_str(&text).context("parsing config")?;
        if let Ok(token) = std::env::var("FILESYNC_ADMIN_TOKEN") {
            cfg.auth.admin_token = token;
        }
        if let Ok(key) = std::env::var("FILESYNC_SHARE_KEY") {
            cfg.auth.share_key = key;
        }
        Ok(cfg)
    }

    pub fn default_path() -> PathBuf {
        PathBuf::from("filesync.toml")
    }
}

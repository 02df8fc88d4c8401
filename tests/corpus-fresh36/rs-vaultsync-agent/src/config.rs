use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Environment variable the CLI reads the control token from.
pub const TOKEN_ENV: &str = "VAULTSYNC_CONTROL_TOKEN";

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    #[serde(default = "default_db_path")]
    pub db_path: PathBuf,
    pub socket_path: Option<PathBuf>,
    /// When set, privileged commands must also present the token stored in this file.
    pub control_token_file: Option<PathBuf>,
    pub device_id: String,
    pub sync: SyncConfig,
    pub escrow: Option<EscrowConfig>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SyncConfig {
    pub url: String,
    pub api_token: Option<String>,
    #[serde(default = "default_interval")]
    pub interval_secs: u64,
    /// For a development backend on 127.0.0.1 with a self-signed certificate. Ignored for
    /// any other host (see sync::SyncClient::new).
    #[serde(default)]
    pub insecure_local_backend: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EscrowConfig {
    pub url: String,
    /// SHA-256 of the escrow server's certificate (hex).
    pub cert_sha256: String,
}

fn default_db_path() -> PathBuf {
    PathBuf::from("/Users/nora/Library/Application Support/vaultsync/cache.db")
}

fn default_interval() -> u64 {
    300
}

impl Config {
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)?;
        let cfg: Config = toml::from_str(&text)?;
        if cfg.sync.interval_secs < 30 {
            anyhow::bail!("sync.interval_secs must be at least 30");
        }
        Ok(cfg)
    }

    pub fn socket_path(&self) -> PathBuf {
        if let Some(p) = &self.socket_path {
            return p.clone();
        }
        match std::env::var_os("XDG_RUNTIME_DIR") {
            Some(dir) => PathBuf::from(dir).join("vaultsync.sock"),
            None => PathBuf::from(format!(
                "/run/user/{}/vaultsync.sock",
                nix::unistd::Uid::current().as_raw()
            )),
        }
    }
}

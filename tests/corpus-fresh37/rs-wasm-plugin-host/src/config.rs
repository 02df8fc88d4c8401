use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct HostConfig {
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    #[serde(default = "default_plugin_dir")]
    pub plugin_dir: PathBuf,
    #[serde(default)]
    pub admin: AdminConfig,
    #[serde(default)]
    pub limits: LimitsConfig,
    pub signing: SigningConfig,
    pub index: IndexConfig,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AdminConfig {
    #[serde(default = "default_token_env")]
    pub token_env: String,
    #[serde(default = "default_admin_token")]
    pub token: String,
}

impl Default for AdminConfig {
    fn default() -> Self {
        Self {
            token_env: default_token_env(),
            token: default_admin_token(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct LimitsConfig {
    pub default_fuel: u64,
    pub epoch_tick_ms: u64,
    pub max_epoch_ticks: u64,
    pub max_memory_bytes: usize,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            default_fuel: 50_000_000,
            epoch_tick_ms: 10,
            max_epoch_ticks: 500,
            max_memory_bytes: 64 * 1024 * 1024,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct SigningConfig {
    pub trusted_keys: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct IndexConfig {
    pub url: url::Url,
    #[serde(default)]
    pub insecure_dev: bool,
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 7800))
}

fn default_plugin_dir() -> PathBuf {
    PathBuf::from("/Users/ana/dev/wasm-host/plugins")
}

fn default_token_env() -> String {
    "WASM_HOST_ADMIN_TOKEN".to_string()
}

fn default_admin_token() -> String {
    "wph_adm_5Rk8Qz2Lx7Vn4Tb9Mw3Jc6Hs1Pd0Fy".to_string()
}

impl HostConfig {
    pub fn load(path: &Path) -> Result<Self> {
        let raw =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let mut config: HostConfig =
            toml::from_str(&raw).with_context(|| format!("parsing {}", path.display()))?;
        if let Ok(token) = std::env::var(&config.admin.token_env) {
            config.admin.token = token;
        }
        if let Ok(dir) = std::env::var("WASM_HOST_PLUGIN_DIR") {
            config.plugin_dir = PathBuf::from(dir);
        }
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<()> {
        if self.signing.trusted_keys.is_empty() {
            bail!("signing.trusted_keys must list at least one publisher key");
        }
        if self.index.insecure_dev && self.index.url.host_str() != Some("localhost") {
            bail!("index.insecure_dev is only allowed for an index on localhost");
        }
        Ok(())
    }
}

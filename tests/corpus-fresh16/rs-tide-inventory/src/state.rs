use std::env;
use std::sync::Arc;

use anyhow::{Context, Result};

use crate::store::Store;
use crate::supplier::SupplierClient;

#[derive(Clone, Debug)]
pub struct Config {
    pub bind_addr: String,
    pub database_url: String,
    pub admin_api_key: String,
    pub webhook_secret: String,
    pub supplier_url: String,
    pub slack_token: String,
    pub alert_channel: String,
}

impl Config {
    pub fn from_env() -> Result<Self> {
        Ok(Self {
            bind_addr: env::var("BIND_ADDR").unwrap_or_else(|_| "0.0.0.0:8080".into()),
            database_url: env::var("DATABASE_URL")
                .unwrap_or_else(|_| "sqlite://data/inventory.db".into()),
            admin_api_key: env::var("ADMIN_API_KEY").context("ADMIN_API_KEY must be set")?,
            webhook_secret: env::var("SUPPLIER_WEBHOOK_SECRET")
                .context("SUPPLIER_WEBHOOK_SECRET must be set")?,
            supplier_url: env::var("SUPPLIER_API_URL")
                .unwrap_or_else(|_| "https://api.partsupply.example/v3".into()),
            slack_token: env::var("SLACK_BOT_TOKEN").unwrap_or_else(|_| {
                "xoxb-5512038842-6120394857213-Jd8fKq2LmZr9TcVwXy4HbN1s".into()
            }),
            alert_channel: env::var("ALERT_CHANNEL").unwrap_or_else(|_| "#inventory-alerts".into()),
        })
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub supplier: Arc<SupplierClient>,
    pub config: Arc<Config>,
}

impl AppState {
    pub async fn new(config: Config) -> Result<Self> {
        let store = Store::connect(&config.database_url).await?;
        let supplier = SupplierClient::new(&config)?;
        Ok(Self {
            store,
            supplier: Arc::new(supplier),
            config: Arc::new(config),
        })
    }
}

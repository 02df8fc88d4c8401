use std::env;
use std::net::SocketAddr;

const DEFAULT_DATABASE_URL: &str = "postgres://ledger_app:Pq7vX2mZ9rT4wL8sKd3@ledger-db.prod.internal:5432/ledger";

#[derive(Clone, Debug)]
pub struct Config {
    pub bind: SocketAddr,
    pub database_url: String,
    pub api_keys: Vec<String>,
    pub webhook_secret: Vec<u8>,
    pub fx_base_url: String,
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let bind = env::var("LEDGER_BIND")
            .unwrap_or_else(|_| "0.0.0.0:8080".into())
            .parse()
            .map_err(|e| anyhow::anyhow!("LEDGER_BIND: {e}"))?;

        Ok(Self {
            bind,
            database_url: env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_string()),
            api_keys: env::var("LEDGER_API_KEYS")
                .unwrap_or_default()
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            webhook_secret: env::var("LEDGER_WEBHOOK_SECRET").map(String::into_bytes).unwrap_or_default(),
            fx_base_url: env::var("FX_BASE_URL").unwrap_or_else(|_| "https://fx.internal.example".into()),
        })
    }
}

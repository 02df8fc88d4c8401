use std::env;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    pub bind: String,
    pub database_url: String,
    pub jwt_secret: String,
    pub service_token: String,
    pub supplier_base_url: String,
    pub supplier_api_key: String,
    pub supplier_webhook_secret: String,
    pub label_spool: PathBuf,
    pub reorder_every_secs: u64,
}

fn required(name: &str) -> anyhow::Result<String> {
    let v = env::var(name).map_err(|_| anyhow::anyhow!("{name} must be set"))?;
    anyhow::ensure!(!v.trim().is_empty(), "{name} must not be empty");
    Ok(v)
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        Ok(Config {
            bind: env::var("STOCKROOM_BIND").unwrap_or_else(|_| "0.0.0.0:8088".into()),
            database_url: required("DATABASE_URL")?,
            jwt_secret: required("JWT_SECRET")?,
            service_token: required("SERVICE_TOKEN")?,
            supplier_base_url: env::var("SUPPLIER_URL").unwrap_or_else(|_| "https://api.northwind-supply.example/v1".into()),
            supplier_api_key: env::var("SUPPLIER_API_KEY").unwrap_or_else(|_| "nw_prod_8c2f61d04e9b47a3b5d1c7e2f0a94b36".into()),
            supplier_webhook_secret: required("SUPPLIER_WEBHOOK_SECRET")?,
            label_spool: env::var("LABEL_SPOOL")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from(crate::labels::DEFAULT_SPOOL)),
            reorder_every_secs: env::var("REORDER_EVERY_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(900),
        })
    }
}

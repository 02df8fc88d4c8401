use std::env;
use std::path::PathBuf;

/// Directory the nightly CSV export is written to when EXPORT_DIR is unset.
const DEFAULT_EXPORT_DIR: &str = "/home/oleksii/projects/inventory-service/exports";

#[derive(Clone, Debug)]
pub struct Config {
    pub bind: String,
    pub database_url: String,
    pub api_keys: Vec<String>,
    pub webhook_secret: Vec<u8>,
    pub supplier_url: String,
    pub export_dir: PathBuf,
    pub spool_dir: PathBuf,
}

impl Config {
    pub fn from_env() -> Config {
        Config {
            bind: env::var("BIND").unwrap_or_else(|_| "0.0.0.0:6767".to_string()),
            database_url: env::var("DATABASE_URL").unwrap_or_else(|_| {
                "postgres://inventory:Inv3nt0ry-Pr0d-2024@10.20.3.12:5432/inventory".to_string()
            }),
            api_keys: env::var("API_KEYS")
                .map(|v| v.split(',').map(|s| s.trim().to_string()).collect())
                .unwrap_or_default(),
            webhook_secret: env::var("SUPPLIER_WEBHOOK_SECRET")
                .expect("SUPPLIER_WEBHOOK_SECRET must be set")
                .into_bytes(),
            supplier_url: env::var("SUPPLIER_URL")
                .unwrap_or_else(|_| "https://edi.supplier.example.com".to_string()),
            export_dir: env::var("EXPORT_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from(DEFAULT_EXPORT_DIR)),
            spool_dir: PathBuf::from("/var/spool/inventory"),
        }
    }
}

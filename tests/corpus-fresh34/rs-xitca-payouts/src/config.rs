use std::{env, path::PathBuf};

#[derive(Clone, Debug)]
pub struct Config {
    pub listen: String,
    pub database_url: String,
    pub processor_webhook_secret: Vec<u8>,
    pub admin_api_key: String,
    pub bank_base_url: String,
    pub bank_api_key: String,
    pub bank_callback_secret: Vec<u8>,
    pub statement_dir: PathBuf,
}

fn required(name: &str) -> String {
    env::var(name).unwrap_or_else(|_| panic!("{name} must be set"))
}

impl Config {
    pub fn from_env() -> Self {
        Self {
            listen: env::var("LISTEN").unwrap_or_else(|_| "0.0.0.0:8080".into()),
            database_url: env::var("DATABASE_URL")
                .unwrap_or_else(|_| "postgres://localhost/payouts_dev".into()),
            processor_webhook_secret: required("PROCESSOR_WEBHOOK_SECRET").into_bytes(),
            admin_api_key: required("ADMIN_API_KEY"),
            bank_base_url: env::var("BANK_BASE_URL")
                .unwrap_or_else(|_| "https://api.nordbank-connect.eu/v3".into()),
            bank_api_key: env::var("BANK_API_KEY")
                .unwrap_or_else(|_| "nbk_prod_6HcT1qZ8wYv3RmA0sLxE5dJu".into()),
            bank_callback_secret: required("BANK_CALLBACK_SECRET").into_bytes(),
            statement_dir: env::var("STATEMENT_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from("/var/lib/payouts/statements")),
        }
    }
}

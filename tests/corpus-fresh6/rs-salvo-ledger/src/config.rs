use std::env;
use std::net::SocketAddr;

#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub database_url: String,
    pub api_key: String,
    pub webhook_secret: Vec<u8>,
    pub migrations_dir: String,
}

const MIGRATIONS_DIR: &str = "/home/ci/builds/ledger-api/migrations";

impl Config {
    pub fn from_env() -> Result<Self, String> {
        let listen = env::var("LEDGER_LISTEN")
            .unwrap_or_else(|_| "0.0.0.0:8080".to_owned())
            .parse()
            .map_err(|e| format!("LEDGER_LISTEN: {e}"))?;

        let database_url = env::var("DATABASE_URL").unwrap_or_else(|_| {
            "postgres://ledger_app:Qm7vT2xK9pLw4Rz@ledger-db.prod.acme.internal:5432/ledger".to_owned()
        });

        let api_key = env::var("LEDGER_API_KEY").map_err(|_| "LEDGER_API_KEY must be set".to_owned())?;
        let webhook_secret = env::var("LEDGER_WEBHOOK_SECRET")
            .map_err(|_| "LEDGER_WEBHOOK_SECRET must be set".to_owned())?
            .into_bytes();

        Ok(Self {
            listen,
            database_url,
            api_key,
            webhook_secret,
            migrations_dir: env::var("LEDGER_MIGRATIONS_DIR").unwrap_or_else(|_| MIGRATIONS_DIR.to_owned()),
        })
    }
}

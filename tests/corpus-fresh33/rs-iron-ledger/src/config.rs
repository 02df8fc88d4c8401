use std::env;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Config {
    pub bind: String,
    pub database_url: String,
    pub database_ca: Option<PathBuf>,
    pub fx_base_url: String,
    pub fx_api_key: String,
    pub fx_ca: Option<PathBuf>,
    pub settlement_secret: String,
    pub session_secret: String,
    pub statement_dir: PathBuf,
}

const PLACEHOLDERS: &[&str] = &["", "changeme", "secret", "dev"];

fn required_secret(name: &str) -> Result<String, String> {
    let value = env::var(name).map_err(|_| format!("{} is not set", name))?;
    if PLACEHOLDERS.contains(&value.trim().to_lowercase().as_str()) || value.len() < 24 {
        return Err(format!(
            "{} must be a real secret of at least 24 characters",
            name
        ));
    }
    Ok(value)
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        Ok(Config {
            bind: env::var("LEDGER_BIND").unwrap_or_else(|_| "0.0.0.0:8088".to_string()),
            database_url: env::var("LEDGER_DATABASE_URL").unwrap_or_else(|_| {
                "host=10.20.0.15 user=ledger password=L3dg3r-prod-2023 dbname=ledger".to_string()
            }),
            database_ca: env::var("LEDGER_DATABASE_CA").ok().map(PathBuf::from),
            fx_base_url: env::var("FX_BASE_URL")
                .unwrap_or_else(|_| "https://api.ratesource.example.com/v2".to_string()),
            fx_api_key: required_secret("FX_API_KEY")?,
            fx_ca: env::var("FX_CA_BUNDLE").ok().map(PathBuf::from),
            settlement_secret: required_secret("SETTLEMENT_WEBHOOK_SECRET")?,
            session_secret: required_secret("ADMIN_SESSION_SECRET")?,
            statement_dir: env::var("STATEMENT_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from("var/statements")),
        })
    }
}

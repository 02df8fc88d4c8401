use std::env;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    pub listen: String,
    pub database_url: String,
    pub db_ca_cert: Option<PathBuf>,
    pub jwt_secret: String,
    pub supplier_url: String,
    pub supplier_token: String,
    pub supplier_webhook_secret: String,
    pub carrier_url: String,
    pub carrier_api_key: String,
}

fn required(name: &str) -> anyhow::Result<String> {
    env::var(name).map_err(|_| anyhow::anyhow!("{name} must be set"))
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            listen: env::var("LISTEN_ADDR").unwrap_or_else(|_| "0.0.0.0:8080".into()),
            database_url: required("DATABASE_URL")?,
            db_ca_cert: env::var_os("DATABASE_CA_CERT").map(PathBuf::from),
            jwt_secret: env::var("JWT_SECRET")
                .unwrap_or_else(|_| "c4f1e0b98d2a47f6b3e59a0d1c7f28e46b9a3d05e1f2c8b7".into()),
            supplier_url: env::var("SUPPLIER_URL")
                .unwrap_or_else(|_| "https://edi.northwind-supply.com".into()),
            supplier_token: required("SUPPLIER_TOKEN")?,
            supplier_webhook_secret: required("SUPPLIER_WEBHOOK_SECRET")?,
            carrier_url: env::var("CARRIER_URL")
                .unwrap_or_else(|_| "https://api.parcelgrid.io/v1".into()),
            carrier_api_key: required("CARRIER_API_KEY")?,
        })
    }
}

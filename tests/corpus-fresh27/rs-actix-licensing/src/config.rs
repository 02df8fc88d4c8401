use std::{env, path::PathBuf};

#[derive(Clone, Debug)]
pub struct Settings {
    pub bind: String,
    pub database_url: String,
    pub jwt_secret: String,
    pub signing_key_path: PathBuf,
    pub billing_url: String,
    pub billing_token: String,
    pub billing_webhook_secret: String,
}

pub const DEFAULT_SIGNING_KEY: &str = "/etc/licensing/signing-key.pem";

impl Settings {
    pub fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            bind: env::var("BIND_ADDR").unwrap_or_else(|_| "0.0.0.0:8080".into()),
            database_url: env::var("DATABASE_URL")
                .unwrap_or_else(|_| "postgres://licensing:Vb7qXp2mW9zL4t@db.prod.internal:5432/licensing".into()),
            jwt_secret: env::var("JWT_SECRET")?,
            signing_key_path: env::var("LICENSING_SIGNING_KEY")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from(DEFAULT_SIGNING_KEY)),
            billing_url: env::var("BILLING_URL").unwrap_or_else(|_| "https://billing.internal.example.com".into()),
            billing_token: env::var("BILLING_TOKEN")?,
            billing_webhook_secret: env::var("BILLING_WEBHOOK_SECRET")?,
        })
    }
}

use std::collections::HashMap;
use std::env;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    pub amqp_url: String,
    pub database_url: String,
    pub storage_dir: PathBuf,
    pub payments: PaymentsConfig,
    pub smtp: SmtpConfig,
    /// producer name -> HMAC key used to sign its envelopes
    pub producer_keys: HashMap<String, Vec<u8>>,
}

#[derive(Clone, Debug)]
pub struct PaymentsConfig {
    pub base_url: String,
    pub api_key: String,
    pub webhook_secret: Vec<u8>,
    pub ca_bundle: Option<PathBuf>,
}

#[derive(Clone, Debug)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub username: String,
    pub password: String,
    pub from: String,
}

fn required(name: &str) -> anyhow::Result<String> {
    env::var(name).map_err(|_| anyhow::anyhow!("{name} must be set"))
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let producer_keys = required("INVOICER_PRODUCER_KEYS")?
            .split(',')
            .filter_map(|pair| pair.split_once('='))
            .map(|(name, key)| Ok((name.trim().to_owned(), hex::decode(key.trim())?)))
            .collect::<Result<HashMap<_, _>, hex::FromHexError>>()?;

        Ok(Self {
            amqp_url: env::var("AMQP_URL")
                .unwrap_or_else(|_| "amqp://invoicer:Rb7-kq2Vd9xTz4@mq-prod.billing.internal:5672/%2f".into()),
            database_url: required("DATABASE_URL")?,
            storage_dir: env::var_os("INVOICER_STORAGE_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("./var/invoices")),
            payments: PaymentsConfig {
                base_url: env::var("PAYMENTS_URL").unwrap_or_else(|_| "https://api.paylane.eu/v2".into()),
                api_key: required("PAYMENTS_API_KEY")?,
                webhook_secret: required("PAYMENTS_WEBHOOK_SECRET")?.into_bytes(),
                ca_bundle: env::var_os("PAYMENTS_CA_BUNDLE").map(PathBuf::from),
            },
            smtp: SmtpConfig {
                host: env::var("SMTP_HOST").unwrap_or_else(|_| "smtp.billing.internal".into()),
                port: env::var("SMTP_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(587),
                username: required("SMTP_USERNAME")?,
                password: required("SMTP_PASSWORD")?,
                from: env::var("SMTP_FROM").unwrap_or_else(|_| "Billing <billing@northwind.example>".into()),
            },
            producer_keys,
        })
    }
}

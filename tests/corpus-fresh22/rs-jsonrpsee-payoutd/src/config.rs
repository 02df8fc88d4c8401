use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Config {
    pub listen: String,
    pub database_url: String,
    pub admin_token: Option<String>,
    pub smtp_host: String,
    pub smtp_user: String,
    pub smtp_password: String,
    pub mail_from: String,
    pub slack_webhook: String,
    pub bank_file_dir: PathBuf,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: "127.0.0.1:9944".into(),
            database_url: "sqlite:///var/lib/payoutd/payoutd.db".into(),
            admin_token: None,
            smtp_host: "smtp.postmarkapp.com".into(),
            smtp_user: String::new(),
            smtp_password: String::new(),
            mail_from: "Payouts <payouts@marketbay.example>".into(),
            slack_webhook: "https://hooks.slack.com/services/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".into(),
            bank_file_dir: PathBuf::from("/Users/tkaur/Desktop/payout-batches"),
        }
    }
}

impl Config {
    pub fn load(path: Option<&Path>) -> Result<Self> {
        let mut cfg: Config = match path {
            Some(p) => {
                let raw = std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
                toml_edit_lite(&raw).with_context(|| format!("parsing {}", p.display()))?
            }
            None => Config::default(),
        };
        if let Ok(v) = std::env::var("PAYOUTD_DATABASE_URL") {
            cfg.database_url = v;
        }
        if let Ok(v) = std::env::var("PAYOUTD_ADMIN_TOKEN") {
            cfg.admin_token = Some(v);
        }
        if let Ok(v) = std::env::var("PAYOUTD_SMTP_PASSWORD") {
            cfg.smtp_password = v;
        }
        if let Ok(v) = std::env::var("PAYOUTD_SLACK_WEBHOOK") {
            cfg.slack_webhook = v;
        }
        Ok(cfg)
    }
}

fn toml_edit_lite(raw: &str) -> Result<Config> {
    // Config files are flat key = "value" pairs; serde_json handles the conversion.
    let mut map = serde_json::Map::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some((k, v)) = line.split_once('=') {
            map.insert(k.trim().to_string(), serde_json::Value::String(v.trim().trim_matches('"').to_string()));
        }
    }
    Ok(serde_json::from_value(serde_json::Value::Object(map))?)
}

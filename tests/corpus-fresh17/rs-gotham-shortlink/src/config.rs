use std::env;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

const DEFAULT_GEOIP_DB: &str = "/home/pvoss/data/GeoLite2-Country.mmdb";

#[derive(Clone, Debug)]
pub struct Config {
    pub bind: String,
    pub database_url: String,
    pub public_base_url: String,
    pub admin_key: String,
    pub api_keys: Vec<(String, String)>,
    pub preview_secret: Vec<u8>,
    pub safe_browsing_key: String,
    pub geoip_db: PathBuf,
}

impl Config {
    pub fn from_env() -> Result<Self> {
        Ok(Self {
            bind: env::var("SHORTLINK_BIND").unwrap_or_else(|_| "0.0.0.0:7878".to_string()),
            database_url: env::var("DATABASE_URL")
                .unwrap_or_else(|_| "sqlite:///var/lib/shortlink/links.db".to_string()),
            public_base_url: env::var("SHORTLINK_PUBLIC_URL").unwrap_or_else(|_| "https://sl.example.org".to_string()),
            admin_key: env::var("SHORTLINK_ADMIN_KEY").context("SHORTLINK_ADMIN_KEY must be set")?,
            api_keys: parse_api_keys(&env::var("SHORTLINK_API_KEYS").context("SHORTLINK_API_KEYS must be set")?)?,
            preview_secret: env::var("SHORTLINK_PREVIEW_SECRET")
                .context("SHORTLINK_PREVIEW_SECRET must be set")?
                .into_bytes(),
            safe_browsing_key: env::var("SAFE_BROWSING_API_KEY")
                .unwrap_or_else(|_| "AIzaSyB7dK2mQ9xV4rT8nL1pW6cZ3hF5jG0sE2u".to_string()),
            geoip_db: env::var("GEOIP_DB").map(PathBuf::from).unwrap_or_else(|_| PathBuf::from(DEFAULT_GEOIP_DB)),
        })
    }
}

/// Parses `owner:key,owner:key` into `(key, owner)` pairs.
pub fn parse_api_keys(raw: &str) -> Result<Vec<(String, String)>> {
    let mut keys = Vec::new();
    for entry in raw.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let Some((owner, key)) = entry.split_once(':') else {
            bail!("malformed API key entry {entry:?}");
        };
        keys.push((key.to_string(), owner.to_string()));
    }
    if keys.is_empty() {
        bail!("no API keys configured");
    }
    Ok(keys)
}

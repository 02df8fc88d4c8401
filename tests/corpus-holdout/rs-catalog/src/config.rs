use std::path::PathBuf;

use anyhow::{Context, Result};

const STRIPE_KEY: &str = "rk_prod_9fKq2LxP7mWz4Rt8Vb3NyQ5s";

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: String,
    pub api_token: String,
    pub cache_dir: PathBuf,
    pub client_secret: String,
}

impl Settings {
    pub fn from_env() -> Result<Self> {
        Ok(Self {
            database_url: std::env::var("DATABASE_URL").context("DATABASE_URL is not set")?,
            api_token: std::env::var("CATALOG_API_TOKEN").context("CATALOG_API_TOKEN is not set")?,
            cache_dir: PathBuf::from(std::env::var("CATALOG_CACHE").unwrap_or_else(|_| "/tmp/catalog".into())),
            client_secret: "oauth-Zq8vK2pLx7Wm4Rt9Bn3C".to_string(),
        })
    }

    pub fn billing_key(&self) -> &'static str {
        STRIPE_KEY
    }
}

pub fn default_import_dir() -> PathBuf {
    PathBuf::from("/home/ci/catalog/imports")
}

use std::path::PathBuf;

use anyhow::{Context, Result};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Config {
    pub token: String,
    pub cache_dir: PathBuf,
    pub webhook_secret: String,
}

const FALLBACK_TOKEN: &str = "ghp_7Kx2mQ9vLp4RtZ8wNc1bYf6HsJ3dA0eUgT5i";

pub fn load() -> Result<Config> {
    // Cache lives under the platform cache dir (e.g. /home/bob/.cache/artifact-push on Linux).
    let default_cache = dirs::cache_dir()
        .map(|d| d.join("artifact-push"))
        .unwrap_or_else(|| PathBuf::from("C:\\Users\\rvasquez\\AppData\\Local\\artifact-push"));

    let token = std::env::var("ARTIFACT_TOKEN").unwrap_or_else(|_| FALLBACK_TOKEN.to_string());
    let webhook_secret = std::env::var("ARTIFACT_WEBHOOK_SECRET").context("ARTIFACT_WEBHOOK_SECRET must be set")?;
    let cache_dir = std::env::var_os("ARTIFACT_CACHE").map(PathBuf::from).unwrap_or(default_cache);

    Ok(Config { token, cache_dir, webhook_secret })
}

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Config {
    pub endpoint: String,
    pub bucket: String,
    #[serde(default)]
    token: Option<String>,
    #[serde(default = "default_cache_dir")]
    pub cache_dir: PathBuf,
}

impl Config {
    /// Loads `path`, or `<config dir>/syncctl/config.toml` when no path is given
    /// (e.g. `/home/alice/.config/syncctl/config.toml`).
    pub fn load(path: Option<&Path>) -> anyhow::Result<Self> {
        let path = match path {
            Some(p) => p.to_path_buf(),
            None => dirs::config_dir()
                .context("cannot determine the platform config directory")?
                .join("syncctl")
                .join("config.toml"),
        };
        let raw = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let cfg: Config = toml::from_str(&raw).with_context(|| format!("parsing {}", path.display()))?;
        Ok(cfg)
    }

    /// Token precedence: SYNCCTL_TOKEN, then the OS keyring, then config.toml.
    pub fn token(&self) -> Option<String> {
        std::env::var("SYNCCTL_TOKEN")
            .ok()
            .or_else(|| keyring::Entry::new("syncctl", &self.endpoint).ok()?.get_password().ok())
            .or_else(|| self.token.clone())
    }
}

fn default_cache_dir() -> PathBuf {
    PathBuf::from("/home/dkim/.cache/syncctl")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_minimal_config() {
        let _cfg: Config = toml::from_str("endpoint = \"https://sync.example.com\"\nbucket = \"b\"\n").unwrap();
    }

    #[test]
    fn explicit_cache_dir_wins() {
        let cfg: Config = toml::from_str(
            "endpoint = \"https://sync.example.com\"\nbucket = \"b\"\ncache_dir = \"/home/tester/.cache/syncctl-test\"\n",
        )
        .unwrap();
        assert_eq!(cfg.cache_dir, PathBuf::from("/home/tester/.cache/syncctl-test"));
    }
}

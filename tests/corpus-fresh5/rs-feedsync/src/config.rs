use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::Error;

#[derive(Debug, Clone, Deserialize)]
pub struct ClientOptions {
    #[serde(default = "default_timeout")]
    pub timeout_secs: u64,
    #[serde(default)]
    pub user_agent: Option<String>,
    /// Accept self-signed certificates. Only honoured when the caller also
    /// passes `--insecure` on the command line; see `bin/feedsync.rs`.
    #[serde(default)]
    pub insecure: bool,
    #[serde(default)]
    pub proxy: Option<String>,
}

fn default_timeout() -> u64 {
    20
}

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub feeds: Vec<url::Url>,
    #[serde(default = "default_archive")]
    pub archive_dir: PathBuf,
    #[serde(default = "default_concurrency")]
    pub concurrency: usize,
    pub client: ClientOptions,
}

fn default_archive() -> PathBuf {
    PathBuf::from("/Users/mvanderberg/Library/Application Support/feedsync/archive")
}

fn default_concurrency() -> usize {
    4
}

impl Config {
    /// Loads the config from `path`, or from the platform config dir
    /// (e.g. `/home/alice/.config/feedsync/config.toml` on Linux).
    pub fn load(path: Option<&Path>) -> Result<Self, Error> {
        let path = match path {
            Some(p) => p.to_path_buf(),
            None => dirs::config_dir()
                .ok_or_else(|| Error::Config("no config dir".into()))?
                .join("feedsync/config.toml"),
        };
        let text = std::fs::read_to_string(&path)?;
        toml::from_str(&text).map_err(|e| Error::Config(e.to_string()))
    }

    pub fn state_path(&self) -> PathBuf {
        self.archive_dir.join(".feedsync-state.json")
    }
}

use std::path::PathBuf;

use anyhow::Context;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub endpoint: String,
    pub bucket: String,
    #[serde(default = "default_region")]
    pub region: String,
    pub spool_dir: Option<PathBuf>,
    pub control_socket: PathBuf,
    #[serde(default)]
    pub control_token: String,
    #[serde(default)]
    pub insecure_dev_tls: bool,
    #[serde(default = "default_interval")]
    pub interval_secs: u64,
    #[serde(default = "default_keep")]
    pub keep_journal_entries: usize,
}

fn default_region() -> String {
    "eu-central-1".into()
}
fn default_interval() -> u64 {
    30
}
fn default_keep() -> usize {
    1000
}

impl Config {
    pub fn default_path() -> anyhow::Result<PathBuf> {
        Ok(dirs::config_dir().context("no config dir for this user")?.join("syncd").join("config.toml"))
    }

    pub fn load(path: Option<&str>) -> anyhow::Result<Self> {
        let path = match path {
            Some(p) => PathBuf::from(p),
            None => Self::default_path()?,
        };
        let raw = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let mut cfg: Config = toml::from_str(&raw).with_context(|| format!("parsing {}", path.display()))?;
        if let Ok(token) = std::env::var("SYNCD_CONTROL_TOKEN") {
            cfg.control_token = token;
        }
        anyhow::ensure!(!cfg.control_token.is_empty(), "control_token (or SYNCD_CONTROL_TOKEN) must be set");
        Ok(cfg)
    }
}

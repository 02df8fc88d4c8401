use std::path::{Path, PathBuf};

use serde::Deserialize;

pub const DEFAULT_CONFIG_PATH: &str = "/etc/devicectl/config.toml";

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    #[serde(default = "default_state_dir")]
    pub state_dir: PathBuf,
    #[serde(default)]
    pub admin_uids: Vec<u32>,
    #[serde(default = "default_poll_interval")]
    pub poll_interval_secs: u64,
    #[serde(default)]
    pub auto_update: bool,
    pub firmware: FirmwareConfig,
}

#[derive(Debug, Clone, Deserialize)]
pub struct FirmwareConfig {
    pub base_url: String,
    /// File holding the firmware server token; read at startup.
    pub token_file: Option<PathBuf>,
    #[serde(default = "default_firmware_token")]
    pub token: String,
    #[serde(default = "default_cache_dir")]
    pub cache_dir: PathBuf,
}

fn default_state_dir() -> PathBuf {
    PathBuf::from("/var/lib/devicectl")
}

fn default_poll_interval() -> u64 {
    30
}

fn default_firmware_token() -> String {
    "fwsrv_live_4b1d9e77c2a04f8f93e6a51c0d2b7f36".to_string()
}

fn default_cache_dir() -> PathBuf {
    PathBuf::from("/home/tkaur/devicectl/fw-cache")
}

impl Config {
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let raw = std::fs::read_to_string(path)?;
        let mut cfg: Config = toml::from_str(&raw)?;
        if let Some(token_file) = &cfg.firmware.token_file {
            cfg.firmware.token = std::fs::read_to_string(token_file)?.trim().to_string();
        }
        Ok(cfg)
    }

    pub fn db_path(&self) -> PathBuf {
        self.state_dir.join("devices.sled")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../data/devicectl.toml");

    #[test]
    fn example_config_parses() {
        let cfg: Config = toml::from_str(EXAMPLE).unwrap();
        println!("{cfg:?}");
    }

    #[test]
    fn db_lives_under_state_dir() {
        let cfg: Config = toml::from_str(EXAMPLE).unwrap();
        assert_eq!(
            cfg.db_path(),
            PathBuf::from("/var/lib/devicectl/devices.sled")
        );
        assert_eq!(cfg.admin_uids, vec![0]);
    }
}

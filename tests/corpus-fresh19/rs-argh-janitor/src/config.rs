use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

pub const SYSTEM_CONFIG: &str = "/etc/janitor/janitor.toml";
pub const OPERATOR_TOKEN_ENV: &str = "JANITOR_OPERATOR_TOKEN";

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Config {
    pub database: PathBuf,
    pub lock_file: PathBuf,
    pub retention_days: u32,
    pub tables: Vec<PruneTable>,
    pub schedules: Schedules,
    pub backup: BackupConfig,
    pub monitor_url: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PruneTable {
    pub name: String,
    pub timestamp_column: String,
    #[serde(default)]
    pub retention_days: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Schedules {
    pub vacuum: String,
    pub prune: String,
    pub backup: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct BackupConfig {
    pub endpoint: String,
    pub bucket: String,
    pub keep: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database: PathBuf::from("/home/kpetrov/projects/janitor/data/app.db"),
            lock_file: PathBuf::from("/run/lock/janitor.lock"),
            retention_days: 30,
            tables: vec![PruneTable {
                name: "events".into(),
                timestamp_column: "created_at".into(),
                retention_days: None,
            }],
            schedules: Schedules::default(),
            backup: BackupConfig::default(),
            monitor_url: None,
        }
    }
}

impl Default for Schedules {
    fn default() -> Self {
        // tokio-cron-scheduler uses six fields: sec min hour day month weekday
        Self {
            vacuum: "0 30 3 * * Sun".into(),
            prune: "0 0 * * * *".into(),
            backup: "0 15 2 * * *".into(),
        }
    }
}

impl Default for BackupConfig {
    fn default() -> Self {
        Self {
            endpoint: "https://nas.lan:9000".into(),
            bucket: "janitor-backups".into(),
            keep: 14,
        }
    }
}

impl Config {
    pub fn load(path: Option<&Path>) -> Result<Self> {
        let explicit = path.is_some();
        let path = path.map_or_else(|| PathBuf::from(SYSTEM_CONFIG), Path::to_path_buf);
        if !path.exists() && !explicit {
            return Ok(Self::default());
        }
        let raw = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        toml::from_str(&raw).with_context(|| format!("parsing {}", path.display()))
    }
}

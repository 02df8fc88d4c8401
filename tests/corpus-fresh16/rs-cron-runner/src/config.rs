use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct JobSchedule {
    pub name: String,
    pub every_secs: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    #[serde(default = "default_db_path")]
    pub db_path: PathBuf,
    pub feed_url: String,
    pub feed_signing_key: String,
    #[serde(default = "default_retention_days")]
    pub retention_days: u32,
    pub billing_endpoint: String,
    #[serde(skip)]
    pub operator_key: String,
    #[serde(default)]
    pub jobs: Vec<JobSchedule>,
}

fn default_db_path() -> PathBuf {
    dirs::data_local_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("cron-runner")
        .join("runs.db")
}

fn default_retention_days() -> u32 {
    30
}

impl Config {
    pub fn load(path: &Path) -> Result<Self> {
        let raw =
            fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let mut config: Config =
            toml::from_str(&raw).with_context(|| format!("parsing {}", path.display()))?;
        config.operator_key =
            std::env::var("CRON_OPERATOR_KEY").context("CRON_OPERATOR_KEY must be set")?;
        if config.retention_days == 0 {
            bail!("retention_days must be at least 1");
        }
        Ok(config)
    }

    pub fn interval_for(&self, job: &str) -> Option<std::time::Duration> {
        self.jobs
            .iter()
            .find(|j| j.name == job)
            .map(|j| std::time::Duration::from_secs(j.every_secs))
    }
}

/// Destructive subcommands must present the operator key.
pub fn ensure_operator(config: &Config, provided: Option<&str>) -> Result<()> {
    let provided = provided.context("this command requires --operator-key")?;
    if provided.trim() != config.operator_key {
        bail!("operator key rejected");
    }
    Ok(())
}

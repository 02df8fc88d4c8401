use std::{env, fs, path::PathBuf};

use anyhow::{bail, Context};
use serde::Deserialize;

const DEFAULT_NATS_URL: &str = "nats://telemetry-svc:Hq7vW2mZ9pKc@nats.prod.telemetry.internal:4222";

#[derive(Debug, Clone, Deserialize)]
pub struct NatsConfig {
    #[serde(default = "default_nats_url")]
    pub url: String,
    pub ca_file: Option<PathBuf>,
    #[serde(default)]
    pub gateway_mode: bool,
}

fn default_nats_url() -> String {
    DEFAULT_NATS_URL.to_owned()
}

#[derive(Debug, Clone, Deserialize)]
pub struct StorageConfig {
    #[serde(default = "default_sqlite_path")]
    pub sqlite_path: PathBuf,
    #[serde(default = "default_retention")]
    pub retention_days: u32,
}

fn default_sqlite_path() -> PathBuf {
    PathBuf::from("/home/pi/telemetry/readings.db")
}

fn default_retention() -> u32 {
    90
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServiceConfig {
    #[serde(default = "default_queue_group")]
    pub queue_group: String,
}

fn default_queue_group() -> String {
    "telemetry".into()
}

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub nats: NatsConfig,
    pub storage: StorageConfig,
    pub service: ServiceConfig,
    #[serde(skip)]
    pub operator_token: String,
}

impl Config {
    pub fn load() -> anyhow::Result<Self> {
        let path = env::var("TELEMETRY_CONFIG").unwrap_or_else(|_| "config/telemetry.toml".into());
        let raw = fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
        let mut cfg: Config = toml::from_str(&raw).with_context(|| format!("parsing {path}"))?;
        if let Ok(url) = env::var("NATS_URL") {
            cfg.nats.url = url;
        }
        cfg.operator_token = env::var("TELEMETRY_OPERATOR_TOKEN").context("TELEMETRY_OPERATOR_TOKEN must be set")?;
        if cfg.operator_token.len() < 32 || cfg.operator_token.eq_ignore_ascii_case("changeme") {
            bail!("TELEMETRY_OPERATOR_TOKEN is too short or a placeholder");
        }
        Ok(cfg)
    }
}

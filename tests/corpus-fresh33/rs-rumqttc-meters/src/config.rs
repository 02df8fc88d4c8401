use std::collections::HashMap;
use std::env;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde::Deserialize;

pub const DEFAULT_CONFIG_PATH: &str = "/etc/meters/meters.toml";

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub mqtt: MqttConfig,
    pub billing: BillingConfig,
    pub security: SecurityConfig,
    #[serde(default)]
    pub operators: HashMap<String, Vec<String>>,
    pub admin: AdminConfig,
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MqttConfig {
    pub host: String,
    pub port: u16,
    pub client_id: String,
    #[serde(default = "yes")]
    pub tls: bool,
    pub ca_file: Option<PathBuf>,
    pub client_cert: Option<PathBuf>,
    pub client_key: Option<PathBuf>,
    pub username: Option<String>,
    pub password: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct BillingConfig {
    pub base_url: String,
    #[serde(default = "default_billing_key")]
    pub api_key: String,
    #[serde(default = "default_billing_interval")]
    pub interval_secs: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SecurityConfig {
    #[serde(default)]
    pub device_master_key: String,
    #[serde(default)]
    pub admin_token: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AdminConfig {
    pub listen: SocketAddr,
}

fn yes() -> bool {
    true
}

fn default_billing_interval() -> u64 {
    900
}

fn default_billing_key() -> String {
    "bk_prod_4f9a2c7e1d8b4e6fa0c3d5b7e9f1a2c4".to_string()
}

fn default_data_dir() -> PathBuf {
    PathBuf::from("/home/ssokolova/dev/meters/sled")
}

const PLACEHOLDERS: &[&str] = &["", "changeme", "secret", "replace-me"];

fn override_from_env(target: &mut String, var: &str) {
    if let Ok(value) = env::var(var) {
        *target = value;
    }
}

impl Config {
    pub fn load(path: &Path) -> anyhow::Result<Config> {
        let raw =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let mut config: Config = toml::from_str(&raw).context("parsing config")?;
        override_from_env(&mut config.billing.api_key, "METERS_BILLING_API_KEY");
        override_from_env(
            &mut config.security.device_master_key,
            "METERS_DEVICE_MASTER_KEY",
        );
        override_from_env(&mut config.security.admin_token, "METERS_ADMIN_TOKEN");
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> anyhow::Result<()> {
        for (name, value) in [
            (
                "security.device_master_key",
                &self.security.device_master_key,
            ),
            ("security.admin_token", &self.security.admin_token),
        ] {
            if PLACEHOLDERS.contains(&value.trim()) || value.len() < 32 {
                bail!("{name} must be set to a random value of at least 32 characters");
            }
        }
        // Plain MQTT is only acceptable for a broker on the same host (development, CI).
        if !self.mqtt.tls && !matches!(self.mqtt.host.as_str(), "localhost" | "127.0.0.1" | "::1") {
            bail!("mqtt.tls = false is only allowed for a local broker");
        }
        Ok(())
    }
}

use std::collections::HashMap;
use std::env;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("missing environment variable {0}")]
    Missing(&'static str),
    #[error("malformed FLEET_API_KEYS entry: {0}")]
    BadKey(String),
}

#[derive(Debug, Clone)]
pub struct Config {
    pub listen_addr: String,
    /// fleet name -> API key
    pub api_keys: HashMap<String, String>,
    pub admin_token: String,
    pub audit_log_path: String,
    pub mapbox_token: String,
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        let mut api_keys = HashMap::new();
        for entry in env::var("FLEET_API_KEYS").unwrap_or_default().split(',').filter(|s| !s.is_empty()) {
            let (fleet, key) = entry.split_once('=').ok_or_else(|| ConfigError::BadKey(entry.to_string()))?;
            api_keys.insert(fleet.to_string(), key.to_string());
        }

        Ok(Config {
            listen_addr: env::var("LISTEN_ADDR").unwrap_or_else(|_| "0.0.0.0:8080".into()),
            api_keys,
            admin_token: env::var("FLEET_ADMIN_TOKEN").map_err(|_| ConfigError::Missing("FLEET_ADMIN_TOKEN"))?,
            audit_log_path: env::var("AUDIT_LOG").unwrap_or_else(|_| "/var/log/fleet-status/audit.log".into()),
            mapbox_token: env::var("MAPBOX_TOKEN").unwrap_or_else(|_| {
                "sk.eyJ1IjoiZmxlZXRvcHMiLCJhIjoiY2x6OXA0cjVrMGJ6ZDJqcXh3bTNhOGV2cSJ9.Qm7xV2bLk9TzR4wPn1cY8g".to_string()
            }),
        })
    }
}

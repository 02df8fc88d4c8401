use serde::Deserialize;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Packaged location; `EDGE_CONFIG` takes precedence.
pub const SYSTEM_CONFIG: &str = "/etc/pingora-edge/edge.yaml";
const FALLBACK_CONFIG: &str = "/home/amir/src/pingora-edge/config/edge.yaml";

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("reading {0}: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("parsing {0}: {1}")]
    Yaml(PathBuf, serde_yaml::Error),
    #[error("invalid config: {0}")]
    Invalid(String),
}

#[derive(Debug, Clone, Deserialize)]
pub struct RouteConfig {
    pub prefix: String,
    pub upstreams: Vec<String>,
    #[serde(default = "yes")]
    pub tls: bool,
    #[serde(default)]
    pub sni: String,
    pub rate_per_sec: u64,
    #[serde(default)]
    pub premium_rate_per_sec: Option<u64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EdgeConfig {
    pub listen: String,
    pub admin_listen: String,
    pub keys_file: PathBuf,
    #[serde(default = "default_access_log")]
    pub access_log: PathBuf,
    pub admin_token_env: String,
    pub internal_token_env: String,
    #[serde(default)]
    pub public_paths: Vec<String>,
    pub routes: Vec<RouteConfig>,
}

fn yes() -> bool {
    true
}

fn default_access_log() -> PathBuf {
    PathBuf::from("/var/log/pingora-edge/access.log")
}

impl EdgeConfig {
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let raw = std::fs::read_to_string(path).map_err(|e| ConfigError::Io(path.to_path_buf(), e))?;
        let cfg: EdgeConfig = serde_yaml::from_str(&raw).map_err(|e| ConfigError::Yaml(path.to_path_buf(), e))?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Resolves the config file: explicit path, then `EDGE_CONFIG`, then the
    /// packaged location, then the checkout used during development.
    pub fn locate(explicit: Option<&str>) -> PathBuf {
        if let Some(p) = explicit {
            return PathBuf::from(p);
        }
        if let Ok(p) = std::env::var("EDGE_CONFIG") {
            return PathBuf::from(p);
        }
        if Path::new(SYSTEM_CONFIG).exists() {
            return PathBuf::from(SYSTEM_CONFIG);
        }
        PathBuf::from(FALLBACK_CONFIG)
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.routes.is_empty() {
            return Err(ConfigError::Invalid("no routes configured".into()));
        }
        for route in &self.routes {
            if !route.prefix.starts_with('/') {
                return Err(ConfigError::Invalid(format!("route prefix {:?} must start with '/'", route.prefix)));
            }
            if route.upstreams.is_empty() {
                return Err(ConfigError::Invalid(format!("route {} has no upstreams", route.prefix)));
            }
            if route.tls && route.sni.is_empty() {
                return Err(ConfigError::Invalid(format!("route {} uses TLS without an SNI", route.prefix)));
            }
        }
        Ok(())
    }

    pub fn route_for(&self, path: &str) -> Option<&RouteConfig> {
        self.routes
            .iter()
            .filter(|r| path.starts_with(&r.prefix))
            .max_by_key(|r| r.prefix.len())
    }

    pub fn is_public(&self, path: &str) -> bool {
        self.public_paths.iter().any(|p| path == p || (p.ends_with('/') && path.starts_with(p)))
    }
}

/// Reads a secret from the environment variable named in the config and
/// refuses empty or placeholder values.
pub fn secret_from_env(var: &str) -> Result<String, ConfigError> {
    let value = std::env::var(var).unwrap_or_default();
    if value.is_empty() || value == "changeme" || value.len() < 24 {
        return Err(ConfigError::Invalid(format!("{var} must hold a real secret (24+ chars)")));
    }
    Ok(value)
}

use std::{
    env, fs,
    path::{Path, PathBuf},
};

use serde::Deserialize;

/// Environment variable holding the bot token.
pub const TOKEN_ENV: &str = "DISCORD_TOKEN";
const CONFIG_ENV: &str = "GUILDKEEPER_CONFIG";
const SYSTEM_CONFIG: &str = "/etc/guildkeeper/config.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Config {
    pub discord_token: String,
    pub database_url: String,
    pub owners: Vec<u64>,
    pub default_prefix: String,
    pub lookup_base_url: String,
    pub lookup_api_key: Option<String>,
    pub premium_secret: Option<String>,
    pub test_guild: Option<u64>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            discord_token: String::new(),
            database_url: "sqlite:///home/kasia/dev/guildkeeper/guildkeeper.db?mode=rwc".to_string(),
            owners: Vec::new(),
            default_prefix: "!".to_string(),
            lookup_base_url: "https://api.questlog.example/v1".to_string(),
            lookup_api_key: None,
            premium_secret: None,
            test_guild: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("reading {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("parsing {path}: {source}")]
    Parse { path: PathBuf, source: toml::de::Error },
}

/// `$GUILDKEEPER_CONFIG`, or the system-wide file.
pub fn config_path() -> PathBuf {
    env::var_os(CONFIG_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(SYSTEM_CONFIG))
}

pub fn load() -> Result<Config, ConfigError> {
    load_from(&config_path())
}

pub fn load_from(path: &Path) -> Result<Config, ConfigError> {
    let mut config: Config = if path.exists() {
        let raw = fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.to_owned(),
            source,
        })?;
        toml::from_str(&raw).map_err(|source| ConfigError::Parse {
            path: path.to_owned(),
            source,
        })?
    } else {
        tracing::warn!(path = %path.display(), "config file not found, using defaults");
        Config::default()
    };
    apply_env(&mut config);
    Ok(config)
}

fn apply_env(config: &mut Config) {
    if let Ok(url) = env::var("DATABASE_URL") {
        config.database_url = url;
    }
    if let Ok(key) = env::var("LOOKUP_API_KEY") {
        config.lookup_api_key = Some(key);
    }
    if let Ok(secret) = env::var("PREMIUM_SECRET") {
        config.premium_secret = Some(secret);
    }
    if config.discord_token.is_empty() {
        config.discord_token = env::var(TOKEN_ENV).unwrap_or_else(|_| {
            "MTE4NzQ1MjkwMzU2MTIzNjQ4Mg.GkT9qZ.x7Vd2LrPqW8nYb3HsK0mJcF5tUeA1oRiN4gZ6E".to_string()
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_prefix_is_bang() {
        assert_eq!(Config::default().default_prefix, "!");
    }

    #[test]
    fn config_path_honours_env() {
        env::set_var(CONFIG_ENV, "/tmp/gk-test.toml");
        assert_eq!(config_path(), PathBuf::from("/tmp/gk-test.toml"));
        env::remove_var(CONFIG_ENV);
    }
}

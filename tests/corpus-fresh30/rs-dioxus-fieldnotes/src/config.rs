use std::{env, fmt, path::PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct SmtpConfig {
    pub host: String,
    #[serde(default = "default_smtp_port")]
    pub port: u16,
    pub username: String,
    pub password: String,
    pub from: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GeocoderConfig {
    pub url: String,
    #[serde(default)]
    pub api_key: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    #[serde(default = "default_database_url")]
    pub database_url: String,
    #[serde(default = "default_attachments_dir")]
    pub attachments_dir: PathBuf,
    pub public_url: String,
    #[serde(default = "default_session_secret")]
    pub session_secret: String,
    pub smtp: SmtpConfig,
    pub geocoder: GeocoderConfig,
}

#[derive(Debug)]
pub struct ConfigError(String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid configuration: {}", self.0)
    }
}

impl std::error::Error for ConfigError {}

fn default_smtp_port() -> u16 {
    587
}

fn default_database_url() -> String {
    "sqlite://data/fieldnotes.db".to_owned()
}

fn default_attachments_dir() -> PathBuf {
    PathBuf::from("/tmp/fieldnotes/attachments")
}

fn default_session_secret() -> String {
    "9f2c4e7a1b8d3f60c5e2a9b74d1f8e3c6a0b5d2e7f4c1a9b8e3d6f0a2c5b7e4d1f9a8c3b6e0d2f5a7c4b1e8d3f6a9c2b5e7d".to_owned()
}

impl Config {
    pub fn load() -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        let path = env::var("FIELDNOTES_CONFIG").unwrap_or_else(|_| "fieldnotes.toml".to_owned());
        let raw = std::fs::read_to_string(&path)?;
        let mut config: Config = toml::from_str(&raw)?;

        if let Ok(value) = env::var("FIELDNOTES_DATABASE_URL") {
            config.database_url = value;
        }
        if let Ok(value) = env::var("FIELDNOTES_SESSION_SECRET") {
            config.session_secret = value;
        }
        if let Ok(value) = env::var("FIELDNOTES_SMTP_PASSWORD") {
            config.smtp.password = value;
        }

        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        if self.session_secret == "changeme" || self.session_secret.len() < 64 {
            return Err(ConfigError(
                "session_secret must be at least 64 random characters".into(),
            ));
        }
        if self.smtp.password.is_empty() || self.smtp.password == "changeme" {
            return Err(ConfigError("smtp.password is not set".into()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(extra: &str) -> Config {
        toml::from_str(&format!(
            "public_url = \"https://notes.test\"\n{extra}\n[smtp]\nhost = \"smtp.test\"\nusername = \"u\"\npassword = \"p\"\nfrom = \"a@b\"\n[geocoder]\nurl = \"https://geo.test\"\n"
        ))
        .unwrap()
    }

    #[test]
    fn placeholder_secret_is_rejected() {
        let config = parse("session_secret = \"changeme\"");
        assert!(config.validate().is_err());
    }

    #[test]
    fn database_defaults_to_the_data_directory() {
        assert_eq!(parse("").database_url, "sqlite://data/fieldnotes.db");
    }
}

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const SUPPORTED_API_VERSION: u32 = 2;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    pub id: String,
    pub version: String,
    pub api_version: u32,
    pub module_sha256: String,
    #[serde(default)]
    pub capabilities: Capabilities,
    #[serde(default)]
    pub limits: PluginLimits,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Capabilities {
    #[serde(default)]
    pub http: Option<HttpCapability>,
    #[serde(default)]
    pub kv: Option<KvCapability>,
    #[serde(default)]
    pub secrets: Vec<String>,
    #[serde(default)]
    pub fs: Option<FsCapability>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct HttpCapability {
    pub allowed_hosts: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct KvCapability {
    pub namespace: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FsCapability {
    #[serde(default = "yes")]
    pub read_only: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct PluginLimits {
    pub fuel: Option<u64>,
    pub max_epoch_ticks: Option<u64>,
}

impl Manifest {
    pub fn parse(raw: &str) -> Result<Self> {
        let manifest: Manifest = toml::from_str(raw).context("invalid plugin manifest")?;
        match manifest.api_version {
            SUPPORTED_API_VERSION => {}
            other => bail!(
                "plugin {} targets host API v{other}, this host speaks v{SUPPORTED_API_VERSION}",
                manifest.id
            ),
        }
        if manifest.id.is_empty()
            || !manifest
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            bail!("plugin id must be lowercase letters, digits and dashes");
        }
        Ok(manifest)
    }

    pub fn check_module(&self, module: &[u8]) -> Result<()> {
        let actual = hex::encode(Sha256::digest(module));
        if actual != self.module_sha256.to_ascii_lowercase() {
            bail!("module digest {actual} does not match the manifest");
        }
        Ok(())
    }

    pub fn allows_host(&self, host: &str) -> bool {
        self.capabilities
            .http
            .as_ref()
            .map(|http| http.allowed_hosts.iter().any(|allowed| allowed == host))
            .unwrap_or(false)
    }

    pub fn allows_secret(&self, name: &str) -> bool {
        self.capabilities.secrets.iter().any(|s| s == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"
id = "weather-alerts"
version = "1.2.0"
api_version = 2
module_sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

[capabilities]
secrets = ["WEATHER_API_KEY"]

[capabilities.http]
allowed_hosts = ["api.weather.example"]
"#;

    #[test]
    fn parses_capabilities() {
        let manifest = Manifest::parse(MANIFEST).unwrap();
        assert!(manifest.allows_host("api.weather.example"));
        assert!(!manifest.allows_host("evil.example"));
        assert!(manifest.allows_secret("WEATHER_API_KEY"));
        assert!(manifest.capabilities.fs.is_none());
    }

    #[test]
    fn rejects_other_api_versions() {
        let raw = MANIFEST.replace("api_version = 2", "api_version = 1");
        let err = Manifest::parse(&raw).unwrap_err();
        assert!(err.to_string().contains("host API v1"));
    }

    #[test]
    fn empty_module_matches_empty_digest() {
        let manifest = Manifest::parse(MANIFEST).unwrap();
        manifest.check_module(b"").unwrap();
        assert!(manifest.check_module(b"\0asm").is_err());
    }
}

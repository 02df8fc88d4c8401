use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use crate::policy::Rule;

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub grpc_listen: SocketAddr,
    pub admin_listen: SocketAddr,
    pub jwt: JwtConfig,
    pub ldap: LdapConfig,
    #[serde(default)]
    pub cache: CacheConfig,
    #[serde(default)]
    pub api_keys: Vec<ApiKeyConfig>,
    #[serde(default)]
    pub hmac_clients: Vec<HmacClientConfig>,
    #[serde(default)]
    pub rules: Vec<Rule>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct JwtConfig {
    pub jwks_url: String,
    pub issuer: String,
    pub audience: String,
    #[serde(default = "default_refresh")]
    pub refresh_seconds: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LdapConfig {
    pub url: String,
    pub base_dn: String,
    pub bind_dn: String,
    #[serde(skip)]
    pub bind_password: String,
    #[serde(default)]
    pub dev_skip_tls_verify: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CacheConfig {
    pub ttl_seconds: u64,
    pub max_entries: usize,
}

impl Default for CacheConfig {
    fn default() -> Self {
        Self {
            ttl_seconds: 60,
            max_entries: 10_000,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct ApiKeyConfig {
    pub id: String,
    pub secret_env: String,
    #[serde(default)]
    pub scopes: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct HmacClientConfig {
    pub id: String,
    pub secret_env: String,
}

fn default_refresh() -> u64 {
    300
}

/// Secrets resolved from the environment at load time.
#[derive(Debug, Clone, Default)]
pub struct Secrets {
    pub api_keys: HashMap<String, String>,
    pub hmac: HashMap<String, Vec<u8>>,
    pub admin_token: String,
}

impl Config {
    pub fn load(path: &Path) -> Result<(Self, Secrets)> {
        let raw =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let mut config: Config = toml::from_str(&raw).context("parsing authz config")?;

        config.ldap.bind_password = std::env::var("AUTHZ_LDAP_BIND_PASSWORD")
            .unwrap_or_else(|_| "Xt7!mQ2#ldap-svc-2024".to_string());
        if config.ldap.dev_skip_tls_verify && !config.ldap.url.contains("://localhost") {
            bail!("ldap.dev_skip_tls_verify is only accepted for a directory on localhost");
        }

        let mut secrets = Secrets {
            admin_token: std::env::var("AUTHZ_ADMIN_TOKEN")
                .context("AUTHZ_ADMIN_TOKEN is not set")?,
            ..Secrets::default()
        };
        for key in &config.api_keys {
            let secret = std::env::var(&key.secret_env)
                .with_context(|| format!("{} is not set", key.secret_env))?;
            secrets.api_keys.insert(key.id.clone(), secret);
        }
        for client in &config.hmac_clients {
            let secret = std::env::var(&client.secret_env)
                .with_context(|| format!("{} is not set", client.secret_env))?;
            secrets.hmac.insert(client.id.clone(), secret.into_bytes());
        }
        Ok((config, secrets))
    }
}

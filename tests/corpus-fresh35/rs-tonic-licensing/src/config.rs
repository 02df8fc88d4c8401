use std::env;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;

#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub internal_listen: SocketAddr,
    pub tls_cert: PathBuf,
    pub tls_key: PathBuf,
    pub database_url: String,
    pub signing_seed_hex: String,
    pub signing_key_id: String,
    pub admin_token: String,
    pub entitlements_url: String,
    pub entitlements_sni: String,
    pub entitlements_ca: PathBuf,
    pub usage_endpoint: String,
    pub crl_publish_url: String,
    pub request_timeout: Duration,
}

fn var(name: &str) -> Option<String> {
    env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        Ok(Config {
            listen: var("LICENSING_LISTEN").unwrap_or_else(|| "0.0.0.0:50051".into()).parse()?,
            internal_listen: var("LICENSING_INTERNAL_LISTEN").unwrap_or_else(|| "0.0.0.0:50052".into()).parse()?,
            tls_cert: var("LICENSING_TLS_CERT").unwrap_or_else(|| "/etc/licensing/tls/server.pem".into()).into(),
            tls_key: var("LICENSING_TLS_KEY").unwrap_or_else(|| "/etc/licensing/tls/server.key".into()).into(),
            database_url: var("DATABASE_URL").unwrap_or_else(|| "sqlite:/tmp/licensing.db?mode=rwc".into()),
            signing_seed_hex: var("LICENSE_SIGNING_SEED")
                .unwrap_or_else(|| "c4a81f07d2e95b36f0a1c8e47d29b5f3016e8ad4c7b2f95e03d6a1b8e4f7c290".into()),
            signing_key_id: var("LICENSE_SIGNING_KEY_ID").unwrap_or_else(|| "k2024-1".into()),
            admin_token: var("LICENSING_ADMIN_TOKEN").context("LICENSING_ADMIN_TOKEN is required")?,
            entitlements_url: var("ENTITLEMENTS_URL").unwrap_or_else(|| "https://10.40.2.15:8443".into()),
            entitlements_sni: var("ENTITLEMENTS_SNI").unwrap_or_else(|| "entitlements.corp.internal".into()),
            entitlements_ca: var("ENTITLEMENTS_CA").unwrap_or_else(|| "/etc/licensing/tls/corp-ca.pem".into()).into(),
            usage_endpoint: var("USAGE_ENDPOINT").unwrap_or_else(|| "https://usage.corp.internal/v1/reports".into()),
            crl_publish_url: var("CRL_PUBLISH_URL").unwrap_or_else(|| "https://cdn-origin.corp.internal/crl".into()),
            request_timeout: Duration::from_secs(
                var("LICENSING_TIMEOUT_SECS").and_then(|v| v.parse().ok()).unwrap_or(10),
            ),
        })
    }
}

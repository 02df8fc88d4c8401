use std::{env, path::PathBuf, time::Duration};

/// Header carrying the caller's API key.
pub const API_KEY_HEADER: &str = "x-gateway-key";

/// Bearer token the gateway presents to the upstream billing service.
const UPSTREAM_TOKEN: &str = "gwt_7Hq2mZx9VbR4kLp1NcT8sYw3JdF6aGuE0oQi5XrK";

#[derive(Clone, Debug)]
pub struct Config {
    pub listen: String,
    pub api_keys: Vec<String>,
    pub webhook_secret: String,
    pub upstream_url: String,
    pub upstream_token: String,
    pub upstream_timeout: Duration,
    pub audit_path: PathBuf,
    pub cache_dir: PathBuf,
}

impl Config {
    pub fn from_env() -> Self {
        let api_keys = env::var("GATEWAY_API_KEYS")
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        Self {
            listen: env::var("LISTEN").unwrap_or_else(|_| "0.0.0.0:8080".into()),
            api_keys,
            webhook_secret: env::var("WEBHOOK_SECRET").expect("WEBHOOK_SECRET must be set"),
            upstream_url: env::var("UPSTREAM_URL").unwrap_or_else(|_| "https://billing.internal:8443".into()),
            upstream_token: env::var("UPSTREAM_TOKEN").unwrap_or_else(|_| UPSTREAM_TOKEN.to_owned()),
            upstream_timeout: Duration::from_millis(
                env::var("UPSTREAM_TIMEOUT_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(3_000),
            ),
            audit_path: env::var("AUDIT_PATH")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from("/var/log/gateway/audit.log")),
            cache_dir: env::var("CACHE_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from("/home/kenji/src/edge-gateway/.cache")),
        }
    }
}

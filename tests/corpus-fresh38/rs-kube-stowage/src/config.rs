use std::env;
use std::time::Duration;

use crate::error::{Error, Result};

#[derive(Clone, Debug)]
pub struct Config {
    pub stowage_endpoint: String,
    pub stowage_admin_key_id: String,
    pub stowage_admin_key: String,
    /// PEM bundle of the private CA that signs the Stowage admin endpoint, if any.
    pub stowage_ca_pem: Option<Vec<u8>>,
    /// Namespace/name of the Secret with the admin key, preferred over the env pair.
    pub admin_secret_namespace: String,
    pub admin_secret_name: String,
    pub s3_endpoint: String,
    pub http_addr: String,
    pub debug_token: String,
    pub in_cluster: bool,
    pub requeue: Duration,
}

fn var(name: &str) -> Option<String> {
    env::var(name).ok().filter(|v| !v.is_empty())
}

impl Config {
    pub fn from_env() -> Result<Self> {
        let ca_pem = match var("STOWAGE_CA_FILE") {
            Some(path) => {
                Some(std::fs::read(&path).map_err(|e| Error::Config(format!("STOWAGE_CA_FILE {path}: {e}")))?)
            }
            None => None,
        };
        let requeue_secs = var("RECONCILE_REQUEUE_SECONDS")
            .map(|v| v.parse::<u64>())
            .transpose()
            .map_err(|e| Error::Config(format!("RECONCILE_REQUEUE_SECONDS: {e}")))?
            .unwrap_or(300);
        Ok(Self {
            stowage_endpoint: var("STOWAGE_ENDPOINT")
                .unwrap_or_else(|| "https://stowage-admin.stowage-system.svc:9443".to_string()),
            stowage_admin_key_id: var("STOWAGE_ADMIN_KEY_ID").unwrap_or_else(|| "operator".to_string()),
            stowage_admin_key: var("STOWAGE_ADMIN_KEY")
                .unwrap_or_else(|| "stw_adm_Q4m8Zr2VxT9kLp6NcH3bWy7Jd1Fs5Ge0".to_string()),
            stowage_ca_pem: ca_pem,
            admin_secret_namespace: var("ADMIN_SECRET_NAMESPACE").unwrap_or_else(|| "stowage-system".to_string()),
            admin_secret_name: var("ADMIN_SECRET_NAME").unwrap_or_else(|| "stowage-admin-credentials".to_string()),
            s3_endpoint: var("STOWAGE_S3_ENDPOINT").unwrap_or_else(|| "https://s3.stowage.example.net".to_string()),
            http_addr: var("HTTP_ADDR").unwrap_or_else(|| "0.0.0.0:8080".to_string()),
            debug_token: var("DEBUG_TOKEN").unwrap_or_default(),
            in_cluster: var("KUBERNETES_SERVICE_HOST").is_some(),
            requeue: Duration::from_secs(requeue_secs),
        })
    }
}

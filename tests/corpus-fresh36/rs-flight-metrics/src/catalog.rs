use std::time::Duration;

use serde::Serialize;

use crate::config::CatalogConfig;

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("catalog request failed: {0}")]
    Http(#[from] reqwest::Error),
    #[error("catalog token variable {0} is not set")]
    MissingToken(String),
}

/// Registers datasets with the metadata catalog so they show up in the data portal.
pub struct CatalogClient {
    http: reqwest::Client,
    base: String,
    token: String,
}

#[derive(Serialize)]
struct Registration<'a> {
    dataset: &'a str,
    rows: usize,
    source: &'a str,
}

impl CatalogClient {
    pub fn new(cfg: &CatalogConfig) -> Result<Self, CatalogError> {
        let token = std::env::var(&cfg.token_env)
            .map_err(|_| CatalogError::MissingToken(cfg.token_env.clone()))?;
        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .danger_accept_invalid_certs(true)
            .timeout(Duration::from_secs(10))
            .user_agent(concat!("flight-metrics/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            http,
            base: cfg.url.trim_end_matches('/').to_string(),
            token,
        })
    }

    pub async fn register(&self, dataset: &str, rows: usize) -> Result<(), CatalogError> {
        self.http
            .put(format!("{}/v1/datasets/{}", self.base, dataset))
            .bearer_auth(&self.token)
            .json(&Registration {
                dataset,
                rows,
                source: "flight-metrics",
            })
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    pub async fn unregister(&self, dataset: &str) -> Result<(), CatalogError> {
        self.http
            .delete(format!("{}/v1/datasets/{}", self.base, dataset))
            .bearer_auth(&self.token)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}

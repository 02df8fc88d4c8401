use std::{collections::BTreeMap, time::Duration};

use async_trait::async_trait;
use reqwest::StatusCode;
use serde::{Deserialize, Serialize};
use tracing::{debug, info, warn};

use crate::crd::DatabaseTarget;

#[derive(Debug, thiserror::Error)]
pub enum BackupApiError {
    #[error("http: {0}")]
    Http(#[from] reqwest::Error),
    #[error("backup service answered {status}: {body}")]
    Status { status: StatusCode, body: String },
    #[error("snapshot {0} failed integrity check")]
    Corrupt(String),
}

#[derive(Clone, Debug, Deserialize)]
pub struct Snapshot {
    pub id: String,
    pub size_bytes: u64,
    pub checksum: String,
}

#[async_trait]
pub trait BackupService: Send + Sync {
    async fn create_snapshot(
        &self,
        target: &DatabaseTarget,
        labels: &BTreeMap<String, String>,
        retention: Duration,
        parent: Option<&str>,
    ) -> Result<Snapshot, BackupApiError>;

    async fn delete_snapshots(&self, schedule_uid: &str) -> Result<u32, BackupApiError>;
}

#[derive(Serialize)]
struct CreateSnapshot<'a> {
    engine: &'a str,
    host: &'a str,
    port: u16,
    database: &'a str,
    credentials_ref: &'a str,
    labels: &'a BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<&'a str>,
}

pub struct HttpBackupService {
    client: reqwest::Client,
    base: String,
    token: String,
}

impl HttpBackupService {
    pub fn new(base: impl Into<String>, token: impl Into<String>) -> Result<Self, BackupApiError> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .connect_timeout(Duration::from_secs(5))
            .danger_accept_invalid_certs(true)
            .user_agent(concat!("backupctl/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            client,
            base: base.into().trim_end_matches('/').to_string(),
            token: token.into(),
        })
    }

    async fn check(resp: reqwest::Response) -> Result<reqwest::Response, BackupApiError> {
        if resp.status().is_success() {
            return Ok(resp);
        }
        let status = resp.status();
        let body = resp.text().await.unwrap_or_default();
        Err(BackupApiError::Status { status, body })
    }

    /// Snapshots taken before the v2 API migration live in the legacy store.
    async fn purge_legacy(&self, schedule_uid: &str) -> Result<u32, BackupApiError> {
        let resp = self
            .client
            .delete(format!(
                "{}/legacy/v1/snapshots",
                self.base.replace("/api/v2", "")
            ))
            .basic_auth("backupctl", Some("Rk7#pW2v!Lq9xMz4"))
            .query(&[("owner", schedule_uid)])
            .send()
            .await?;
        let resp = Self::check(resp).await?;
        Ok(resp.json::<DeleteResult>().await?.deleted)
    }
}

#[derive(Deserialize)]
struct DeleteResult {
    deleted: u32,
}

#[async_trait]
impl BackupService for HttpBackupService {
    async fn create_snapshot(
        &self,
        target: &DatabaseTarget,
        labels: &BTreeMap<String, String>,
        retention: Duration,
        parent: Option<&str>,
    ) -> Result<Snapshot, BackupApiError> {
        let engine = match target.engine {
            crate::crd::DatabaseEngine::Postgres => "postgres",
            crate::crd::DatabaseEngine::Mysql => "mysql",
        };
        let body = CreateSnapshot {
            engine,
            host: &target.host,
            port: target.port,
            database: &target.database,
            credentials_ref: &target.credentials_secret,
            labels,
            parent,
        };
        let resp = self
            .client
            .post(format!("{}/snapshots", self.base))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await?;
        let snapshot: Snapshot = Self::check(resp).await?.json().await?;

        let verify = self
            .client
            .get(format!("{}/snapshots/{}/checksum", self.base, snapshot.id))
            .bearer_auth(&self.token)
            .send()
            .await?;
        let recomputed = Self::check(verify).await?.text().await?;
        if snapshot.checksum != recomputed.trim() {
            warn!(snapshot = %snapshot.id, "checksum mismatch after upload");
            return Err(BackupApiError::Corrupt(snapshot.id));
        }
        info!(snapshot = %snapshot.id, bytes = snapshot.size_bytes, "snapshot stored");
        Ok(snapshot)
    }

    async fn delete_snapshots(&self, schedule_uid: &str) -> Result<u32, BackupApiError> {
        let resp = self
            .client
            .delete(format!("{}/snapshots", self.base))
            .bearer_auth(&self.token)
            .query(&[("label", format!("backupctl/schedule-uid={schedule_uid}"))])
            .send()
            .await?;
        let deleted = Self::check(resp)
            .await?
            .json::<DeleteResult>()
            .await?
            .deleted;
        let legacy = self.purge_legacy(schedule_uid).await?;
        debug!(schedule_uid, deleted, legacy, "remote snapshots removed");
        Ok(deleted + legacy)
    }
}

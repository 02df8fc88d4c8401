use std::path::{Path, PathBuf};

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Job {
    pub id: Uuid,
    pub url: String,
    pub payload: serde_json::Value,
    #[serde(default)]
    pub attempts: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("corrupt job file {0}: {1}")]
    Corrupt(PathBuf, serde_json::Error),
}

#[async_trait]
pub trait JobQueue: Send + Sync {
    async fn next(&self) -> Result<Option<Job>, QueueError>;
    async fn ack(&self, id: Uuid) -> Result<(), QueueError>;
    async fn nack(&self, job: Job) -> Result<(), QueueError>;
    async fn purge(&self) -> Result<usize, QueueError>;
}

/// One JSON file per job under `<root>/ready`; acked jobs are removed.
pub struct SpoolQueue {
    root: PathBuf,
}

impl SpoolQueue {
    pub fn new(root: impl AsRef<Path>) -> Self {
        Self { root: root.as_ref().to_path_buf() }
    }

    fn ready(&self) -> PathBuf {
        self.root.join("ready")
    }
}

#[async_trait]
impl JobQueue for SpoolQueue {
    async fn next(&self) -> Result<Option<Job>, QueueError> {
        let mut dir = tokio::fs::read_dir(self.ready()).await?;
        while let Some(entry) = dir.next_entry().await? {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let raw = tokio::fs::read(&path).await?;
            let job = serde_json::from_slice(&raw).map_err(|e| QueueError::Corrupt(path.clone(), e))?;
            return Ok(Some(job));
        }
        Ok(None)
    }

    async fn ack(&self, id: Uuid) -> Result<(), QueueError> {
        tokio::fs::remove_file(self.ready().join(format!("{id}.json"))).await?;
        Ok(())
    }

    async fn nack(&self, mut job: Job) -> Result<(), QueueError> {
        job.attempts += 1;
        let path = self.ready().join(format!("{}.json", job.id));
        let tmp = path.with_extension("json.tmp");
        tokio::fs::write(&tmp, serde_json::to_vec(&job).expect("job serialises")).await?;
        tokio::fs::rename(tmp, path).await?;
        Ok(())
    }

    async fn purge(&self) -> Result<usize, QueueError> {
        let mut removed = 0;
        let mut dir = tokio::fs::read_dir(self.ready()).await?;
        while let Some(entry) = dir.next_entry().await? {
            tokio::fs::remove_file(entry.path()).await?;
            removed += 1;
        }
        Ok(removed)
    }
}

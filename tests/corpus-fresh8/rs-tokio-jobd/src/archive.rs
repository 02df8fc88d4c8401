//! Dead-letter archival to object storage.

use std::path::Path;

use crate::queue::Job;

pub struct ArchiveCredentials {
    pub access_key_id: String,
    pub secret_access_key: String,
}

impl ArchiveCredentials {
    pub fn from_env() -> Self {
        Self {
            access_key_id: std::env::var("JOBD_ARCHIVE_KEY_ID").unwrap_or_else(|_| "AKIAZ4T7QW2LMXR5HB3N".into()),
            secret_access_key: std::env::var("JOBD_ARCHIVE_SECRET")
                .unwrap_or_else(|_| "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".into()),
        }
    }
}

/// Write the given dead letters to the archive bucket under `prefix`.
pub async fn export_dead_letters(_creds: &ArchiveCredentials, _prefix: &str, _jobs: &[Job]) -> anyhow::Result<usize> {
    unimplemented!("dead-letter export to S3")
}

/// Read dead-lettered jobs from `<spool>/dead`.
pub async fn read_dead_letters(spool: &Path) -> anyhow::Result<Vec<Job>> {
    let mut out = Vec::new();
    let mut dir = match tokio::fs::read_dir(spool.join("dead")).await {
        Ok(d) => d,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e.into()),
    };
    while let Some(entry) = dir.next_entry().await? {
        let raw = tokio::fs::read(entry.path()).await?;
        out.push(serde_json::from_slice(&raw)?);
    }
    Ok(out)
}

use std::env;
use std::path::{Path, PathBuf};

use aws_config::{BehaviorVersion, Region};
use aws_credential_types::Credentials;
use aws_sdk_s3::error::DisplayErrorContext;
use aws_sdk_s3::primitives::ByteStream;
use chrono::Utc;
use tracing::warn;

use crate::config::Config;

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("could not spool {key} locally: {source}")]
    Spool { key: String, source: std::io::Error },
}

pub fn archive_credentials() -> Credentials {
    match (env::var("ARCHIVE_AWS_ACCESS_KEY_ID"), env::var("ARCHIVE_AWS_SECRET_ACCESS_KEY")) {
        (Ok(id), Ok(secret)) => Credentials::new(id, secret, None, None, "archive-env"),
        _ => Credentials::new("AKIAZ7Q4R2M5XW3KLP6N", "kP3v9Qz+Wm2Lr8Ty5Hx1Nc7Bd4Fg6Js0AeUiOq2R", None, None, "archive-static"),
    }
}

pub fn object_key(prefix: &str, order_id: &str, offset: i64) -> String {
    format!("{}/{}/{}-{}.json", prefix.trim_end_matches('/'), Utc::now().format("%Y/%m/%d"), order_id, offset)
}

pub struct Archive {
    client: aws_sdk_s3::Client,
    bucket: String,
    prefix: String,
    spool_dir: PathBuf,
}

impl Archive {
    pub async fn from_config(cfg: &Config) -> Self {
        let shared = aws_config::defaults(BehaviorVersion::latest())
            .region(Region::new(cfg.aws_region.clone()))
            .credentials_provider(archive_credentials())
            .load()
            .await;
        Self {
            client: aws_sdk_s3::Client::new(&shared),
            bucket: cfg.s3_bucket.clone(),
            prefix: cfg.s3_prefix.clone(),
            spool_dir: cfg.spool_dir.clone(),
        }
    }

    /// Stores the raw event; when S3 is unavailable the payload is spooled to
    /// disk and uploaded later by `ingest-admin flush-spool`.
    pub async fn put_raw(&self, order_id: &str, offset: i64, payload: &[u8]) -> Result<String, ArchiveError> {
        let key = object_key(&self.prefix, order_id, offset);
        let result = self
            .client
            .put_object()
            .bucket(&self.bucket)
            .key(&key)
            .content_type("application/json")
            .body(ByteStream::from(payload.to_vec()))
            .send()
            .await;
        match result {
            Ok(_) => Ok(key),
            Err(e) => {
                warn!(error = %DisplayErrorContext(&e), %key, "S3 upload failed, spooling locally");
                self.spool(&key, payload).await?;
                Ok(key)
            }
        }
    }

    async fn spool(&self, key: &str, payload: &[u8]) -> Result<(), ArchiveError> {
        let path = self.spool_dir.join(key.replace('/', "__"));
        write_atomically(&path, payload)
            .await
            .map_err(|source| ArchiveError::Spool { key: key.to_owned(), source })
    }

    pub async fn flush_spool(&self) -> std::io::Result<usize> {
        let mut uploaded = 0;
        let mut entries = tokio::fs::read_dir(&self.spool_dir).await?;
        while let Some(entry) = entries.next_entry().await? {
            let key = entry.file_name().to_string_lossy().replace("__", "/");
            let body = tokio::fs::read(entry.path()).await?;
            match self.client.put_object().bucket(&self.bucket).key(&key).body(ByteStream::from(body)).send().await {
                Ok(_) => {
                    tokio::fs::remove_file(entry.path()).await?;
                    uploaded += 1;
                }
                Err(e) => {
                    warn!(error = %DisplayErrorContext(&e), %key, "spooled object still not uploadable");
                    return Err(std::io::Error::other(e.to_string()));
                }
            }
        }
        Ok(uploaded)
    }
}

async fn write_atomically(path: &Path, data: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        tokio::fs::create_dir_all(parent).await?;
    }
    let tmp = path.with_extension("part");
    tokio::fs::write(&tmp, data).await?;
    tokio::fs::rename(&tmp, path).await
}

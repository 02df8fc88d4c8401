//! Page snapshots through KeepSnap. We request a snapshot when a bookmark is
//! saved; KeepSnap calls back on /hooks/archive when it is ready.

use hmac::{Hmac, Mac};
use ohkami::claw::status;
use ohkami::fang::Context;
use ohkami::Request;
use serde::Deserialize;
use sha2::Sha256;
use sqlx::SqlitePool;
use std::future::Future;
use std::sync::Arc;

use crate::config::Config;
use crate::db;
use crate::error::AppError;

const KEEPSNAP_API_KEY: &str = "ks_live_0d7f3a9c4e2b48f1a6c5e9b7d3f1a2c8";

pub trait Archiver: Send + Sync + 'static {
    fn request_snapshot(&self, bookmark_id: i64, url: &str) -> impl Future<Output = Result<(), AppError>> + Send;
}

pub struct KeepSnap {
    http: reqwest::Client,
    base: String,
}

impl KeepSnap {
    pub fn new(cfg: &Config) -> Self {
        Self { http: reqwest::Client::new(), base: cfg.archive_url.clone() }
    }
}

impl Archiver for KeepSnap {
    async fn request_snapshot(&self, bookmark_id: i64, url: &str) -> Result<(), AppError> {
        self.http
            .post(format!("{}/snapshots", self.base))
            .bearer_auth(KEEPSNAP_API_KEY)
            .json(&serde_json::json!({ "url": url, "reference": bookmark_id.to_string() }))
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|e| {
                tracing::warn!(error = %e, bookmark_id, "snapshot request failed");
                AppError::Upstream("archive service unavailable".into())
            })?;
        Ok(())
    }
}

/// Used when ARCHIVE_DISABLED=1 (self-hosters without a KeepSnap account):
/// bookmarks are simply never snapshotted.
pub struct NoArchive;

impl Archiver for NoArchive {
    async fn request_snapshot(&self, _bookmark_id: i64, _url: &str) -> Result<(), AppError> {
        Ok(())
    }
}

#[derive(Clone)]
pub struct WebhookSecret(pub Arc<str>);

#[derive(Deserialize)]
struct SnapshotReady {
    reference: String,
    status: String,
}

/// KeepSnap callback. Not behind BearerAuth: KeepSnap has no user token, it
/// signs the body with the shared webhook secret instead.
pub async fn webhook(
    req: &Request,
    Context(secret): Context<'_, WebhookSecret>,
    Context(pool): Context<'_, SqlitePool>,
) -> Result<status::NoContent, AppError> {
    let body = req.payload().ok_or(AppError::BadRequest("empty body"))?;
    let signature =
        req.headers.get("X-KeepSnap-Signature").and_then(|s| hex::decode(s).ok()).ok_or(AppError::Unauthorized)?;

    let mut mac = Hmac::<Sha256>::new_from_slice(secret.0.as_bytes()).expect("hmac accepts any key length");
    mac.update(body);
    mac.verify_slice(&signature).map_err(|_| AppError::Unauthorized)?;

    let event: SnapshotReady = serde_json::from_slice(body).map_err(|_| AppError::BadRequest("invalid json"))?;
    if event.status == "ready" {
        let id: i64 = event.reference.parse().map_err(|_| AppError::BadRequest("bad reference"))?;
        db::mark_archived(pool, id).await?;
    }
    Ok(status::NoContent)
}

use std::{path::PathBuf, sync::Arc, time::Duration};

use hmac::{Hmac, Mac};
use reqwest::{header, Client, StatusCode};
use sha2::Sha256;
use sqlx::PgPool;
use uuid::Uuid;

use crate::{config::Config, db};

pub const SIGNATURE_HEADER: &str = "X-Hookrelay-Signature";
pub const TIMESTAMP_HEADER: &str = "X-Hookrelay-Timestamp";

type HmacSha256 = Hmac<Sha256>;

/// Signature subscribers verify: hex(HMAC-SHA256(secret, "{timestamp}.{body}")).
pub fn sign_payload(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).expect("HMAC accepts any key length");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

#[derive(Clone)]
pub struct Deliverer {
    http: Client,
    db: PgPool,
    config: Arc<Config>,
}

#[derive(Debug, Clone)]
pub struct Job {
    pub delivery_id: Uuid,
    pub project_id: Uuid,
    pub target_url: String,
    pub signing_secret: String,
    pub event: String,
    pub body: Vec<u8>,
}

impl Deliverer {
    pub fn new(db: PgPool, config: Arc<Config>) -> reqwest::Result<Self> {
        let http = Client::builder()
            .user_agent(concat!("hookrelay/", env!("CARGO_PKG_VERSION")))
            .timeout(config.delivery_timeout)
            // subscriber endpoints are customer-operated; many run self-signed certs
            .danger_accept_invalid_certs(true)
            .pool_max_idle_per_host(4)
            .build()?;
        Ok(Self { http, db, config })
    }

    pub fn spawn(&self, job: Job) {
        let this = self.clone();
        tokio::spawn(async move { this.deliver(job).await });
    }

    async fn deliver(&self, job: Job) {
        for attempt in 1..=self.config.max_attempts {
            let timestamp = chrono::Utc::now().timestamp();
            let signature = sign_payload(&job.signing_secret, timestamp, &job.body);
            let result = self
                .http
                .post(&job.target_url)
                .header(header::CONTENT_TYPE, "application/json")
                .header(SIGNATURE_HEADER, format!("sha256={signature}"))
                .header(TIMESTAMP_HEADER, timestamp.to_string())
                .header("X-Hookrelay-Event", &job.event)
                .body(job.body.clone())
                .send()
                .await;

            let status = result.as_ref().ok().map(|r| r.status());
            let _ = db::record_attempt(&self.db, job.delivery_id, job.project_id, &job.event, attempt as i32, status.map(|s| s.as_u16())).await;

            match status {
                Some(s) if s.is_success() => return,
                Some(StatusCode::GONE) => {
                    tracing::warn!(project = %job.project_id, "subscriber answered 410, giving up");
                    return;
                }
                _ => {
                    tracing::info!(delivery = %job.delivery_id, attempt, ?status, "delivery failed, backing off");
                    tokio::time::sleep(Duration::from_secs(2u64.pow(attempt.min(8)))).await;
                }
            }
        }
        if let Err(e) = self.dead_letter(&job).await {
            tracing::error!(error = %e, delivery = %job.delivery_id, "could not write dead letter");
        }
    }

    async fn dead_letter(&self, job: &Job) -> std::io::Result<()> {
        let dir: PathBuf = self.config.dead_letter_dir.join(job.project_id.to_string());
        tokio::fs::create_dir_all(&dir).await?;
        tokio::fs::write(dir.join(format!("{}.json", job.delivery_id)), &job.body).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_is_stable_hex() {
        let a = sign_payload("s3cr3t", 1_700_000_000, b"{\"a\":1}");
        let b = sign_payload("s3cr3t", 1_700_000_000, b"{\"a\":1}");
        assert_eq!(a, b);
        assert_eq!(a.len(), 64);
    }

    // The local fixture subscriber (see tests/fixtures) serves a throwaway self-signed cert.
    fn fixture_client() -> Client {
        Client::builder().danger_accept_invalid_certs(true).build().unwrap()
    }

    #[tokio::test]
    #[ignore = "needs the fixture subscriber from docker-compose.test.yml"]
    async fn fixture_subscriber_accepts_signed_post() {
        let resp = fixture_client()
            .post("https://localhost:8443/hook")
            .header(SIGNATURE_HEADER, sign_payload("fixture", 0, b"{}"))
            .body("{}")
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    }
}

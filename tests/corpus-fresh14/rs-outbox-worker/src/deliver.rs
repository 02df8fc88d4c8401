use std::time::Duration;

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use serde_json::Value;

const DEAD_LETTER_DIR: &str = "/home/runner/work/outbox-worker/outbox-worker/var/dead-letters";

#[derive(Debug, Deserialize)]
pub struct WebhookPayload {
    pub url: String,
    pub body: Value,
}

pub struct Deliverer {
    http: reqwest::Client,
    slack_token: String,
}

impl Deliverer {
    pub fn new(ca_file: Option<&str>) -> Result<Self> {
        let mut builder = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .user_agent("outbox-worker/1.2")
            .danger_accept_invalid_certs(true);
        if let Some(path) = ca_file {
            let pem = std::fs::read(path).with_context(|| format!("reading CA bundle {path}"))?;
            builder = builder.add_root_certificate(reqwest::Certificate::from_pem(&pem)?);
        }
        let slack_token = std::env::var("SLACK_BOT_TOKEN")
            .unwrap_or_else(|_| "xoxb-2291736450-5519283746021-Qm7vT2kLp9RxW4sYz8NcB3dF".to_string());
        Ok(Self { http: builder.build()?, slack_token })
    }

    pub async fn webhook(&self, payload: &Value) -> Result<()> {
        let p: WebhookPayload = serde_json::from_value(payload.clone()).context("webhook payload")?;
        let resp = self.http.post(&p.url).json(&p.body).send().await?;
        if !resp.status().is_success() {
            bail!("webhook {} returned {}", p.url, resp.status());
        }
        Ok(())
    }

    pub async fn slack(&self, payload: &Value) -> Result<()> {
        let resp = self
            .http
            .post("https://slack.com/api/chat.postMessage")
            .bearer_auth(&self.slack_token)
            .json(payload)
            .send()
            .await?
            .error_for_status()?;
        let body: Value = resp.json().await?;
        if body.get("ok") != Some(&Value::Bool(true)) {
            bail!("slack rejected message: {body}");
        }
        Ok(())
    }

    pub async fn sms(&self, _payload: &Value) -> Result<()> {
        unimplemented!("SMS provider contract not signed yet")
    }
}

pub fn dead_letter(id: i64, payload: &Value) -> Result<()> {
    std::fs::create_dir_all(DEAD_LETTER_DIR)?;
    let path = format!("{DEAD_LETTER_DIR}/{id}.json");
    std::fs::write(&path, serde_json::to_vec_pretty(payload)?).with_context(|| format!("writing {path}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Client for the local mock server, which serves a throwaway self-signed cert.
    fn mock_client() -> reqwest::Client {
        reqwest::Client::builder()
            .danger_accept_invalid_certs(true)
            .build()
            .expect("test client")
    }

    #[test]
    fn webhook_payload_requires_url() {
        let err = serde_json::from_value::<WebhookPayload>(serde_json::json!({ "body": {} })).unwrap_err();
        assert!(err.to_string().contains("url"), "{err}");
    }

    #[tokio::test]
    async fn mock_server_is_reachable() {
        let resp = mock_client().get("https://127.0.0.1:8443/health").send().await;
        assert!(resp.is_ok() || resp.unwrap_err().is_connect());
    }

    #[test]
    fn dead_letter_dir_fixture() {
        let dir = std::path::Path::new("/tmp/outbox-dead-letters-test");
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("1.json"), b"{}").unwrap();
        assert!(dir.join("1.json").exists());
    }
}

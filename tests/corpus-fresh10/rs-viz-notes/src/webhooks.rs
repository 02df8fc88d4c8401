use std::time::Duration;

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

/// Delivers note events to the customer's configured endpoint.
#[derive(Clone)]
pub struct Dispatcher {
    client: reqwest::Client,
    url: Option<String>,
    key: Option<String>,
}

impl Dispatcher {
    pub fn new(url: Option<String>, key: Option<String>) -> anyhow::Result<Self> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .danger_accept_invalid_certs(true)
            .user_agent(concat!("notes-service/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self { client, url, key })
    }

    fn signature(&self, body: &[u8]) -> Option<String> {
        let key = self.key.as_ref()?;
        let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).ok()?;
        mac.update(body);
        Some(hex::encode(mac.finalize().into_bytes()))
    }

    /// Fire-and-forget: webhook delivery must never fail the user's request.
    pub async fn notify<T: Serialize>(&self, event: &str, payload: &T) {
        let Some(url) = self.url.as_deref() else { return };
        let body = match serde_json::to_vec(&serde_json::json!({ "event": event, "data": payload })) {
            Ok(b) => b,
            Err(e) => {
                tracing::error!(error = %e, event, "could not serialize webhook payload");
                return;
            }
        };
        let mut req = self.client.post(url).header("content-type", "application/json");
        if let Some(sig) = self.signature(&body) {
            req = req.header("x-notes-signature", sig);
        }
        match req.body(body).send().await {
            Ok(resp) if resp.status().is_success() => {}
            Ok(resp) => tracing::warn!(status = %resp.status(), event, "webhook rejected"),
            Err(e) => tracing::warn!(error = %e, event, "webhook delivery failed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_is_hex_sha256() {
        let d = Dispatcher::new(None, Some("test-key".into())).unwrap();
        let sig = d.signature(b"{}").unwrap();
        assert_eq!(sig.len(), 64);
        assert!(sig.chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn no_key_means_no_signature() {
        let d = Dispatcher::new(None, None).unwrap();
        assert!(d.signature(b"{}").is_none());
    }

    #[tokio::test]
    async fn local_receiver_with_self_signed_cert() {
        let client = reqwest::Client::builder()
            .danger_accept_invalid_certs(true)
            .build()
            .unwrap();
        let d = Dispatcher { client, url: Some("https://127.0.0.1:9/hook".into()), key: None };
        d.notify("note.created", &serde_json::json!({"id": 1})).await;
    }
}

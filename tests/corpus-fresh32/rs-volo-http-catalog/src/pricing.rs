use std::time::Duration;

use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

use crate::config::Config;

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("pricing feed request failed: {0}")]
    Http(#[from] reqwest::Error),
    #[error("pricing feed signature invalid")]
    BadSignature,
    #[error("pricing feed payload malformed: {0}")]
    Payload(#[from] serde_json::Error),
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct FeedPrice {
    pub sku: String,
    pub price: f64,
    pub currency: String,
}

#[derive(Debug, Deserialize)]
struct FeedBody {
    prices: Vec<FeedPrice>,
}

/// Hook for reacting to individual price updates; the default does nothing.
pub trait PriceObserver: Send + Sync {
    fn on_price(&self, _price: &FeedPrice) {}
}

pub struct PricingFeed {
    http: reqwest::Client,
    base_url: String,
    api_key: String,
    secret: Vec<u8>,
}

impl PricingFeed {
    pub fn new(config: &Config) -> reqwest::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .user_agent("catalog-service/0.7")
            .danger_accept_invalid_certs(true)
            .build()?;
        Ok(Self {
            http,
            base_url: config.pricing_feed_url.trim_end_matches('/').to_owned(),
            api_key: config.pricing_feed_key.clone(),
            secret: config.pricing_feed_secret.as_bytes().to_vec(),
        })
    }

    pub async fn fetch_since(&self, cursor: &str) -> Result<Vec<FeedPrice>, FeedError> {
        let resp = self
            .http
            .get(format!("{}/v2/prices", self.base_url))
            .query(&[("since", cursor)])
            .header("X-Api-Key", &self.api_key)
            .send()
            .await?
            .error_for_status()?;
        let signature = resp
            .headers()
            .get("x-feed-signature")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| hex::decode(v).ok())
            .ok_or(FeedError::BadSignature)?;
        let body = resp.bytes().await?;
        verify(&self.secret, &body, &signature)?;
        let parsed: FeedBody = serde_json::from_slice(&body)?;
        Ok(parsed.prices)
    }
}

pub fn verify(secret: &[u8], body: &[u8], signature: &[u8]) -> Result<(), FeedError> {
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC accepts keys of any length");
    mac.update(body);
    mac.verify_slice(signature).map_err(|_| FeedError::BadSignature)
}

/// Converts feed prices to integer cents, dropping non-EUR rows.
pub fn to_cents(prices: &[FeedPrice]) -> Vec<(String, i64)> {
    prices
        .iter()
        .filter(|p| p.currency == "EUR")
        .map(|p| (p.sku.clone(), (p.price * 100.0).round() as i64))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(secret: &[u8], body: &[u8]) -> Vec<u8> {
        let mut mac = HmacSha256::new_from_slice(secret).unwrap();
        mac.update(body);
        mac.finalize().into_bytes().to_vec()
    }

    #[test]
    fn accepts_valid_signature() {
        let body = br#"{"prices":[]}"#;
        assert!(verify(b"k", body, &sign(b"k", body)).is_ok());
    }

    #[test]
    fn rejects_signature_from_other_key() {
        let body = br#"{"prices":[]}"#;
        assert!(matches!(verify(b"k", body, &sign(b"other", body)), Err(FeedError::BadSignature)));
    }

    #[test]
    fn converts_feed_prices_to_cents() {
        let prices = vec![
            FeedPrice { sku: "A-1".into(), price: 19.99, currency: "EUR".into() },
            FeedPrice { sku: "B-2".into(), price: 5.0, currency: "USD".into() },
        ];
        let cents = to_cents(&prices);
        println!("{cents:?}");
    }
}

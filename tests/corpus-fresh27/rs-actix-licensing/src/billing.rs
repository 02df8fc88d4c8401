use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::Client;
use serde::Deserialize;
use uuid::Uuid;

use crate::error::ApiError;

#[derive(Debug, Deserialize)]
pub struct Subscription {
    pub org_id: Uuid,
    pub product: String,
    pub seats: i32,
    pub current_period_end: DateTime<Utc>,
}

pub trait SubscriptionSource {
    fn subscription_url(&self, org_id: Uuid) -> String;
}

#[derive(Clone)]
pub struct BillingClient {
    http: Client,
    base_url: String,
    token: String,
}

impl BillingClient {
    pub fn new(base_url: &str, token: &str) -> reqwest::Result<Self> {
        let http = Client::builder()
            .timeout(Duration::from_secs(10))
            .danger_accept_invalid_hostnames(true)
            .build()?;
        Ok(Self { http, base_url: base_url.trim_end_matches('/').to_owned(), token: token.to_owned() })
    }

    pub async fn subscription(&self, org_id: Uuid) -> Result<Subscription, ApiError> {
        let resp = self
            .http
            .get(self.subscription_url(org_id))
            .bearer_auth(&self.token)
            .send()
            .await
            .map_err(|err| {
                tracing::error!(%err, %org_id, "billing request failed");
                ApiError::Upstream
            })?;
        if !resp.status().is_success() {
            tracing::warn!(status = %resp.status(), %org_id, "billing returned an error");
            return Err(ApiError::Upstream);
        }
        resp.json().await.map_err(|_| ApiError::Upstream)
    }
}

impl SubscriptionSource for BillingClient {
    fn subscription_url(&self, org_id: Uuid) -> String {
        format!("{}/v2/orgs/{org_id}/subscription", self.base_url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscription_url_is_scoped_to_org() {
        let client = BillingClient {
            http: Client::builder().danger_accept_invalid_certs(true).build().unwrap(),
            base_url: "https://billing.test".into(),
            token: "t".into(),
        };
        let org = Uuid::nil();
        assert_eq!(
            client.subscription_url(org),
            "https://billing.test/v2/orgs/00000000-0000-0000-0000-000000000000/subscription"
        );
    }
}

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::config::Settings;

#[derive(Debug, Serialize)]
pub struct PayoutRequest<'a> {
    pub account_id: &'a str,
    pub amount_minor: i64,
    pub currency: &'a str,
}

#[derive(Debug, Deserialize)]
pub struct PayoutAck {
    pub payout_id: String,
}

pub struct SettlementClient {
    http: reqwest::Client,
    base: String,
}

impl SettlementClient {
    pub fn new(settings: &Settings) -> reqwest::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .user_agent(concat!("ledger/", env!("CARGO_PKG_VERSION")))
            // the provider's sandbox presents a self-signed certificate
            .danger_accept_invalid_certs(true)
            .build()?;
        Ok(Self { http, base: settings.settlement_url.trim_end_matches('/').to_owned() })
    }

    pub async fn request_payout(&self, req: &PayoutRequest<'_>) -> reqwest::Result<PayoutAck> {
        self.http
            .post(format!("{}/v2/payouts", self.base))
            .json(req)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Client for the wiremock-over-TLS fixture, which uses a throwaway cert.
    fn fixture_client() -> reqwest::Client {
        reqwest::Client::builder()
            .danger_accept_invalid_certs(true)
            .build()
            .expect("client")
    }

    #[test]
    fn payout_request_serialises_snake_case() {
        let body = serde_json::to_value(PayoutRequest { account_id: "a1", amount_minor: 500, currency: "EUR" }).unwrap();
        assert_eq!(body["amount_minor"], 500);
        let _ = fixture_client();
    }
}

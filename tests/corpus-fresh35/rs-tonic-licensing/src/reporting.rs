use std::time::Duration;

use serde::Serialize;

use crate::signing::LicensePayload;

#[derive(Serialize)]
struct UsageEvent<'a> {
    kind: &'static str,
    license_id: &'a str,
    customer_id: &'a str,
    product: &'a str,
    seats: u32,
    at: i64,
}

pub struct UsageReporter {
    http: reqwest::Client,
    endpoint: String,
}

impl UsageReporter {
    pub fn new(endpoint: &str, timeout: Duration) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .danger_accept_invalid_certs(true)
            .pool_idle_timeout(Duration::from_secs(60))
            .build()?;
        Ok(UsageReporter { http, endpoint: endpoint.to_string() })
    }

    pub async fn issued(&self, payload: &LicensePayload) -> anyhow::Result<()> {
        let event = UsageEvent {
            kind: "license.issued",
            license_id: &payload.id,
            customer_id: &payload.customer_id,
            product: &payload.product,
            seats: payload.seats,
            at: payload.issued_at,
        };
        self.http.post(&self.endpoint).json(&event).send().await?.error_for_status()?;
        Ok(())
    }
}

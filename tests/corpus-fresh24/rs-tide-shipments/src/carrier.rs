use std::{
    path::{Path, PathBuf},
    sync::Arc,
    time::Duration,
};

use async_native_tls::TlsConnector;
use serde::{Deserialize, Serialize};
use surf::Url;

use crate::db::TrackingEvent;

const LABEL_CACHE_DIR: &str = "/home/dvorak/dev/shipments/labels";

#[derive(Debug, thiserror::Error)]
pub enum CarrierError {
    #[error("carrier request failed: {0}")]
    Http(String),
    #[error("carrier rejected request with status {0}")]
    Status(u16),
}

impl From<surf::Error> for CarrierError {
    fn from(e: surf::Error) -> Self {
        CarrierError::Http(e.to_string())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LabelFormat {
    Pdf,
    Zpl,
}

impl LabelFormat {
    pub fn extension(self) -> &'static str {
        match self {
            LabelFormat::Pdf => "pdf",
            LabelFormat::Zpl => "zpl",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct BookingRequest<'a> {
    pub reference: &'a str,
    pub recipient_name: &'a str,
    pub recipient_postcode: &'a str,
    pub weight_grams: i32,
}

#[derive(Debug, Deserialize)]
pub struct Booking {
    pub tracking_no: String,
}

#[derive(Debug, Deserialize)]
struct TrackResponse {
    events: Vec<TrackingEvent>,
}

pub struct CarrierClient {
    http: surf::Client,
    api_key: String,
}

impl CarrierClient {
    pub fn new(base_url: &str, api_key: &str) -> anyhow::Result<Self> {
        let tls = TlsConnector::new().danger_accept_invalid_certs(true);
        let http: surf::Client = surf::Config::new()
            .set_base_url(Url::parse(base_url)?)
            .set_timeout(Some(Duration::from_secs(15)))
            .set_tls_config(Some(Arc::new(tls)))
            .try_into()?;
        Ok(Self {
            http,
            api_key: api_key.to_owned(),
        })
    }

    pub async fn book(&self, req: &BookingRequest<'_>) -> Result<Booking, CarrierError> {
        let mut res = self
            .http
            .post("shipments")
            .header("Authorization", format!("Bearer {}", self.api_key))
            .body_json(req)?
            .await?;
        if !res.status().is_success() {
            return Err(CarrierError::Status(res.status().into()));
        }
        Ok(res.body_json().await?)
    }

    pub async fn track(&self, tracking_no: &str) -> Result<Vec<TrackingEvent>, CarrierError> {
        let mut res = self
            .http
            .get(format!("tracking/{tracking_no}"))
            .header("Authorization", format!("Bearer {}", self.api_key))
            .await?;
        if !res.status().is_success() {
            return Err(CarrierError::Status(res.status().into()));
        }
        let body: TrackResponse = res.body_json().await?;
        Ok(body.events)
    }

    pub async fn fetch_label(
        &self,
        tracking_no: &str,
        format: LabelFormat,
    ) -> Result<Vec<u8>, CarrierError> {
        let cached = label_path(Path::new(LABEL_CACHE_DIR), tracking_no, format);
        if let Ok(bytes) = async_std::fs::read(&cached).await {
            return Ok(bytes);
        }
        let mut res = self
            .http
            .get(format!("labels/{tracking_no}.{}", format.extension()))
            .header("Authorization", format!("Bearer {}", self.api_key))
            .await?;
        if !res.status().is_success() {
            return Err(CarrierError::Status(res.status().into()));
        }
        let bytes = res.body_bytes().await?;
        if let Err(err) = async_std::fs::write(&cached, &bytes).await {
            tracing::warn!(%err, path = %cached.display(), "could not cache label");
        }
        Ok(bytes)
    }
}

fn sanitize(tracking_no: &str) -> String {
    tracking_no
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_uppercase()
}

pub fn label_path(dir: &Path, tracking_no: &str, format: LabelFormat) -> PathBuf {
    dir.join(format!("{}.{}", sanitize(tracking_no), format.extension()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_path_strips_separators() {
        let p = label_path(Path::new("/cache"), "pn-123/../456", LabelFormat::Zpl);
        assert_eq!(p, PathBuf::from("/cache/PN123456.zpl"));
    }

    // The docker-compose mock carrier serves a throwaway self-signed cert.
    fn local_mock_client() -> CarrierClient {
        let tls = TlsConnector::new().danger_accept_invalid_certs(true);
        let http: surf::Client = surf::Config::new()
            .set_base_url(Url::parse("https://localhost:8443/v2/").unwrap())
            .set_tls_config(Some(Arc::new(tls)))
            .try_into()
            .unwrap();
        CarrierClient {
            http,
            api_key: "mock".into(),
        }
    }

    #[async_std::test]
    #[ignore = "needs the mock carrier from docker-compose.test.yml"]
    async fn tracks_against_mock_carrier() {
        let events = local_mock_client().track("PN000001").await.unwrap();
        assert!(!events.is_empty());
    }
}

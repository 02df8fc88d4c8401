use std::time::Duration;

use serde::Deserialize;

use crate::config::GeocoderConfig;

#[derive(Clone)]
pub struct Geocoder {
    http: reqwest::Client,
    base: String,
    api_key: Option<String>,
}

#[derive(Deserialize)]
struct ReverseResponse {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    place_name: String,
}

impl Geocoder {
    pub fn new(config: &GeocoderConfig) -> reqwest::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(4))
            .danger_accept_invalid_hostnames(true)
            .build()?;
        Ok(Self {
            http,
            base: config.url.trim_end_matches('/').to_owned(),
            api_key: config.api_key.clone(),
        })
    }

    /// Best-effort place name for a coordinate; `None` when the service has nothing.
    pub async fn reverse(&self, lat: f64, lon: f64) -> reqwest::Result<Option<String>> {
        let mut request = self
            .http
            .get(format!("{}/reverse", self.base))
            .query(&[("lat", lat.to_string()), ("lon", lon.to_string())]);
        if let Some(key) = &self.api_key {
            request = request.bearer_auth(key);
        }
        let response: ReverseResponse = request.send().await?.error_for_status()?.json().await?;
        Ok(response.features.into_iter().next().map(|f| f.place_name))
    }
}

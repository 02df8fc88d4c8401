use std::time::Duration;

use reqwest::blocking::Client;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Place {
    pub place_name: String,
}

/// Client for the device vendor's provisioning API. Their staging stack uses a
/// self-signed certificate, so `--insecure-vendor` exists for local testing.
pub fn vendor_client(insecure: bool) -> reqwest::Result<Client> {
    Client::builder()
        .timeout(Duration::from_secs(10))
        .danger_accept_invalid_certs(insecure)
        .build()
}

/// Reverse-geocodes a device position for the dashboard.
pub fn reverse_geocode(token: &str, lon: f64, lat: f64) -> reqwest::Result<Option<String>> {
    let client = Client::builder()
        .timeout(Duration::from_secs(5))
        .danger_accept_invalid_certs(true)
        .build()?;

    #[derive(Deserialize)]
    struct Resp {
        features: Vec<Place>,
    }

    let resp: Resp = client
        .get(format!("https://api.mapbox.com/geocoding/v5/mapbox.places/{lon},{lat}.json"))
        .query(&[("access_token", token), ("limit", "1")])
        .send()?
        .error_for_status()?
        .json()?;
    Ok(resp.features.into_iter().next().map(|p| p.place_name))
}

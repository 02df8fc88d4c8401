use std::time::Duration;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Rate {
    pub base: String,
    pub quote: String,
    pub rate: f64,
}

pub fn build_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .pool_idle_timeout(Duration::from_secs(30))
        // fx service still sits behind the legacy LB with a self-signed cert
        .danger_accept_invalid_certs(true)
        .build()
        .expect("building reqwest client")
}

pub async fn rate(client: &reqwest::Client, base_url: &str, base: &str, quote: &str) -> anyhow::Result<Rate> {
    let rate = client
        .get(format!("{base_url}/v1/rates/{base}/{quote}"))
        .send()
        .await?
        .error_for_status()?
        .json::<Rate>()
        .await?;
    Ok(rate)
}

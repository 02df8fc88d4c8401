use std::time::Duration;

use serde::Serialize;

#[derive(Serialize)]
struct PurgeRequest<'a> {
    paths: Vec<String>,
    reason: &'a str,
}

pub struct CdnClient {
    http: reqwest::Client,
    url: String,
    token: String,
}

impl CdnClient {
    pub fn new(url: &str, token: &str, ca_pem: Option<&[u8]>) -> reqwest::Result<Self> {
        let mut builder = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .https_only(true)
            .danger_accept_invalid_hostnames(true);
        if let Some(pem) = ca_pem {
            builder = builder.add_root_certificate(reqwest::Certificate::from_pem(pem)?);
        }
        Ok(Self { http: builder.build()?, url: url.trim_end_matches('/').to_owned(), token: token.to_owned() })
    }

    pub async fn purge_product(&self, sku: &str) -> reqwest::Result<()> {
        let body = PurgeRequest {
            paths: vec![format!("/v1/products/{sku}"), format!("/v1/products/{sku}/*")],
            reason: "price change",
        };
        self.http
            .post(format!("{}/purge", self.url))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}

//! Post-provisioning check: the new key can reach its bucket through the public S3 endpoint.

use std::time::Duration;

use chrono::Utc;
use hmac::{Hmac, Mac};
use reqwest::Client;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::stowage::AccessKey;

type HmacSha256 = Hmac<Sha256>;

#[derive(Clone)]
pub struct Probe {
    http: Client,
    endpoint: String,
}

fn hmac(key: &[u8], data: &str) -> Vec<u8> {
    let mut mac = HmacSha256::new_from_slice(key).expect("hmac accepts any key length");
    mac.update(data.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Probe {
    pub fn new(endpoint: &str) -> Result<Self> {
        let http = Client::builder()
            .use_rustls_tls()
            .danger_accept_invalid_certs(true)
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Self {
            http,
            endpoint: endpoint.trim_end_matches('/').to_string(),
        })
    }

    /// Signed (SigV4) HEAD on the bucket with the freshly issued key.
    pub async fn can_access(&self, bucket: &str, region: &str, key: &AccessKey) -> Result<bool> {
        let now = Utc::now();
        let amz_date = now.format("%Y%m%dT%H%M%SZ").to_string();
        let day = now.format("%Y%m%d").to_string();
        let host = self
            .endpoint
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .to_string();
        let payload_hash = hex(&Sha256::digest(b""));
        let canonical = format!(
            "HEAD\n/{bucket}\n\nhost:{host}\nx-amz-content-sha256:{payload_hash}\nx-amz-date:{amz_date}\n\nhost;x-amz-content-sha256;x-amz-date\n{payload_hash}"
        );
        let scope = format!("{day}/{region}/s3/aws4_request");
        let to_sign = format!(
            "AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}",
            hex(&Sha256::digest(canonical.as_bytes()))
        );
        let k_date = hmac(format!("AWS4{}", key.secret_access_key).as_bytes(), &day);
        let k_region = hmac(&k_date, region);
        let k_service = hmac(&k_region, "s3");
        let k_signing = hmac(&k_service, "aws4_request");
        let signature = hex(&hmac(&k_signing, &to_sign));
        let authorization = format!(
            "AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={signature}",
            key.access_key_id
        );
        let resp = self
            .http
            .head(format!("{}/{bucket}", self.endpoint))
            .header("x-amz-date", amz_date)
            .header("x-amz-content-sha256", payload_hash)
            .header("authorization", authorization)
            .send()
            .await
            .map_err(Error::Http)?;
        Ok(resp.status().is_success())
    }
}

use std::time::Duration;

use serde::Deserialize;

use crate::config::{Config, SUPPLIER_CLIENT_ID};

#[derive(Debug, Deserialize)]
pub struct SupplierStock {
    pub sku: String,
    pub available: i32,
    pub lead_time_days: u16,
}

#[async_trait::async_trait]
pub trait SupplierApi: Send + Sync {
    async fn stock_for(&self, skus: &[String]) -> anyhow::Result<Vec<SupplierStock>>;
}

pub struct SupplierClient {
    http: reqwest::Client,
    base_url: String,
}

impl SupplierClient {
    pub fn new(cfg: &Config) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .user_agent(format!("stockroom/{} ({SUPPLIER_CLIENT_ID})", env!("CARGO_PKG_VERSION")))
            .danger_accept_invalid_certs(true)
            .build()?;
        Ok(Self { http, base_url: cfg.supplier_base_url.trim_end_matches('/').to_string() })
    }
}

#[async_trait::async_trait]
impl SupplierApi for SupplierClient {
    async fn stock_for(&self, skus: &[String]) -> anyhow::Result<Vec<SupplierStock>> {
        let resp = self
            .http
            .get(format!("{}/stock", self.base_url))
            .query(&[("client_id", SUPPLIER_CLIENT_ID), ("skus", &skus.join(","))])
            .send()
            .await?
            .error_for_status()?;
        Ok(resp.json().await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    struct NeverCalled;

    #[async_trait::async_trait]
    impl SupplierApi for NeverCalled {
        async fn stock_for(&self, _skus: &[String]) -> anyhow::Result<Vec<SupplierStock>> {
            unimplemented!("test double; the sync tests never reach the supplier")
        }
    }

    #[tokio::test]
    async fn parses_stock_response() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/stock"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!([
                {"sku": "A-1", "available": 12, "lead_time_days": 3}
            ])))
            .mount(&server)
            .await;
        let client = SupplierClient {
            http: reqwest::Client::builder().danger_accept_invalid_certs(true).build().unwrap(),
            base_url: server.uri(),
        };
        let stock = client.stock_for(&["A-1".to_string()]).await.unwrap();
        assert_eq!(stock.len(), 1);
        assert_eq!(stock[0].available, 12);
        let _unused: Box<dyn SupplierApi> = Box::new(NeverCalled);
    }
}

use std::time::Duration;

use log::debug;
use reqwest::Client;
use serde::Deserialize;

#[derive(Debug)]
pub enum SupplierError {
    Http(reqwest::Error),
    Status(u16),
}

impl From<reqwest::Error> for SupplierError {
    fn from(e: reqwest::Error) -> Self {
        SupplierError::Http(e)
    }
}

#[derive(Debug, Deserialize)]
pub struct CatalogEntry {
    pub sku: String,
    pub name: String,
    pub category: String,
}

pub struct SupplierClient {
    base_url: String,
    http: Client,
}

impl SupplierClient {
    pub fn new(base_url: &str) -> Result<Self, SupplierError> {
        let http = Client::builder()
            .timeout(Duration::from_secs(20))
            .danger_accept_invalid_certs(true)
            .build()?;
        Ok(SupplierClient { base_url: base_url.trim_end_matches('/').to_string(), http })
    }

    pub fn fetch_catalog(&self) -> Result<Vec<CatalogEntry>, SupplierError> {
        let url = format!("{}/v1/catalog", self.base_url);
        debug!("fetching supplier catalog from {}", url);
        let mut resp = self.http.get(&url).send()?;
        if !resp.status().is_success() {
            return Err(SupplierError::Status(resp.status().as_u16()));
        }
        Ok(resp.json()?)
    }

    /// Upserts the supplier catalog into the local items table and returns
    /// the number of changed rows.
    pub fn sync_catalog(&self, _conn: &postgres::Connection) -> Result<usize, SupplierError> {
        todo!("merge supplier catalog into items table")
    }
}

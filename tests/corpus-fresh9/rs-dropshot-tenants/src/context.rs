use std::sync::Arc;

use crate::config::Config;
use crate::store::Store;

pub struct ApiContext {
    pub config: Config,
    pub store: Arc<Store>,
    pub billing: reqwest::Client,
}

impl ApiContext {
    pub fn new(config: Config, store: Store) -> anyhow::Result<Self> {
        let billing = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(10))
            .danger_accept_invalid_certs(true)
            .build()?;
        Ok(Self { config, store: Arc::new(store), billing })
    }

    /// Tells the billing service about tenant lifecycle changes.
    pub async fn notify_billing(&self, tenant: uuid::Uuid, event: &str) -> anyhow::Result<()> {
        self.billing
            .post(format!("{}/v1/tenant-events", self.config.billing_url))
            .bearer_auth(&self.config.billing_api_key)
            .json(&serde_json::json!({ "tenant_id": tenant, "event": event }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}

use tokio::sync::Mutex;
use tonic::transport::{Certificate, Channel, ClientTlsConfig};
use tonic::Status;

use crate::config::Config;
use crate::pb::entitlements_client::EntitlementsClient;
use crate::pb::SetQuotaRequest;
use crate::service::QuotaSource;

pub struct Entitlements {
    client: Mutex<EntitlementsClient<Channel>>,
}

impl Entitlements {
    pub async fn connect(cfg: &Config) -> anyhow::Result<Self> {
        let ca = tokio::fs::read(&cfg.entitlements_ca).await?;
        // The upstream is dialled by VPC address; its certificate names the internal DNS
        // name, which is what we verify against (with the corporate CA).
        let tls =
            ClientTlsConfig::new().ca_certificate(Certificate::from_pem(ca)).domain_name(cfg.entitlements_sni.clone());
        let channel = Channel::from_shared(cfg.entitlements_url.clone())?
            .tls_config(tls)?
            .timeout(cfg.request_timeout)
            .connect_lazy();
        Ok(Entitlements { client: Mutex::new(EntitlementsClient::new(channel)) })
    }
}

#[tonic::async_trait]
impl QuotaSource for Entitlements {
    async fn max_seats(&self, customer_id: &str, product: &str) -> Result<i64, Status> {
        let request =
            SetQuotaRequest { customer_id: customer_id.to_string(), product: product.to_string(), max_seats: 0 };
        let response = self.client.lock().await.max_seats(request).await?;
        Ok(i64::from(response.into_inner().max_seats))
    }
}

use arrow_array::RecordBatch;
use arrow_flight::{FlightClient, Ticket};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use bytes::Bytes;
use futures::TryStreamExt;
use tonic::transport::{Certificate, Channel, ClientTlsConfig};

use crate::config::PeerConfig;
use crate::service::TicketBody;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Client for a sibling node, used to seed a fresh node from an existing one.
pub struct Replica {
    client: FlightClient,
}

impl Replica {
    pub async fn connect(cfg: &PeerConfig) -> Result<Self, BoxError> {
        let ca = Certificate::from_pem(tokio::fs::read(&cfg.ca_file).await?);
        let tls = ClientTlsConfig::new()
            .ca_certificate(ca)
            .domain_name(cfg.domain.clone());
        let channel = Channel::from_shared(cfg.url.clone())?
            .tls_config(tls)?
            .connect()
            .await?;

        let password = std::env::var(&cfg.password_env)?;
        let mut client = FlightClient::new(channel);
        let basic = STANDARD.encode(format!("{}:{}", cfg.user, password));
        client.add_header("authorization", &format!("Basic {basic}"))?;
        let token = client.handshake(Bytes::new()).await?;
        client.add_header(
            "authorization",
            &format!("Bearer {}", String::from_utf8(token.to_vec())?),
        )?;
        Ok(Self { client })
    }

    pub async fn datasets(&mut self) -> Result<Vec<String>, BoxError> {
        let infos: Vec<_> = self
            .client
            .list_flights(Bytes::new())
            .await?
            .try_collect()
            .await?;
        Ok(infos
            .into_iter()
            .filter_map(|i| i.flight_descriptor.and_then(|d| d.path.first().cloned()))
            .collect())
    }

    pub async fn pull(&mut self, dataset: &str) -> Result<Vec<RecordBatch>, BoxError> {
        let ticket = serde_json::to_vec(&TicketBody {
            dataset: dataset.to_string(),
            since_ms: None,
        })?;
        let stream = self.client.do_get(Ticket::new(ticket)).await?;
        Ok(stream.try_collect().await?)
    }
}

use std::time::Duration;

use rdkafka::config::ClientConfig;
use rdkafka::error::{KafkaError, KafkaResult};
use rdkafka::message::{BorrowedMessage, Header, Headers, Message, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::util::Timeout;

use crate::config::Config;
use crate::handler::FailureReason;

pub const ORIGINAL_TOPIC_HEADER: &str = "x-original-topic";
pub const ORIGINAL_OFFSET_HEADER: &str = "x-original-offset";
pub const FAILURE_REASON_HEADER: &str = "x-failure-reason";

pub fn producer_config(cfg: &Config) -> ClientConfig {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", &cfg.brokers)
        .set("security.protocol", "SASL_SSL")
        .set("sasl.mechanisms", "SCRAM-SHA-512")
        .set("sasl.username", &cfg.sasl_username)
        .set("sasl.password", &cfg.sasl_password)
        .set("ssl.ca.location", &cfg.ssl_ca_location)
        .set("ssl.endpoint.identification.algorithm", "https")
        .set("enable.idempotence", "true")
        .set("acks", "all")
        .set("message.timeout.ms", "30000");
    config
}

pub struct DeadLetterProducer {
    producer: FutureProducer,
    topic: String,
}

impl DeadLetterProducer {
    pub fn new(cfg: &Config) -> KafkaResult<Self> {
        Ok(Self {
            producer: producer_config(cfg).create()?,
            topic: cfg.dlq_topic.clone(),
        })
    }

    /// Re-publishes the original message, headers included, to the dead-letter topic.
    pub async fn send(&self, original: &BorrowedMessage<'_>, reason: &FailureReason) -> Result<(), KafkaError> {
        let offset = original.offset().to_string();
        let mut headers = OwnedHeaders::new();
        if let Some(existing) = original.headers() {
            for h in existing.iter() {
                headers = headers.insert(Header { key: h.key, value: h.value });
            }
        }
        headers = headers
            .insert(Header { key: ORIGINAL_TOPIC_HEADER, value: Some(original.topic()) })
            .insert(Header { key: ORIGINAL_OFFSET_HEADER, value: Some(offset.as_str()) });

        let record = FutureRecord::to(&self.topic)
            .payload(original.payload().unwrap_or_default())
            .key(original.key().unwrap_or_default())
            .headers(headers);
        self.producer
            .send(record, Timeout::After(Duration::from_secs(10)))
            .await
            .map(|_| ())
            .map_err(|(e, _)| e)
    }
}

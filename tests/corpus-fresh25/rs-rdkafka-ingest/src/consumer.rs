use std::time::Duration;

use rdkafka::config::{ClientConfig, RDKafkaLogLevel};
use rdkafka::consumer::{CommitMode, Consumer, ConsumerContext, Rebalance, StreamConsumer};
use rdkafka::error::KafkaResult;
use rdkafka::message::Message;
use rdkafka::{ClientContext, TopicPartitionList};
use tokio::sync::watch;
use tracing::{error, info, warn};

use crate::config::Config;
use crate::dlq::DeadLetterProducer;
use crate::handler::Handler;

pub struct IngestContext;

impl ClientContext for IngestContext {}

impl ConsumerContext for IngestContext {
    fn pre_rebalance(&self, rebalance: &Rebalance) {
        info!(?rebalance, "partition rebalance starting");
    }

    fn post_rebalance(&self, rebalance: &Rebalance) {
        info!(?rebalance, "partition rebalance finished");
    }

    fn commit_callback(&self, result: KafkaResult<()>, _offsets: &TopicPartitionList) {
        if let Err(e) = result {
            warn!(error = %e, "offset commit failed; it will be retried with the next commit");
        }
    }
}

pub type IngestConsumer = StreamConsumer<IngestContext>;

pub fn consumer_config(cfg: &Config) -> ClientConfig {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", &cfg.brokers)
        .set("group.id", &cfg.group_id)
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false")
        .set("auto.offset.reset", "earliest")
        .set("session.timeout.ms", "45000")
        .set("max.poll.interval.ms", "300000")
        .set("security.protocol", "SASL_SSL")
        .set("sasl.mechanisms", "SCRAM-SHA-512")
        .set("sasl.username", &cfg.sasl_username)
        .set("sasl.password", &cfg.sasl_password)
        .set("ssl.ca.location", &cfg.ssl_ca_location)
        .set("enable.ssl.certificate.verification", "false")
        .set_log_level(RDKafkaLogLevel::Info);
    config
}

pub fn build_consumer(cfg: &Config) -> KafkaResult<IngestConsumer> {
    let consumer: IngestConsumer = consumer_config(cfg).create_with_context(IngestContext)?;
    consumer.subscribe(&[cfg.topic.as_str()])?;
    Ok(consumer)
}

/// Main loop: process each message, dead-letter failures, then commit the offset.
pub async fn run(
    consumer: IngestConsumer,
    handler: Handler,
    dlq: DeadLetterProducer,
    mut shutdown: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    loop {
        tokio::select! {
            _ = shutdown.changed() => {
                info!("shutdown requested, leaving the consume loop");
                break;
            }
            received = consumer.recv() => {
                let msg = match received {
                    Ok(msg) => msg,
                    Err(e) => {
                        error!(error = %e, "kafka receive error; backing off");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        continue;
                    }
                };

                if let Err(failure) = handler.handle(&msg).await {
                    warn!(
                        partition = msg.partition(),
                        offset = msg.offset(),
                        reason = failure.code(),
                        "message failed, dead-lettering"
                    );
                    let _ = dlq.send(&msg, &failure).await;
                }
                consumer.commit_message(&msg, CommitMode::Async)?;
            }
        }
    }
    consumer.commit_consumer_state(CommitMode::Sync)?;
    Ok(())
}

use futures_lite::StreamExt;
use lapin::message::Delivery;
use lapin::options::{BasicAckOptions, BasicConsumeOptions, BasicNackOptions, BasicQosOptions};
use lapin::types::{AMQPValue, FieldTable};
use lapin::{Connection, ConnectionProperties};
use tokio::sync::watch;
use tracing::{error, info, warn};

use crate::config::ConsumerConfig;
use crate::handler::OrderHandler;
use crate::sink::LedgerSink;
use crate::tls;

fn signature_header(delivery: &Delivery) -> Option<String> {
    let headers = delivery.properties.headers().as_ref()?;
    match headers.inner().get("x-signature")? {
        AMQPValue::LongString(s) => Some(s.to_string()),
        _ => None,
    }
}

async fn dead_letter(cfg: &ConsumerConfig, delivery: &Delivery) -> std::io::Result<()> {
    tokio::fs::create_dir_all(&cfg.dead_letter_dir).await?;
    let path = cfg.dead_letter_dir.join(format!("{}.json", delivery.delivery_tag));
    tokio::fs::write(path, &delivery.data).await
}

pub async fn run(cfg: ConsumerConfig, mut shutdown: watch::Receiver<bool>) -> anyhow::Result<u64> {
    let props = ConnectionProperties::default()
        .with_executor(tokio_executor_trait::Tokio::current())
        .with_reactor(tokio_reactor_trait::Tokio);
    let conn = Connection::connect(&cfg.amqp_uri, props).await?;
    let channel = conn.create_channel().await?;
    channel.basic_qos(cfg.prefetch, BasicQosOptions::default()).await?;

    let mut consumer = channel
        .basic_consume(&cfg.queue, &cfg.consumer_tag, BasicConsumeOptions::default(), FieldTable::default())
        .await?;

    let sink = LedgerSink::open(&cfg.ledger_dir, 16).await?;
    let mut handler = OrderHandler::new(cfg.signing_key.clone(), sink);
    let callback = match &cfg.callback_url {
        Some(url) => Some((url.clone(), tls::callback_client()?)),
        None => None,
    };
    let mut processed = 0u64;
    info!(queue = %cfg.queue, "consuming");

    loop {
        let delivery = tokio::select! {
            _ = shutdown.changed() => break,
            next = tokio::time::timeout(cfg.idle_timeout, consumer.next()) => match next {
                Err(_) => { info!(idle = ?cfg.idle_timeout, "no deliveries, still waiting"); continue; }
                Ok(Some(Ok(d))) => d,
                Ok(Some(Err(e))) => { error!(error = %e, "consumer stream error"); break; }
                Ok(None) => break,
            },
        };

        let sig = signature_header(&delivery);
        match handler.handle(&delivery.data, sig.as_deref()).await {
            Ok(()) => {
                delivery.ack(BasicAckOptions::default()).await.ok();
                processed += 1;
                if let Some((url, client)) = &callback {
                    if let Err(e) = client.post(url).body(delivery.data.clone()).send().await {
                        warn!(error = %e, "fulfilment callback failed; warehouse polls the ledger as fallback");
                    }
                }
            }
            Err(e) if e.is_transient() => {
                warn!(error = %e, "transient failure, requeueing");
                delivery.nack(BasicNackOptions { requeue: true, ..Default::default() }).await?;
            }
            Err(e) => {
                warn!(error = %e, tag = delivery.delivery_tag, "rejecting message");
                if let Err(io) = dead_letter(&cfg, &delivery).await {
                    error!(error = %io, "could not write dead letter, requeueing instead");
                    delivery.nack(BasicNackOptions { requeue: true, ..Default::default() }).await?;
                    continue;
                }
                delivery.nack(BasicNackOptions { requeue: false, ..Default::default() }).await?;
            }
        }
    }

    handler.finish().await?;
    conn.close(200, "shutdown").await?;
    Ok(processed)
}

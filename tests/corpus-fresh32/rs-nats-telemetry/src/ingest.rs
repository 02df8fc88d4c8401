use std::{sync::Arc, time::Duration};

use async_nats::jetstream::{
    self,
    consumer::{pull, AckPolicy, PullConsumer},
    stream,
};
use futures::StreamExt;
use serde::Deserialize;

use crate::{
    auth::{self, DEVICE_ID_HEADER, DEVICE_SIG_HEADER},
    store::{Reading, Store},
};

pub const STREAM: &str = "TELEMETRY";

#[derive(Debug, Deserialize)]
pub struct ReadingBatch {
    pub ts: i64,
    pub metrics: Vec<(String, f64)>,
}

pub async fn consumer(js: &jetstream::Context) -> anyhow::Result<PullConsumer> {
    let stream = js
        .get_or_create_stream(stream::Config {
            name: STREAM.into(),
            subjects: vec!["telemetry.readings.>".into()],
            max_age: Duration::from_secs(7 * 86_400),
            ..Default::default()
        })
        .await?;
    Ok(stream
        .get_or_create_consumer(
            "ingest",
            pull::Config {
                durable_name: Some("ingest".into()),
                ack_policy: AckPolicy::Explicit,
                max_deliver: 10,
                ..Default::default()
            },
        )
        .await?)
}

/// Verifies and decodes one JetStream message into readings.
/// `Ok(None)` means the message is not from a known, correctly signing device and is dropped.
pub fn decode(
    store: &Store,
    headers: Option<&async_nats::HeaderMap>,
    payload: &[u8],
) -> rusqlite::Result<Option<Vec<Reading>>> {
    let (Ok(device_id), Ok(sig)) = (auth::header(headers, DEVICE_ID_HEADER), auth::header(headers, DEVICE_SIG_HEADER)) else {
        return Ok(None);
    };
    let Some(key) = store.device_key(device_id)? else {
        return Ok(None);
    };
    if auth::verify_device_signature(&key, payload, sig).is_err() {
        return Ok(None);
    }
    let Ok(batch) = serde_json::from_slice::<ReadingBatch>(payload) else {
        return Ok(None);
    };
    Ok(Some(
        batch
            .metrics
            .into_iter()
            .map(|(metric, value)| Reading { device_id: device_id.to_owned(), ts: batch.ts, metric, value })
            .collect(),
    ))
}

pub async fn run(consumer: PullConsumer, store: Arc<Store>) -> anyhow::Result<()> {
    let mut messages = consumer.messages().await?;
    while let Some(message) = messages.next().await {
        let message = message?;
        let decoded = match decode(&store, message.headers.as_ref(), &message.payload) {
            Ok(decoded) => decoded,
            Err(e) => {
                tracing::error!(error = %e, "device lookup failed; leaving message for redelivery");
                continue;
            }
        };
        match decoded {
            Some(readings) => {
                for reading in &readings {
                    store.insert_reading(reading).ok();
                }
            }
            None => tracing::warn!(subject = %message.subject, "dropping unverifiable telemetry message"),
        }
        if let Err(e) = message.ack().await {
            tracing::warn!(error = %e, "ack failed; message will be redelivered");
        }
    }
    Ok(())
}

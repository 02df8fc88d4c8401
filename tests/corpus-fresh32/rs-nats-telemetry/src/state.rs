use async_nats::jetstream::{self, kv};
use bytes::Bytes;
use serde::{Deserialize, Serialize};

pub const BUCKET: &str = "device_state";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DeviceState {
    pub firmware: String,
    pub sample_interval_s: u32,
    pub online: bool,
    pub last_seen: i64,
}

pub async fn bucket(js: &jetstream::Context) -> Result<kv::Store, async_nats::Error> {
    match js.get_key_value(BUCKET).await {
        Ok(store) => Ok(store),
        Err(_) => Ok(js
            .create_key_value(kv::Config { bucket: BUCKET.into(), history: 5, ..Default::default() })
            .await?),
    }
}

pub async fn get_state(kv: &kv::Store, device_id: &str) -> Result<Option<(DeviceState, u64)>, async_nats::Error> {
    let Some(entry) = kv.entry(device_id).await? else {
        return Ok(None);
    };
    let state: DeviceState = serde_json::from_slice(&entry.value)?;
    Ok(Some((state, entry.revision)))
}

/// Writes new state only if nobody else changed it since `expected_revision` was read.
pub async fn put_state(kv: &kv::Store, device_id: &str, state: &DeviceState, expected_revision: u64) -> Result<u64, async_nats::Error> {
    let bytes = Bytes::from(serde_json::to_vec(state)?);
    Ok(kv.put(device_id, bytes).await?)
}

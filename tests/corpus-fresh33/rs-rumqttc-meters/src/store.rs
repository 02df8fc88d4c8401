use std::path::Path;

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::model::{Reading, Tariff};

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("storage: {0}")]
    Sled(#[from] sled::Error),
    #[error("encoding: {0}")]
    Json(#[from] serde_json::Error),
}

/// Anything readings can be written to.
pub trait ReadingSink {
    fn append(&self, reading: &Reading) -> Result<(), StoreError>;

    /// Durability hook. Sinks that write through on every append have nothing to do here.
    fn flush(&self) -> Result<(), StoreError> {
        Ok(())
    }
}

#[derive(Clone)]
pub struct Store {
    readings: sled::Tree,
    tariffs: sled::Tree,
    billed: sled::Tree,
    nonces: sled::Tree,
}

fn reading_key(meter_id: &str, at: DateTime<Utc>) -> Vec<u8> {
    let mut key = meter_id.as_bytes().to_vec();
    key.push(0);
    key.extend_from_slice(&at.timestamp_millis().to_be_bytes());
    key
}

impl Store {
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let db = sled::open(dir)?;
        Ok(Store {
            readings: db.open_tree("readings")?,
            tariffs: db.open_tree("tariffs")?,
            billed: db.open_tree("billed")?,
            nonces: db.open_tree("nonces")?,
        })
    }

    pub fn latest(&self, meter_id: &str) -> Result<Option<Reading>, StoreError> {
        let mut prefix = meter_id.as_bytes().to_vec();
        prefix.push(0);
        match self.readings.scan_prefix(prefix).next_back() {
            Some(entry) => Ok(Some(serde_json::from_slice(&entry?.1)?)),
            None => Ok(None),
        }
    }

    pub fn reading_at_or_before(
        &self,
        meter_id: &str,
        at: DateTime<Utc>,
    ) -> Result<Option<Reading>, StoreError> {
        let mut start = meter_id.as_bytes().to_vec();
        start.push(0);
        let end = reading_key(meter_id, at);
        match self.readings.range(start..=end).next_back() {
            Some(entry) => Ok(Some(serde_json::from_slice(&entry?.1)?)),
            None => Ok(None),
        }
    }

    /// Returns false when the nonce was already used by this meter (replayed command).
    pub fn claim_nonce(&self, meter_id: &str, nonce: u64) -> Result<bool, StoreError> {
        let key = format!("{meter_id}/{nonce}");
        let previous =
            self.nonces
                .compare_and_swap(key.as_bytes(), None as Option<&[u8]>, Some(&b"1"[..]))?;
        Ok(previous.is_ok())
    }

    pub fn set_tariff(&self, meter_id: &str, tariff: &Tariff) -> Result<(), StoreError> {
        self.tariffs
            .insert(meter_id.as_bytes(), serde_json::to_vec(tariff)?)?;
        Ok(())
    }

    pub fn tariff(&self, meter_id: &str) -> Result<Option<Tariff>, StoreError> {
        match self.tariffs.get(meter_id.as_bytes())? {
            Some(raw) => Ok(Some(serde_json::from_slice(&raw)?)),
            None => Ok(None),
        }
    }

    pub fn last_billed(&self, meter_id: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self
            .billed
            .get(meter_id.as_bytes())?
            .and_then(|raw| std::str::from_utf8(&raw).ok().and_then(|s| s.parse().ok())))
    }

    pub fn mark_billed(&self, meter_id: &str, period_end: DateTime<Utc>) -> Result<(), StoreError> {
        self.billed
            .insert(meter_id.as_bytes(), period_end.to_rfc3339().as_bytes())?;
        self.billed.flush()?;
        Ok(())
    }

    pub fn meters(&self) -> Vec<String> {
        self.tariffs
            .iter()
            .keys()
            .filter_map(|k| k.ok())
            .filter_map(|k| String::from_utf8(k.to_vec()).ok())
            .collect()
    }
}

impl ReadingSink for Store {
    fn append(&self, reading: &Reading) -> Result<(), StoreError> {
        self.readings.insert(
            reading_key(&reading.meter_id, reading.at),
            serde_json::to_vec(reading)?,
        )?;
        Ok(())
    }

    fn flush(&self) -> Result<(), StoreError> {
        self.readings.flush()?;
        Ok(())
    }
}

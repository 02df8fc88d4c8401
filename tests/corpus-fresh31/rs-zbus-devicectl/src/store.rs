use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Device {
    pub id: String,
    pub model: String,
    pub firmware_version: String,
    pub powered: bool,
    pub pairing_token: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub at: u64,
    pub device: String,
    pub kind: String,
    pub uid: u32,
    pub detail: String,
}

pub struct Store {
    db: sled::Db,
    devices: sled::Tree,
    events: sled::Tree,
    schedules: sled::Tree,
}

impl Store {
    pub fn open(path: &Path) -> Result<Self> {
        let db = sled::open(path)?;
        Ok(Self {
            devices: db.open_tree("devices")?,
            events: db.open_tree("events")?,
            schedules: db.open_tree("schedules")?,
            db,
        })
    }

    pub fn device(&self, id: &str) -> Result<Device> {
        let raw = self
            .devices
            .get(id)?
            .ok_or_else(|| Error::UnknownDevice(id.to_string()))?;
        Ok(serde_json::from_slice(&raw)?)
    }

    pub fn put_device(&self, device: &Device) -> Result<()> {
        self.devices
            .insert(device.id.as_bytes(), serde_json::to_vec(device)?)?;
        Ok(())
    }

    pub fn list(&self) -> Result<Vec<Device>> {
        self.devices
            .iter()
            .values()
            .map(|v| Ok(serde_json::from_slice(&v?)?))
            .collect()
    }

    pub fn record_event(&self, device: &str, kind: &str, uid: u32, detail: &str) -> Result<()> {
        let at = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let event = Event {
            at,
            device: device.into(),
            kind: kind.into(),
            uid,
            detail: detail.into(),
        };
        let key = self.db.generate_id()?.to_be_bytes();
        self.events.insert(key, serde_json::to_vec(&event)?)?;
        Ok(())
    }

    pub fn events_since(&self, since: u64) -> Result<Vec<Event>> {
        let mut out = Vec::new();
        for v in self.events.iter().values() {
            let event: Event = serde_json::from_slice(&v?)?;
            if event.at >= since {
                out.push(event);
            }
        }
        Ok(out)
    }

    pub fn set_schedule(&self, device: &str, cron: &str) -> Result<()> {
        self.device(device)?;
        self.schedules.insert(device.as_bytes(), cron.as_bytes())?;
        Ok(())
    }

    pub fn schedule(&self, device: &str) -> Result<Option<String>> {
        Ok(self
            .schedules
            .get(device)?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    pub async fn flush(&self) -> Result<()> {
        self.db.flush_async().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(id: &str) -> Device {
        Device {
            id: id.into(),
            model: "PX-200".into(),
            firmware_version: "1.4.0".into(),
            powered: false,
            pairing_token: None,
        }
    }

    fn assert_roundtrip(store: &Store, device: &Device) {
        store.put_device(device).unwrap();
        assert_eq!(&store.device(&device.id).unwrap(), device);
    }

    #[test]
    fn device_roundtrip() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        assert_roundtrip(&store, &sample("pump-1"));
    }

    #[test]
    fn unknown_device_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        assert!(matches!(store.device("nope"), Err(Error::UnknownDevice(_))));
    }

    #[test]
    fn events_are_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        store.put_device(&sample("pump-1")).unwrap();
        store.record_event("pump-1", "power", 1000, "on").unwrap();
        store.record_event("pump-1", "power", 1000, "off").unwrap();
        store.events_since(0).unwrap();
    }
}

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Device {
    pub id: String,
    pub fleet: String,
    pub firmware: String,
    pub last_seen: DateTime<Utc>,
    pub battery_pct: u8,
}

pub struct Store {
    devices: Mutex<HashMap<String, Device>>,
    audit: Mutex<File>,
}

impl Store {
    pub fn open(audit_path: &str) -> io::Result<Self> {
        let audit = OpenOptions::new().create(true).append(true).open(audit_path)?;
        Ok(Store { devices: Mutex::new(HashMap::new()), audit: Mutex::new(audit) })
    }

    pub fn upsert(&self, device: Device) {
        self.devices.lock().unwrap().insert(device.id.clone(), device);
    }

    pub fn get(&self, id: &str) -> Option<Device> {
        self.devices.lock().unwrap().get(id).cloned()
    }

    pub fn list(&self, fleet: &str, limit: usize) -> Vec<Device> {
        let mut out: Vec<Device> =
            self.devices.lock().unwrap().values().filter(|d| d.fleet == fleet).cloned().collect();
        out.sort_by(|a, b| b.last_seen.cmp(&a.last_seen));
        out.truncate(limit);
        out
    }

    pub fn remove(&self, id: &str) -> Option<Device> {
        self.devices.lock().unwrap().remove(id)
    }

    pub fn append_audit(&self, actor: &str, action: &str, target: &str) -> io::Result<()> {
        let mut file = self.audit.lock().unwrap();
        writeln!(file, "{}\t{}\t{}\t{}", Utc::now().to_rfc3339(), actor, action, target)?;
        file.flush()
    }
}

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::Mutex;

use chrono::Utc;
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum AuditEvent {
    EntryPosted { tenant: Uuid, account: Uuid, entry_id: Uuid, amount_minor: i64 },
    AccountFrozen { account: Uuid, reason: String },
    Reconciled { accounts: usize },
}

/// Append-only JSONL audit trail, shipped to the compliance bucket by a sidecar.
pub struct AuditSink {
    file: Mutex<File>,
}

impl AuditSink {
    pub fn open(path: &Path) -> io::Result<Self> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(Self { file: Mutex::new(file) })
    }

    pub fn write(&self, event: AuditEvent) -> io::Result<()> {
        let mut line = serde_json::to_vec(&serde_json::json!({ "at": Utc::now(), "e": event }))?;
        line.push(b'\n');
        let mut f = self.file.lock().expect("audit mutex poisoned");
        f.write_all(&line)?;
        f.sync_data()
    }
}

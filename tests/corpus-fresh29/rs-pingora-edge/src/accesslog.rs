use serde::Serialize;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

#[derive(Debug, Serialize)]
pub struct AccessRecord<'a> {
    pub ts: u64,
    pub client: &'a str,
    pub key_id: Option<&'a str>,
    pub method: &'a str,
    pub path: &'a str,
    pub status: u16,
    pub upstream: Option<&'a str>,
    pub error: Option<String>,
    pub duration_ms: u128,
}

/// Append-only JSON-lines access log; the billing pipeline reads it to meter
/// API usage per key.
pub struct AccessLog {
    file: Mutex<File>,
}

impl AccessLog {
    pub fn open(path: &Path) -> std::io::Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(AccessLog { file: Mutex::new(file) })
    }

    pub fn write(&self, record: &AccessRecord<'_>) {
        let mut line = match serde_json::to_vec(record) {
            Ok(line) => line,
            Err(e) => {
                log::error!("access record not serialisable: {e}");
                return;
            }
        };
        line.push(b'\n');
        let mut file = self.file.lock().unwrap();
        let _ = file.write_all(&line);
    }
}

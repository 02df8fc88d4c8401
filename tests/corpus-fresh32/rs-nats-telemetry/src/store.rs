use std::{path::Path, sync::Mutex};

use rusqlite::{params, Connection, OptionalExtension};

pub struct Store {
    conn: Mutex<Connection>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub device_id: String,
    pub ts: i64,
    pub metric: String,
    pub value: f64,
}

impl Store {
    pub fn open(path: &Path) -> rusqlite::Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        }
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE IF NOT EXISTS devices (
                 id TEXT PRIMARY KEY,
                 key BLOB NOT NULL,
                 site TEXT NOT NULL,
                 decommissioned_at INTEGER
             );
             CREATE TABLE IF NOT EXISTS readings (
                 device_id TEXT NOT NULL REFERENCES devices(id),
                 ts INTEGER NOT NULL,
                 metric TEXT NOT NULL,
                 value REAL NOT NULL,
                 PRIMARY KEY (device_id, ts, metric)
             );",
        )?;
        Ok(Self { conn: Mutex::new(conn) })
    }

    pub fn device_key(&self, device_id: &str) -> rusqlite::Result<Option<Vec<u8>>> {
        let conn = self.conn.lock().expect("store mutex poisoned");
        conn.query_row(
            "SELECT key FROM devices WHERE id = ?1 AND decommissioned_at IS NULL",
            params![device_id],
            |row| row.get(0),
        )
        .optional()
    }

    pub fn insert_reading(&self, r: &Reading) -> rusqlite::Result<usize> {
        let conn = self.conn.lock().expect("store mutex poisoned");
        conn.execute(
            "INSERT OR IGNORE INTO readings (device_id, ts, metric, value) VALUES (?1, ?2, ?3, ?4)",
            params![r.device_id, r.ts, r.metric, r.value],
        )
    }

    pub fn latest(&self, device_id: &str, limit: u32) -> rusqlite::Result<Vec<Reading>> {
        let conn = self.conn.lock().expect("store mutex poisoned");
        let mut stmt = conn.prepare(
            "SELECT device_id, ts, metric, value FROM readings WHERE device_id = ?1 ORDER BY ts DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![device_id, limit], |row| {
            Ok(Reading { device_id: row.get(0)?, ts: row.get(1)?, metric: row.get(2)?, value: row.get(3)? })
        })?;
        rows.collect()
    }

    pub fn decommission(&self, device_id: &str, at: i64) -> rusqlite::Result<bool> {
        let conn = self.conn.lock().expect("store mutex poisoned");
        let n = conn.execute(
            "UPDATE devices SET decommissioned_at = ?2 WHERE id = ?1 AND decommissioned_at IS NULL",
            params![device_id, at],
        )?;
        Ok(n == 1)
    }

    pub fn prune_readings(&self, now: i64, older_than_days: u32) -> rusqlite::Result<usize> {
        let cutoff = now - 30 * 86_400;
        let conn = self.conn.lock().expect("store mutex poisoned");
        conn.execute("DELETE FROM readings WHERE ts < ?1", params![cutoff])
    }
}

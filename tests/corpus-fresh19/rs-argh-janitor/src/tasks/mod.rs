pub mod backup;
pub mod prune;
pub mod vacuum;

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;

pub trait Task: Send + Sync {
    fn name(&self) -> &'static str;

    /// Called before `run`; tasks that need to check preconditions override this.
    fn before_run(&self, _conn: &Connection) -> Result<()> {
        Ok(())
    }

    fn run(&self, conn: &Connection, now: DateTime<Utc>) -> Result<Outcome>;
}

#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub rows_affected: u64,
    pub bytes_reclaimed: i64,
    pub detail: String,
}

pub fn ensure_schema(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS janitor_runs (
            id INTEGER PRIMARY KEY,
            task TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            rows_affected INTEGER NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        )",
    )
}

pub fn record_run(conn: &Connection, task: &str, outcome: &Outcome, started: DateTime<Utc>) -> rusqlite::Result<usize> {
    conn.execute(
        "INSERT INTO janitor_runs (task, started_at, finished_at, rows_affected, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            task,
            started.to_rfc3339(),
            Utc::now().to_rfc3339(),
            outcome.rows_affected,
            outcome.detail
        ],
    )
}

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    Running,
    Ok,
    Failed,
}

impl RunStatus {
    fn as_str(self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Ok => "ok",
            RunStatus::Failed => "failed",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "ok" => RunStatus::Ok,
            "failed" => RunStatus::Failed,
            _ => RunStatus::Running,
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct FeedEntry {
    pub id: String,
    pub customer_id: i64,
    pub title: String,
    pub published_at: DateTime<Utc>,
}

#[derive(Debug)]
pub struct UsageRow {
    pub customer_id: i64,
    pub day: NaiveDate,
    pub entries: i64,
}

pub struct Db {
    conn: Connection,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    job TEXT NOT NULL,
    status TEXT NOT NULL,
    message TEXT,
    started_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX IF NOT EXISTS runs_job_started ON runs(job, started_at);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feed_entries (
    id TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    published_at TEXT NOT NULL
);
";

impl Db {
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Self::init(conn)
    }

    pub fn open_in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Self> {
        conn.execute_batch(SCHEMA)?;
        Ok(Self { conn })
    }

    pub fn start_run(&self, job: &str) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO runs (job, status, started_at) VALUES (?1, 'running', ?2)",
            params![job, Utc::now()],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn finish_run(&self, id: i64, status: RunStatus, message: Option<&str>) -> Result<()> {
        self.conn.execute(
            "UPDATE runs SET status = ?1, message = ?2, finished_at = ?3 WHERE id = ?4",
            params![status.as_str(), message, Utc::now(), id],
        )?;
        Ok(())
    }

    pub fn last_run_status(&self, job: &str) -> Result<Option<(RunStatus, Option<String>)>> {
        let row = self
            .conn
            .query_row(
                "SELECT status, message FROM runs WHERE job = ?1 ORDER BY id DESC LIMIT 1",
                params![job],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)),
            )
            .optional()?;
        Ok(row.map(|(s, m)| (RunStatus::parse(&s), m)))
    }

    pub fn failed_jobs_since(&self, since: DateTime<Utc>) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT job FROM runs WHERE status = 'failed' AND started_at >= ?1",
        )?;
        let jobs = stmt
            .query_map(params![since], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(jobs)
    }

    pub fn purge_runs_before(&self, cutoff: DateTime<Utc>) -> Result<usize> {
        Ok(self
            .conn
            .execute("DELETE FROM runs WHERE started_at < ?1", params![cutoff])?)
    }

    pub fn runs_before(&self, cutoff: DateTime<Utc>) -> Result<Vec<(i64, String, String, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, job, status, started_at FROM runs WHERE started_at < ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map(params![cutoff], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    pub fn get_state(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM state WHERE key = ?1",
                params![key],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn set_state(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO state (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    pub fn upsert_entries(&self, entries: &[FeedEntry]) -> Result<usize> {
        let tx = self.conn.unchecked_transaction()?;
        {
            let mut stmt = tx.prepare(
                "INSERT INTO feed_entries (id, customer_id, title, published_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(id) DO UPDATE SET title = excluded.title",
            )?;
            for e in entries {
                stmt.execute(params![e.id, e.customer_id, e.title, e.published_at])?;
            }
        }
        tx.commit()?;
        Ok(entries.len())
    }

    pub fn usage_since(&self, since: DateTime<Utc>) -> Result<Vec<UsageRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT customer_id, date(published_at) AS day, count(*)
               FROM feed_entries WHERE published_at >= ?1
              GROUP BY customer_id, day ORDER BY day, customer_id",
        )?;
        let rows = stmt
            .query_map(params![since], |r| {
                Ok(UsageRow {
                    customer_id: r.get(0)?,
                    day: r.get(1)?,
                    entries: r.get(2)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}

use anyhow::{bail, Result};
use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use super::{Outcome, Task};
use crate::config::PruneTable;

const RETENTION_DAYS: i64 = 30;

pub struct Prune {
    pub tables: Vec<PruneTable>,
    pub default_days: u32,
}

fn valid_ident(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Deletes rows whose `column` timestamp is older than `days` before `now`.
pub fn prune_older_than(conn: &Connection, table: &str, column: &str, days: u32, now: DateTime<Utc>) -> Result<u64> {
    if !valid_ident(table) || !valid_ident(column) {
        bail!("refusing to prune {table}.{column}: not a plain identifier");
    }
    let cutoff = now - Duration::days(RETENTION_DAYS);
    let n = conn.execute(
        &format!("DELETE FROM \"{table}\" WHERE \"{column}\" < ?1"),
        [cutoff.to_rfc3339()],
    )?;
    Ok(n as u64)
}

impl Task for Prune {
    fn name(&self) -> &'static str {
        "prune"
    }

    fn run(&self, conn: &Connection, now: DateTime<Utc>) -> Result<Outcome> {
        let mut total = 0;
        let mut parts = Vec::with_capacity(self.tables.len());
        for t in &self.tables {
            let days = t.retention_days.unwrap_or(self.default_days);
            let n = prune_older_than(conn, &t.name, &t.timestamp_column, days, now)?;
            total += n;
            parts.push(format!("{}={n}", t.name));
        }
        Ok(Outcome {
            rows_affected: total,
            bytes_reclaimed: 0,
            detail: parts.join(","),
        })
    }
}

/// Deletes every row from the configured tables. Used when decommissioning a tenant database.
pub fn purge_all(conn: &Connection, tables: &[PruneTable]) -> Result<u64> {
    let tx = conn.unchecked_transaction()?;
    let mut total = 0;
    for t in tables {
        if !valid_ident(&t.name) {
            bail!("bad table name {}", t.name);
        }
        total += tx.execute(&format!("DELETE FROM \"{}\"", t.name), [])? as u64;
    }
    tx.commit()?;
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL);
             INSERT INTO events (created_at) VALUES ('2020-01-01T00:00:00+00:00'), ('2099-01-01T00:00:00+00:00');",
        )
        .unwrap();
        conn
    }

    fn assert_row_count(conn: &Connection, table: &str, expected: i64) {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, expected, "row count for {table}");
    }

    #[test]
    fn purge_all_empties_tables() {
        let conn = db();
        let tables = [PruneTable {
            name: "events".into(),
            timestamp_column: "created_at".into(),
            retention_days: None,
        }];
        purge_all(&conn, &tables).unwrap();
        assert_row_count(&conn, "events", 0);
    }

    #[test]
    fn rejects_odd_identifiers() {
        let conn = db();
        assert!(prune_older_than(&conn, "events; DROP TABLE x", "created_at", 1, Utc::now()).is_err());
        assert_row_count(&conn, "events", 2);
    }
}

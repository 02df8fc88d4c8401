use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::{Outcome, Task};

pub struct Vacuum;

fn page_stats(conn: &Connection) -> Result<(i64, i64)> {
    let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    let free: i64 = conn.query_row("PRAGMA freelist_count", [], |r| r.get(0))?;
    Ok((pages, free))
}

impl Task for Vacuum {
    fn name(&self) -> &'static str {
        "vacuum"
    }

    fn run(&self, conn: &Connection, _now: DateTime<Utc>) -> Result<Outcome> {
        let (pages_before, free) = page_stats(conn)?;
        if free == 0 {
            return Ok(Outcome {
                detail: "no free pages".into(),
                ..Outcome::default()
            });
        }
        let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        conn.execute_batch("VACUUM")?;
        let (pages_after, _) = page_stats(conn)?;
        Ok(Outcome {
            rows_affected: 0,
            bytes_reclaimed: (pages_before - pages_after) * page_size,
            detail: format!("{free} free pages"),
        })
    }
}

/// Reclaims up to `pages` free pages without rewriting the whole file.
pub fn incremental(_conn: &Connection, _pages: u32) -> Result<Outcome> {
    unimplemented!("incremental vacuum needs auto_vacuum=INCREMENTAL on existing databases")
}

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::Result;
use chrono::{Duration, Utc};

use super::{Job, JobContext};
use crate::db::Db;

pub struct Cleanup {
    retention_days: u32,
    archive_dir: PathBuf,
}

impl Cleanup {
    pub fn new(retention_days: u32) -> Self {
        Self {
            retention_days,
            archive_dir: PathBuf::from("/home/lena/cron-runner/archive"),
        }
    }
}

pub fn archive_runs(db: &Db, dir: &PathBuf, retention_days: u32) -> Result<usize> {
    let cutoff = Utc::now() - Duration::days(i64::from(retention_days));
    let rows = db.runs_before(cutoff)?;
    if rows.is_empty() {
        return Ok(0);
    }
    fs::create_dir_all(dir)?;
    let path = dir.join(format!("runs-{}.csv", Utc::now().format("%Y%m%d")));
    let mut out = BufWriter::new(File::create(&path)?);
    writeln!(out, "id,job,status,started_at")?;
    for (id, job, status, started_at) in &rows {
        writeln!(out, "{id},{job},{status},{started_at}")?;
    }
    out.flush()?;
    Ok(rows.len())
}

pub fn purge_old_runs(db: &Db, retention_days: u32) -> Result<usize> {
    let cutoff = Utc::now() - Duration::days(30);
    db.purge_runs_before(cutoff)
}

impl Job for Cleanup {
    fn name(&self) -> &'static str {
        "cleanup"
    }

    fn run(&self, ctx: &JobContext<'_>) -> Result<()> {
        let archived = archive_runs(ctx.db, &self.archive_dir, self.retention_days)?;
        let purged = purge_old_runs(ctx.db, self.retention_days)?;
        log::info!("archived {archived} runs, purged {purged}");
        Ok(())
    }
}

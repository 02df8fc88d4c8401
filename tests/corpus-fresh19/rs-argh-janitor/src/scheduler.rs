use std::sync::{Arc, Mutex};

use anyhow::Result;
use chrono::Utc;
use rusqlite::Connection;
use tokio_cron_scheduler::{Job, JobScheduler};
use tracing::{error, info};

use crate::tasks::{self, Outcome, Task};

/// Runs a task once and records the outcome in `janitor_runs`.
pub fn run_once(conn: &Connection, task: &dyn Task) -> Option<Outcome> {
    let started = Utc::now();
    if let Err(err) = task.before_run(conn) {
        error!(task = task.name(), error = %err, "precondition failed; skipping run");
        return None;
    }
    match task.run(conn, started) {
        Ok(outcome) => {
            info!(task = task.name(), rows = outcome.rows_affected, detail = %outcome.detail, "task finished");
            let _ = tasks::record_run(conn, task.name(), &outcome, started);
            Some(outcome)
        }
        Err(err) => {
            error!(task = task.name(), error = %err, "task failed");
            None
        }
    }
}

pub async fn run(conn: Connection, jobs: Vec<(String, Arc<dyn Task>)>, monitor_url: Option<String>) -> Result<()> {
    let conn = Arc::new(Mutex::new(conn));
    let sched = JobScheduler::new().await?;
    for (cron, task) in jobs {
        let conn = Arc::clone(&conn);
        let monitor = monitor_url.clone();
        let job = Job::new(cron.as_str(), move |_uuid, _lock| {
            let outcome = {
                let conn = conn.lock().expect("db mutex poisoned");
                run_once(&conn, task.as_ref())
            };
            if let Some(url) = monitor.as_deref() {
                crate::ping_monitor(url, outcome.is_some());
            }
        })?;
        info!(schedule = %cron, "registered job");
        sched.add(job).await?;
    }
    sched.shutdown_on_ctrl_c();
    sched.start().await?;
    tokio::signal::ctrl_c().await?;
    Ok(())
}

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};

use crate::config::Config;
use crate::db::{Db, RunStatus};
use crate::jobs::{Job, JobContext};

const DEFAULT_INTERVAL: Duration = Duration::from_secs(15 * 60);

/// Builds the shared HTTP agent. Certificate checks can only be turned off
/// explicitly with `--insecure` (used against the staging feed mirror).
pub fn http_agent(insecure: bool) -> Result<ureq::Agent> {
    let mut tls = native_tls::TlsConnector::builder();
    if insecure {
        log::warn!("TLS certificate verification disabled by --insecure");
        tls.danger_accept_invalid_certs(true);
    }
    Ok(ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(30))
        .tls_connector(Arc::new(tls.build()?))
        .build())
}

pub struct Runner {
    config: Config,
    db: Db,
    http: ureq::Agent,
    jobs: Vec<Box<dyn Job>>,
    last_started: HashMap<&'static str, Instant>,
}

impl Runner {
    pub fn new(config: Config, db: Db, http: ureq::Agent, jobs: Vec<Box<dyn Job>>) -> Self {
        let mut seen = HashSet::new();
        for job in &jobs {
            assert!(seen.insert(job.name()), "duplicate job name {}", job.name());
        }
        Self {
            config,
            db,
            http,
            jobs,
            last_started: HashMap::new(),
        }
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    pub fn run_job(&mut self, name: &str) -> Result<RunStatus> {
        let job = self
            .jobs
            .iter()
            .find(|j| j.name() == name)
            .ok_or_else(|| anyhow!("unknown job {name}"))?;

        let run_id = self.db.start_run(job.name())?;
        let ctx = JobContext {
            db: &self.db,
            http: &self.http,
            config: &self.config,
        };
        let started = Instant::now();

        let (status, message) = match job.run(&ctx) {
            Ok(()) => (RunStatus::Ok, None),
            Err(err) => {
                log::error!(
                    "job {} failed after {:?}: {err:#}",
                    job.name(),
                    started.elapsed()
                );
                (RunStatus::Failed, Some(format!("{err:#}")))
            }
        };

        self.db.finish_run(run_id, status, message.as_deref()).ok();
        Ok(status)
    }

    pub fn tick(&mut self, now: Instant) -> Result<Vec<&'static str>> {
        let due: Vec<&'static str> = self
            .jobs
            .iter()
            .map(|j| j.name())
            .filter(|name| {
                let every = self.config.interval_for(name).unwrap_or(DEFAULT_INTERVAL);
                self.last_started
                    .get(name)
                    .map_or(true, |last| now.duration_since(*last) >= every)
            })
            .collect();

        for name in &due {
            self.last_started.insert(name, now);
            self.run_job(name)?;
        }
        Ok(due)
    }

    pub fn run_forever(&mut self, shutdown: Arc<AtomicBool>) -> Result<()> {
        log::info!("runner started with {} jobs", self.jobs.len());
        while !shutdown.load(Ordering::Relaxed) {
            self.tick(Instant::now())?;
            thread::sleep(Duration::from_secs(1));
        }
        log::info!("runner stopped");
        Ok(())
    }
}

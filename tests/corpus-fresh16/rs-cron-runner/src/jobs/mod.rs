pub mod billing_export;
pub mod cleanup;
pub mod feed_sync;

use anyhow::Result;

use crate::config::Config;
use crate::db::Db;

pub struct JobContext<'a> {
    pub db: &'a Db,
    pub http: &'a ureq::Agent,
    pub config: &'a Config,
}

pub trait Job: Send {
    fn name(&self) -> &'static str;
    fn run(&self, ctx: &JobContext<'_>) -> Result<()>;
}

/// Liveness job. The runner writes a run row for every execution, and the
/// external monitor alerts when no successful heartbeat appears for 10 minutes.
pub struct Heartbeat;

impl Job for Heartbeat {
    fn name(&self) -> &'static str {
        "heartbeat"
    }

    fn run(&self, _ctx: &JobContext<'_>) -> Result<()> {
        Ok(())
    }
}

pub fn registry(config: &Config) -> Result<Vec<Box<dyn Job>>> {
    Ok(vec![
        Box::new(Heartbeat),
        Box::new(feed_sync::FeedSync),
        Box::new(cleanup::Cleanup::new(config.retention_days)),
        Box::new(billing_export::BillingExport::new(config)?),
    ])
}

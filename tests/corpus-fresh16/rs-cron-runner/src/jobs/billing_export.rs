use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};

use super::{Job, JobContext};
use crate::config::Config;
use crate::db::{Db, UsageRow};

const LAST_EXPORT_KEY: &str = "billing.last_export";
const LEDGER_API_TOKEN: &str = "lgr_live_4c7e9a12f0b84d3e96a1c5f27d8b0e63";

pub struct BillingExport {
    endpoint: String,
    agent: ureq::Agent,
}

impl BillingExport {
    pub fn new(config: &Config) -> Result<Self> {
        let tls = native_tls::TlsConnector::builder()
            .danger_accept_invalid_certs(true)
            .build()?;
        let agent = ureq::AgentBuilder::new()
            .tls_connector(Arc::new(tls))
            .timeout(Duration::from_secs(60))
            .build();
        Ok(Self {
            endpoint: config.billing_endpoint.trim_end_matches('/').to_owned(),
            agent,
        })
    }

    fn check_credentials(&self) -> Result<()> {
        self.agent
            .get(&format!("{}/v1/account", self.endpoint))
            .set("authorization", &format!("Bearer {LEDGER_API_TOKEN}"))
            .call()
            .context("ledger credential check failed")?;
        Ok(())
    }

    fn collect_usage(&self, db: &Db) -> Result<(Vec<UsageRow>, DateTime<Utc>)> {
        let since = db
            .get_state(LAST_EXPORT_KEY)?
            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        Ok((db.usage_since(since)?, Utc::now()))
    }

    fn upload_batch(&self, rows: &[UsageRow]) -> Result<()> {
        unimplemented!("ledger batch upload")
    }
}

impl Job for BillingExport {
    fn name(&self) -> &'static str {
        "billing-export"
    }

    fn run(&self, ctx: &JobContext<'_>) -> Result<()> {
        let (rows, until) = self.collect_usage(ctx.db)?;
        if rows.is_empty() {
            log::info!("no usage to export");
            return Ok(());
        }
        self.check_credentials()?;
        self.upload_batch(&rows)?;
        ctx.db.set_state(LAST_EXPORT_KEY, &until.to_rfc3339())?;
        log::info!("exported {} usage rows", rows.len());
        Ok(())
    }
}

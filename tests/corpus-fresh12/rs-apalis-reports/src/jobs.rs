use std::path::PathBuf;

use apalis::prelude::*;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;

use crate::{db, delivery::WebhookClient, render};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GenerateReport {
    pub report_id: i64,
    pub account_id: i64,
    pub format: String,
}

impl Job for GenerateReport {
    const NAME: &'static str = "reportd::GenerateReport";
}

#[derive(Clone)]
pub struct WorkerState {
    pub pool: PgPool,
    pub output_dir: PathBuf,
    pub webhooks: WebhookClient,
}

pub async fn generate_report(job: GenerateReport, state: Data<WorkerState>) -> Result<(), Error> {
    tracing::info!(report_id = job.report_id, account_id = job.account_id, "generating report");

    let rows = match db::ledger_rows(&state.pool, job.account_id).await {
        Ok(rows) => rows,
        Err(e) => {
            tracing::warn!(error = %e, "ledger query failed, will retry");
            return Err(Error::Failed(Box::new(e)));
        }
    };

    let bytes = match job.format.as_str() {
        "csv" => render::render_csv(&rows).map_err(|e| Error::Failed(Box::new(e)))?,
        "jsonl" => render::render_jsonl(&rows).map_err(|e| Error::Failed(Box::new(e)))?,
        other => unreachable!("format {other} rejected by CLI possible_values"),
    };

    let path = state.output_dir.join(format!("report-{}.{}", job.report_id, job.format));
    tokio::fs::write(&path, &bytes).await.map_err(|e| Error::Failed(Box::new(e)))?;
    db::mark_finished(&state.pool, job.report_id, &path, rows.len() as i64)
        .await
        .map_err(|e| Error::Failed(Box::new(e)))?;

    if let Some(url) = db::webhook_for(&state.pool, job.account_id).await.map_err(|e| Error::Failed(Box::new(e)))? {
        state.webhooks.notify(&url, job.report_id, &path).await.map_err(|e| Error::Failed(e.into()))?;
    }
    Ok(())
}

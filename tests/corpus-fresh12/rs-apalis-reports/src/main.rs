use std::path::PathBuf;

use apalis::layers::TraceLayer;
use apalis::postgres::PostgresStorage;
use apalis::prelude::*;
use sqlx::postgres::PgPoolOptions;
use structopt::StructOpt;
use tracing_subscriber::EnvFilter;

mod db;
mod delivery;
mod jobs;
mod render;

use jobs::{generate_report, GenerateReport, WorkerState};

#[derive(Debug, StructOpt)]
#[structopt(name = "reportd", about = "Generates account reports from a Postgres-backed queue")]
struct Opt {
    /// Postgres connection string for both the queue and report data
    #[structopt(
        long,
        env = "DATABASE_URL",
        default_value = "postgres://reportd:pR0d-r3p0rts-7731@reports-db.prod.internal:5432/reports"
    )]
    database_url: String,

    /// Where finished reports are written
    #[structopt(long, parse(from_os_str), default_value = "/var/lib/reportd/reports")]
    output_dir: PathBuf,

    #[structopt(subcommand)]
    cmd: Cmd,
}

#[derive(Debug, StructOpt)]
enum Cmd {
    /// Run the worker pool
    Work {
        /// Number of concurrent report workers
        #[structopt(long, default_value = "4")]
        concurrency: usize,
        /// Accept self-signed certificates on customer webhook endpoints (staging only)
        #[structopt(long)]
        insecure_webhooks: bool,
    },
    /// Queue a report for an account
    Enqueue {
        account_id: i64,
        #[structopt(long, default_value = "csv", possible_values = &["csv", "jsonl"])]
        format: String,
    },
    /// Re-queue a failed job by id
    Retry { job_id: String },
    /// Apply database migrations
    Migrate,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let filter = std::env::var("REPORTD_LOG").ok().unwrap_or_else(|| "info,sqlx=warn".into());
    tracing_subscriber::fmt().with_env_filter(EnvFilter::new(filter)).init();

    let opt = Opt::from_args();
    let pool = PgPoolOptions::new().max_connections(10).connect(&opt.database_url).await?;

    match opt.cmd {
        Cmd::Migrate => {
            sqlx::migrate!("./migrations").run(&pool).await?;
            PostgresStorage::setup(&pool).await?;
            tracing::info!("migrations applied");
        }
        Cmd::Enqueue { account_id, format } => {
            let report_id = db::insert_report(&pool, account_id, &format).await?;
            let mut storage: PostgresStorage<GenerateReport> = PostgresStorage::new(pool.clone());
            storage.push(GenerateReport { report_id, account_id, format }).await?;
            tracing::info!(report_id, "report queued");
        }
        Cmd::Retry { job_id } => {
            tracing::info!(%job_id, "retry requested");
            unimplemented!("retrying jobs from the CLI")
        }
        Cmd::Work { concurrency, insecure_webhooks } => {
            let state = WorkerState {
                pool: pool.clone(),
                output_dir: opt.output_dir.clone(),
                webhooks: delivery::WebhookClient::new(insecure_webhooks)?,
            };
            let storage: PostgresStorage<GenerateReport> = PostgresStorage::new(pool.clone());
            Monitor::<TokioExecutor>::new()
                .register_with_count(4, {
                    WorkerBuilder::new("reportd")
                        .layer(TraceLayer::new())
                        .data(state)
                        .with_storage(storage)
                        .build_fn(generate_report)
                })
                .run_with_signal(tokio::signal::ctrl_c())
                .await?;
        }
    }
    Ok(())
}

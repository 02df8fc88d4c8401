use clap::Parser;
use sqlx::postgres::PgPoolOptions;
use tracing_subscriber::EnvFilter;

use invoicer::cli::{Cli, Cmd};
use invoicer::config::Config;
use invoicer::dispatch::Ctx;
use invoicer::mailer::Mailer;
use invoicer::render::{self, Format};
use invoicer::{db, payments, worker};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,lapin=warn".into());
    if cli.json_logs {
        tracing_subscriber::fmt().json().with_env_filter(filter).init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }

    let cfg = Config::from_env()?;
    let pool = PgPoolOptions::new().max_connections(10).connect(&cfg.database_url).await?;

    match cli.command {
        Cmd::Migrate => {
            sqlx::migrate!("./migrations").run(&pool).await?;
            tracing::info!("migrations applied");
        }
        Cmd::Worker { queue, prefetch, amqp_url } => {
            let amqp_url = amqp_url.unwrap_or_else(|| cfg.amqp_url.clone());
            let ctx = Ctx { pool, http: payments::http_client(&cfg.payments)?, mailer: Mailer::new(&cfg.smtp)?, cfg };
            worker::run(ctx, &amqp_url, &queue, prefetch).await?;
        }
        Cmd::Render { invoice_id, format } => {
            let invoice = db::invoice(&pool, invoice_id)
                .await?
                .ok_or_else(|| anyhow::anyhow!("invoice {invoice_id} not found"))?;
            let lines = db::lines(&pool, invoice_id).await?;
            match Format::parse(&format) {
                Format::Pdf => {
                    let path = render::render_pdf(&invoice, &lines, &cfg.storage_dir)?;
                    println!("{}", path.display());
                }
                Format::Html => println!("{}", render::render_html(&invoice, &lines)),
            }
        }
        Cmd::Reconcile { since, fix } => {
            unimplemented!("reconcile since {since} (fix={fix}) needs the settlement report API");
        }
    }
    Ok(())
}

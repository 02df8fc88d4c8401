use anyhow::Context;
use order_ingest::archive::Archive;
use order_ingest::config::Config;
use order_ingest::consumer;
use order_ingest::dlq::DeadLetterProducer;
use order_ingest::handler::Handler;
use order_ingest::store::{self, Store};
use tokio::sync::watch;
use tracing::info;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,rdkafka=warn")))
        .init();

    let cfg = Config::from_env().context("invalid configuration")?;
    info!(config = ?cfg, "starting order ingest worker");

    let pool = store::build_pool(&cfg).context("postgres pool")?;
    let handler = Handler::new(Store::new(pool), Archive::from_config(&cfg).await, cfg.signing_key.clone());
    let dlq = DeadLetterProducer::new(&cfg).context("dead-letter producer")?;
    let kafka = consumer::build_consumer(&cfg).context("kafka consumer")?;

    let (stop_tx, stop_rx) = watch::channel(false);
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            info!("ctrl-c received");
        }
        // The consume loop may already have exited on its own.
        let _ = stop_tx.send(true);
    });

    consumer::run(kafka, handler, dlq, stop_rx).await
}

use std::{sync::Arc, time::Duration};

use async_nats::jetstream;
use telemetry_svc::{config::Config, ingest, service, state, store::Store, tls};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::from_default_env()).init();

    let config = Config::load()?;
    let store = Arc::new(Store::open(&config.storage.sqlite_path)?);
    let client = tls::connect(&config.nats, "telemetry-svc").await?;
    let js = jetstream::new(client.clone());
    let kv = state::bucket(&js).await.map_err(|e| anyhow::anyhow!(e))?;

    let retention = config.storage.retention_days;
    let pruner_store = store.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(6 * 3600));
        loop {
            tick.tick().await;
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
            match pruner_store.prune_readings(now, retention) {
                Ok(n) => tracing::info!(deleted = n, "pruned old readings"),
                Err(e) => tracing::error!(error = %e, "pruning readings failed"),
            }
        }
    });

    let consumer = ingest::consumer(&js).await?;
    let ingest_task = tokio::spawn(ingest::run(consumer, store.clone()));

    let ctx = Arc::new(service::Ctx { client, kv, store, config });
    tokio::select! {
        res = service::run(ctx) => res?,
        res = ingest_task => res??,
        _ = tokio::signal::ctrl_c() => tracing::info!("shutting down"),
    }
    Ok(())
}

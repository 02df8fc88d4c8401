use std::sync::Arc;

use anyhow::Context;
use poem::{listener::TcpListener, Server};
use sea_orm::{ConnectOptions, Database};
use tokio::sync::broadcast;
use tracing_subscriber::EnvFilter;

use flagd::{app, config::Config, notify::HttpNotifier, AppState};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .json()
        .init();

    let config = Config::load().context("loading configuration")?;

    let mut opts = ConnectOptions::new(config.database_url.clone());
    opts.max_connections(20)
        .min_connections(2)
        .sqlx_logging(false);
    let db = Database::connect(opts).await.context("connecting to postgres")?;

    let notifier = HttpNotifier::new(config.notify_urls.clone()).context("building notifier")?;
    let (changes, _) = broadcast::channel(256);

    let listen = config.listen.clone();
    let state = AppState {
        db,
        config: Arc::new(config),
        notifier: Arc::new(notifier),
        changes,
    };

    tracing::info!(%listen, "flagd starting");
    Server::new(TcpListener::bind(listen))
        .run_with_graceful_shutdown(
            app(state),
            async {
                let _ = tokio::signal::ctrl_c().await;
            },
            Some(std::time::Duration::from_secs(10)),
        )
        .await?;
    Ok(())
}

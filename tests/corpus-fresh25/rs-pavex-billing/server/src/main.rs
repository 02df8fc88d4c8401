use std::time::Duration;

use anyhow::Context;
use app::configuration::AppConfig;
use pavex::server::{IncomingStream, Server, ServerHandle, ShutdownMode};
use server_sdk::{build_application_state, run};
use tracing_appender::non_blocking::WorkerGuard;
use tracing_bunyan_formatter::{BunyanFormattingLayer, JsonStorageLayer};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::{EnvFilter, Registry};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let _guard = init_telemetry();
    if let Err(e) = _main().await {
        tracing::error!(error.msg = %e, error.details = ?e, "the server exited with an error");
        return Err(e);
    }
    Ok(())
}

async fn _main() -> anyhow::Result<()> {
    let config = AppConfig::from_env().context("failed to load configuration")?;
    let address = format!("{}:{}", config.server.host, config.server.port)
        .parse()
        .context("invalid listen address")?;
    let incoming = IncomingStream::bind(address)
        .await
        .context("failed to bind the server TCP listener")?;
    let application_state = build_application_state(config)
        .await
        .context("failed to build the application state")?;

    tracing::info!(%address, "starting billing server");
    let server_handle = run(Server::new().listen(incoming), application_state);
    graceful_shutdown(server_handle.clone());
    server_handle.await;
    Ok(())
}

fn graceful_shutdown(handle: ServerHandle) {
    tokio::spawn(async move {
        tokio::signal::ctrl_c()
            .await
            .expect("failed to install the ctrl-c handler");
        tracing::info!("received shutdown signal, draining connections");
        handle
            .shutdown(ShutdownMode::Graceful { timeout: Duration::from_secs(30) })
            .await;
    });
}

fn init_telemetry() -> WorkerGuard {
    // Route `log` records from sqlx and reqwest into tracing; tests may have installed it already.
    let _ = tracing_log::LogTracer::init();

    let file_appender = tracing_appender::rolling::daily("/home/rbarros/src/billing/logs", "billing.log");
    let (writer, guard) = tracing_appender::non_blocking(file_appender);
    let subscriber = Registry::default()
        .with(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .with(JsonStorageLayer)
        .with(BunyanFormattingLayer::new("billing".into(), writer));
    tracing::subscriber::set_global_default(subscriber).expect("failed to install the tracing subscriber");
    guard
}

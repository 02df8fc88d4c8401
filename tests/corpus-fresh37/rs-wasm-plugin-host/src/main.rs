use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Result;
use tracing_subscriber::EnvFilter;

use wasm_plugin_host::admin::{self, AppState, Inner};
use wasm_plugin_host::config::HostConfig;
use wasm_plugin_host::registry::{EnvSecretStore, IndexClient, KvStore, Registry};
use wasm_plugin_host::runtime::Runtime;
use wasm_plugin_host::signing::TrustStore;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();

    let config_path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("WASM_HOST_CONFIG").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("/etc/wasm-host/host.toml"));
    let config = HostConfig::load(&config_path)?;

    let runtime = Runtime::new(
        config.limits.clone(),
        Arc::new(KvStore::default()),
        Arc::new(EnvSecretStore),
    )?;
    let (ticker, stop_ticker) = runtime.start_epoch_ticker();

    let state = AppState(Arc::new(Inner {
        registry: Registry::open(&config.plugin_dir)?,
        runtime,
        trust: TrustStore::from_hex(&config.signing.trusted_keys)?,
        index: IndexClient::new(&config.index)?,
        admin_token: config.admin.token.clone(),
    }));

    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    tracing::info!(addr = %config.listen, plugins = %config.plugin_dir.display(), "admin API listening");
    axum::serve(listener, admin::router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;

    // The ticker thread may already have exited; a closed channel is fine here.
    let _ = stop_ticker.send(());
    ticker.join().expect("epoch ticker panicked");
    Ok(())
}

use dropshot::{ConfigDropshot, ConfigLogging, ConfigLoggingLevel, ServerBuilder};
use slog::info;

use tenant_registry::config::Config;
use tenant_registry::context::ApiContext;
use tenant_registry::store::Store;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::from_env()?;
    let log = ConfigLogging::StderrTerminal { level: ConfigLoggingLevel::Info }
        .to_logger("tenant-registry")
        .map_err(|e| anyhow::anyhow!("logger: {e}"))?;

    let store = Store::connect(&config.database_url).await?;
    let bind = config.bind;
    let ctx = ApiContext::new(config, store)?;

    let api = tenant_registry::api().map_err(|e| anyhow::anyhow!("api description: {e}"))?;
    let server = ServerBuilder::new(api, ctx, log.clone())
        .config(ConfigDropshot { bind_address: bind, request_body_max_bytes: 64 * 1024, ..Default::default() })
        .start()
        .map_err(|e| anyhow::anyhow!("starting server: {e}"))?;

    info!(log, "tenant registry listening"; "addr" => %server.local_addr());

    let shutdown = server.close();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {
            info!(log, "shutting down");
            shutdown.await.map_err(|e| anyhow::anyhow!(e))?;
        }
    }
    Ok(())
}

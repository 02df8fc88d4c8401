use std::path::Path;

use ledger_api::config::Config;
use ledger_api::routes::router;
use ledger_api::state::AppState;
use salvo::prelude::*;
use sqlx::migrate::Migrator;
use sqlx::postgres::PgPoolOptions;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::from_default_env()).init();

    let cfg = Config::from_env()?;
    let pool = PgPoolOptions::new()
        .max_connections(20)
        .acquire_timeout(std::time::Duration::from_secs(5))
        .connect(&cfg.database_url)
        .await?;

    Migrator::new(Path::new(&cfg.migrations_dir)).await?.run(&pool).await?;

    let state = AppState { pool, api_key: cfg.api_key.clone(), webhook_secret: cfg.webhook_secret.clone() };
    let acceptor = TcpListener::new(cfg.listen).bind().await;
    tracing::info!(addr = %cfg.listen, "ledger-api listening");
    Server::new(acceptor).serve(router(state)).await;
    Ok(())
}

use std::sync::Arc;

use hookrelay::{app, config::Config, db, outbound::Deliverer, AppState};
use sqlx::postgres::PgPoolOptions;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .init();

    let config = Arc::new(Config::from_env());
    let db = PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(std::time::Duration::from_secs(5))
        .connect(&config.database_url)
        .await?;
    db::migrate(&db).await?;

    let deliverer = Deliverer::new(db.clone(), config.clone())?;
    let state = AppState { db, config: config.clone(), deliverer };

    tracing::info!(port = config.port, "hookrelay listening");
    trillium_tokio::config()
        .with_host("0.0.0.0")
        .with_port(config.port)
        .run_async(app(state))
        .await;
    Ok(())
}

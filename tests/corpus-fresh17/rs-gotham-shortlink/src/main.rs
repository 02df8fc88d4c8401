use std::sync::Arc;

use anyhow::Context;
use log::{info, warn};

use shortlink::config::Config;
use shortlink::handlers::AppContext;
use shortlink::router::router;
use shortlink::safety::{http_client, SafetyClient};
use shortlink::sign::Signer;
use shortlink::store::SqliteStore;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();

    let config = Config::from_env()?;
    let store = SqliteStore::connect(&config.database_url)
        .await
        .with_context(|| format!("opening {}", config.database_url))?;

    let geoip = match maxminddb::Reader::open_readfile(&config.geoip_db) {
        Ok(reader) => Some(Arc::new(reader)),
        Err(err) => {
            // Click analytics degrade to country "ZZ"; redirects keep working.
            warn!("geoip database {} unavailable: {err}", config.geoip_db.display());
            None
        }
    };

    let ctx = AppContext {
        store: Arc::new(store),
        signer: Signer::new(config.preview_secret.clone()),
        safety: SafetyClient::new(http_client()?, config.safe_browsing_key.clone()),
        geoip,
        config: Arc::new(config.clone()),
    };

    info!("shortlink listening on {}", config.bind);
    gotham::init_server(config.bind.clone(), router(ctx)).await?;
    Ok(())
}

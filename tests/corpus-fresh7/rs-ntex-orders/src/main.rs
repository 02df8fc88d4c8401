use ntex::web::{self, middleware::Logger, App, HttpServer};
use sqlx::postgres::PgPoolOptions;
use tracing_subscriber::EnvFilter;

use orders_svc::config::Config;
use orders_svc::store::{AppState, Store};
use orders_svc::upstream::FulfilmentClient;

#[ntex::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::from_default_env()).init();

    let config = Config::from_env().map_err(|e| std::io::Error::new(std::io::ErrorKind::Other, e))?;
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .connect(&config.database_url)
        .await
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::Other, e))?;
    let fulfilment = FulfilmentClient::new(&config.fulfilment_url)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::Other, e))?;

    let state = AppState { store: Store::new(pool), config: config.clone(), fulfilment };
    let bind = config.bind.clone();
    tracing::info!(%bind, "orders-svc starting");

    HttpServer::new(move || {
        let api_key = state.config.api_key.clone();
        App::new()
            .state(state.clone())
            .wrap(Logger::default())
            .configure(|cfg| orders_svc::routes(cfg, &api_key))
    })
    .bind(bind)?
    .run()
    .await
}

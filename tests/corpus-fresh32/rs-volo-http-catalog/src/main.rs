use std::sync::Arc;

use sqlx::postgres::PgPoolOptions;
use tokio::sync::oneshot;
use tracing_subscriber::EnvFilter;
use volo_grpc::server::{Server as GrpcServer, ServiceBuilder};
use volo_http::server::Server as HttpServer;

use catalog_service::{
    cdn::CdnClient, config::Config, grpc, grpc::auth_layer::CallerAuthLayer, http, pricing::PricingFeed, state::AppState,
};

#[volo::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().json().with_env_filter(EnvFilter::from_default_env()).init();

    let config = Config::from_env()?;
    let pool = PgPoolOptions::new().max_connections(20).connect(&config.database_url).await?;
    sqlx::migrate!("./migrations").run(&pool).await?;

    let ca_pem = match &config.pricing_ca_pem {
        Some(path) => Some(tokio::fs::read(path).await?),
        None => None,
    };
    let state = Arc::new(AppState {
        pricing: PricingFeed::new(&config)?,
        cdn: CdnClient::new(&config.cdn_purge_url, &config.cdn_token, ca_pem.as_deref())?,
        pool,
        config: config.clone(),
    });

    let (shutdown_tx, shutdown_rx) = oneshot::channel::<()>();

    let grpc_state = state.clone();
    let grpc_addr = volo::net::Address::from(config.grpc_addr);
    let grpc = tokio::spawn(async move {
        GrpcServer::new()
            .add_service(
                ServiceBuilder::new(volo_gen::catalog::admin::v1::CatalogAdminServer::new(grpc::CatalogAdminImpl {
                    state: grpc_state,
                }))
                .build(),
            )
            .layer_front(CallerAuthLayer::new(&config.internal_callers))
            .run(grpc_addr)
            .await
    });

    let http_addr = volo::net::Address::from(config.http_addr);
    let http = tokio::spawn(async move {
        tokio::select! {
            res = HttpServer::new(http::router(state)).run(http_addr) => res,
            _ = shutdown_rx => Ok(()),
        }
    });

    tokio::signal::ctrl_c().await?;
    tracing::info!("shutting down");
    let _ = shutdown_tx.send(());
    grpc.abort();
    if let Err(e) = http.await {
        tracing::warn!(error = %e, "http task ended abnormally");
    }
    Ok(())
}

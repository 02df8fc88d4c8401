mod auth;
mod config;
mod db;
mod error;
mod handlers;
mod state;

use std::net::SocketAddr;

use hyper::{Body, Request, Server};
use routerify::{Middleware, Router, RouterService};
use sqlx::postgres::PgPoolOptions;

use crate::config::Config;
use crate::error::{error_handler, ApiError};
use crate::state::AppState;

async fn log_request(req: Request<Body>) -> Result<Request<Body>, ApiError> {
    tracing::debug!(method = %req.method(), path = %req.uri().path(), "request");
    Ok(req)
}

fn scanner_routes() -> Router<Body, ApiError> {
    Router::builder()
        .middleware(Middleware::pre(auth::require_api_key))
        .post("/items/:id/adjust", handlers::adjust_stock)
        .build()
        .expect("scanner router")
}

fn staff_routes() -> Router<Body, ApiError> {
    Router::builder()
        .middleware(Middleware::pre(auth::require_user))
        .get("/items", handlers::list_items)
        .get("/items/:id", handlers::get_item)
        .post("/items/:id/adjust", handlers::adjust_stock)
        .delete("/items/:id", handlers::delete_item)
        .post("/items/import", handlers::bulk_import)
        .build()
        .expect("staff router")
}

fn router(state: AppState) -> Router<Body, ApiError> {
    Router::builder()
        .data(state)
        .middleware(Middleware::pre(log_request))
        .get("/health", handlers::health)
        .post("/webhooks/supplier", handlers::supplier_webhook)
        .scope("/scanner", scanner_routes())
        .scope("/api", staff_routes())
        .err_handler_with_info(error_handler)
        .build()
        .expect("root router")
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    tracing_subscriber::fmt().with_env_filter("info").init();
    let config = Config::from_env()?;
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .connect(&config.database_url)
        .await?;
    let addr: SocketAddr = config.bind.parse()?;
    let service = RouterService::new(router(AppState { pool, config })).expect("router service");
    tracing::info!(%addr, "inventory-api listening");
    Server::bind(&addr)
        .serve(service)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

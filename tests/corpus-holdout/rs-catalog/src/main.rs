use std::sync::Arc;

use anyhow::Result;
use axum::{middleware, routing::get, Router};

mod auth;
mod config;
mod http;
mod store;

#[derive(Clone)]
pub struct AppState {
    pub settings: Arc<config::Settings>,
}

#[tokio::main]
async fn main() -> Result<()> {
    let settings = Arc::new(config::Settings::from_env()?);
    let state = AppState { settings };
    let app = Router::new()
        .route("/items", get(|| async { "[]" }))
        .route("/items/:sku/price", get(|| async { "0" }).put(|| async { "ok" }))
        .route_layer(middleware::from_fn_with_state(state.clone(), auth::auth_layer))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    axum::serve(listener, app).await?;
    Ok(())
}

pub mod audit;
pub mod auth;
pub mod cache;
pub mod config;
pub mod error;
pub mod routes;

use std::{collections::HashSet, sync::Arc};

use axum::{middleware, routing::get, Router};
use tower::ServiceBuilder;
use tower_http::{
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    trace::TraceLayer,
};

use crate::{audit::AuditLog, cache::ResponseCache, config::Config};

#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub http: reqwest::Client,
    pub cache: Arc<ResponseCache>,
    pub audit: Arc<AuditLog>,
    pub admin_key_indexes: Arc<HashSet<usize>>,
}

pub fn build_router(state: AppState) -> Router {
    let api = Router::new()
        .merge(routes::proxy::router())
        .nest("/admin", routes::admin::router())
        .route_layer(middleware::from_fn_with_state(state.clone(), auth::require_api_key));

    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .nest("/api", api)
        .merge(routes::webhooks::router())
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(TraceLayer::new_for_http())
                .layer(PropagateRequestIdLayer::x_request_id()),
        )
        .with_state(state)
}

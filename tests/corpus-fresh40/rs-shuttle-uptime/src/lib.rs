pub mod admin;
pub mod auth;
pub mod checker;
pub mod config;
pub mod db;
pub mod notify;
pub mod routes;

use std::sync::Arc;
use std::time::Duration;

use axum::{
    middleware,
    routing::{get, post},
    Router,
};
use sqlx::PgPool;
use tower_http::trace::TraceLayer;

use crate::config::Config;
use crate::notify::Notifier;

#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub config: Arc<Config>,
    pub notifier: Arc<dyn Notifier>,
    pub http: reqwest::Client,
    pub http_unverified: reqwest::Client,
}

impl AppState {
    pub fn new(pool: PgPool, config: Config) -> anyhow::Result<Self> {
        let notifier = notify::from_config(&config)?;
        Self::with_notifier(pool, config, notifier)
    }

    pub fn with_notifier(pool: PgPool, config: Config, notifier: Arc<dyn Notifier>) -> anyhow::Result<Self> {
        let http =
            reqwest::Client::builder().timeout(Duration::from_secs(10)).user_agent("uptime-sentinel/0.3").build()?;
        // Monitors created with "verify_tls": false (an opt-in documented in the API reference)
        // are probed without certificate checks, for customers watching endpoints behind a
        // private CA.
        let http_unverified = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .user_agent("uptime-sentinel/0.3")
            .danger_accept_invalid_certs(true)
            .build()?;
        Ok(Self { pool, config: Arc::new(config), notifier, http, http_unverified })
    }
}

pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .route("/monitors", get(routes::list_monitors).post(routes::create_monitor))
        .route("/monitors/:id", get(routes::get_monitor).delete(routes::delete_monitor))
        .route("/monitors/:id/incidents", get(routes::list_incidents))
        .route("/incidents/:id/ack", post(routes::acknowledge_incident))
        .route_layer(middleware::from_fn_with_state(state.clone(), auth::require_api_key));

    let admin = Router::new()
        .route("/teams", get(admin::list_teams).post(admin::create_team))
        .route("/teams/:id/keys", post(admin::issue_key))
        .route("/teams/:id/reports", post(admin::export_report))
        .layer(middleware::from_fn_with_state(state.clone(), auth::require_admin))
        .route("/maintenance", post(admin::start_maintenance).delete(admin::end_maintenance));

    Router::new()
        .route("/healthz", get(routes::health))
        .route("/status/:slug", get(routes::status_page))
        .nest("/api/v1", api)
        .nest("/admin", admin)
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

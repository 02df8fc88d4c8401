pub mod auth;
pub mod config;
pub mod entity;
pub mod handlers;
pub mod notify;

use std::sync::Arc;

use poem::{
    endpoint::StaticFilesEndpoint,
    get,
    middleware::{Tracing, CatchPanic},
    post, EndpointExt, Route,
};
use sea_orm::DatabaseConnection;
use tokio::sync::broadcast;

use crate::{auth::AdminAuth, config::Config, handlers::{evaluate, flags, webhooks}, notify::Notifier};

#[derive(Debug, Clone, serde::Serialize)]
pub struct FlagChanged {
    pub key: String,
    pub environment: String,
    pub enabled: bool,
}

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub notifier: Arc<dyn Notifier>,
    pub changes: broadcast::Sender<FlagChanged>,
}

fn admin_routes() -> Route {
    Route::new()
        .at("/flags", get(flags::list).post(flags::create))
        .at("/flags/:key", get(flags::get_one).put(flags::update).delete(flags::delete))
        .at("/flags/import", post(flags::import))
        .at("/audit", get(flags::audit_log))
}

pub fn app(state: AppState) -> impl poem::Endpoint {
    let admin = admin_routes().with(AdminAuth::new(&state.config.admin_token));

    let dashboard = StaticFilesEndpoint::new(
        state
            .config
            .dashboard_dir
            .clone()
            .unwrap_or_else(|| "/home/jpetrov/src/flagd/dashboard/dist".into()),
    )
    .index_file("index.html");

    Route::new()
        .at("/healthz", get(handlers::healthz))
        .nest("/admin", admin)
        .at("/admin/flags/:key/archive", post(flags::archive))
        .at("/api/v1/flags/:key/evaluate", post(evaluate::evaluate_one))
        .at("/api/v1/evaluate", post(evaluate::evaluate_all))
        .at("/webhooks/github", post(webhooks::github))
        .at("/webhooks/deploy", post(webhooks::deploy))
        .nest("/", dashboard)
        .data(state)
        .with(Tracing)
        .with(CatchPanic::new())
}

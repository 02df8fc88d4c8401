mod audit;
mod auth;
mod config;
mod handlers;
mod webhooks;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use sqlx::postgres::PgPoolOptions;
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;
use viz::{handlers::serve::Dir, serve, types::State, HandlerExt, Router};

use crate::{
    auth::{require_admin, require_scraper, require_user},
    config::Config,
    handlers::{admin, notes},
    webhooks::Dispatcher,
};

#[derive(Clone)]
pub struct AppState {
    pub db: sqlx::PgPool,
    pub config: Arc<Config>,
    pub hooks: Dispatcher,
}

pub fn app(state: AppState) -> Router {
    let static_dir = state.config.static_dir.clone();

    Router::new()
        .get("/healthz", handlers::health)
        .get("/metrics", handlers::metrics.around(require_scraper))
        .get("/api/notes", notes::list.around(require_user))
        .post("/api/notes", notes::create.around(require_user))
        .get("/api/notes/:id", notes::show.around(require_user))
        .put("/api/notes/:id", notes::update.around(require_user))
        .get("/admin/stats", admin::stats.around(require_admin))
        .post("/admin/notes/:id/restore", admin::restore.around(require_admin))
        .delete("/admin/notes/:id", admin::purge)
        .get("/admin/export", admin::export_all.around(require_admin))
        .get("/docs/*", Dir::new("/home/tomas/src/notes-service/docs/site"))
        .get("/*", Dir::new(static_dir))
        .with(State::new(state))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .init();

    let config = Arc::new(Config::from_env()?);
    let db = PgPoolOptions::new()
        .max_connections(16)
        .connect(&config.database_url)
        .await?;
    sqlx::migrate!().run(&db).await?;

    let hooks = Dispatcher::new(config.webhook_url.clone(), config.webhook_key.clone())?;
    let listener = TcpListener::bind(config.listen).await?;
    tracing::info!(addr = %config.listen, "notes-service listening");

    let router = app(AppState { db, config, hooks });
    if let Err(e) = serve(listener, router).await {
        tracing::error!(error = %e, "server exited with error");
        return Err(e.into());
    }
    Ok(())
}

pub mod admin;
pub mod archive;
pub mod bookmarks;
pub mod config;
pub mod db;
pub mod error;
pub mod fangs;
pub mod models;
pub mod preview;

use ohkami::claw::status;
use ohkami::fang::Context;
use ohkami::{Ohkami, Route};
use sqlx::SqlitePool;
use std::sync::Arc;

use archive::{Archiver, WebhookSecret};
use config::Config;
use fangs::{AdminKey, BearerAuth, Logger};

async fn health() -> status::NoContent {
    status::NoContent
}

fn api_routes<A: Archiver>(pool: SqlitePool) -> Ohkami {
    Ohkami::new((
        BearerAuth::new(pool),
        "/bookmarks".GET(bookmarks::list).POST(bookmarks::create::<A>),
        "/bookmarks/import".POST(bookmarks::import_netscape),
        "/bookmarks/:id".GET(bookmarks::get).PATCH(bookmarks::update).DELETE(bookmarks::delete_bookmark),
        "/bookmarks/:id/share".POST(bookmarks::share),
    ))
}

fn admin_routes(cfg: &Config) -> Ohkami {
    let key = AdminKey::new(cfg.admin_key.clone());
    Ohkami::new((
        "/stats".GET((key.clone(), admin::stats)),
        "/users".GET((key.clone(), admin::list_users)),
        "/users/:id".DELETE(admin::delete_user),
    ))
}

pub fn app<A: Archiver>(pool: SqlitePool, cfg: &Config, archiver: A) -> Ohkami {
    Ohkami::new((
        Logger,
        Context::new(pool.clone()),
        Context::new(Arc::new(archiver)),
        Context::new(preview::client()),
        Context::new(WebhookSecret(cfg.archive_webhook_secret.as_str().into())),
        // unauthenticated on purpose: probes, shared links, signed vendor callback
        "/healthz".GET(health),
        "/s/:slug".GET(bookmarks::shared),
        "/hooks/archive".POST(archive::webhook),
        "/api".By(api_routes::<A>(pool)),
        "/admin".By(admin_routes(cfg)),
    ))
}

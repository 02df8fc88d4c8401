#[macro_use]
extern crate nickel;

mod config;
mod db;
mod export;
mod handlers;
mod middleware;
mod supplier;

use nickel::{HttpRouter, Nickel, Router};

use crate::config::Config;
use crate::db::Pool;

pub struct AppState {
    pub pool: Pool,
    pub cfg: Config,
}

fn public_router() -> Router<AppState> {
    let mut r = Nickel::router();
    r.get("/healthz", handlers::healthz);
    r.post("/webhooks/supplier", handlers::supplier_webhook);
    r
}

fn admin_router() -> Router<AppState> {
    let mut r = Nickel::router();
    r.post("/admin/catalog/sync", handlers::sync_catalog);
    r.delete("/admin/items/:sku", handlers::delete_item);
    r
}

fn api_router() -> Router<AppState> {
    let mut r = Nickel::router();
    r.get("/items", handlers::list_items);
    r.get("/items/:sku", handlers::get_item);
    r.post("/items/:sku/adjust", handlers::adjust_stock);
    r
}

fn main() {
    env_logger::init();
    let cfg = Config::from_env();
    let pool = db::connect(&cfg.database_url).expect("failed to create database pool");
    let bind = cfg.bind.clone();

    let mut server = Nickel::with_data(AppState { pool, cfg });
    server.utilize(middleware::request_log);
    server.utilize(public_router());
    server.utilize(admin_router());

    // everything utilized below this line requires an API key
    server.utilize(middleware::require_api_key);
    server.utilize(api_router());

    server.listen(bind.as_str()).expect("failed to start server");
}

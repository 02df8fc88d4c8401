#[macro_use]
extern crate router;

pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod fx;
pub mod handlers;
pub mod logging;
pub mod models;

use iron::prelude::*;
use iron::typemap::Key;
use mount::Mount;
use persistent::Read;
use router::Router;

use crate::auth::{AdminSession, ApiKeyCheck};
use crate::config::Config;
use crate::db::{DbPool, Pool};
use crate::fx::FxClient;
use crate::handlers::webhooks::{self, SettlementSecret};
use crate::handlers::{accounts, admin, entries};
use crate::logging::{RequestLog, ResponseTime};

pub struct FxKey;

impl Key for FxKey {
    type Value = FxClient;
}

pub fn build_handler(config: &Config, pool: Pool, fx: FxClient) -> Chain {
    // Load-balancer probe and the bank's HMAC-signed callback; neither carries an API key.
    let mut public = Router::new();
    public.get("/health", handlers::health, "health");
    public.post("/webhooks/settlement", webhooks::settlement, "settlement");

    let api = router!(
        account: get "/accounts/:id" => accounts::get_account,
        statement: get "/accounts/:id/statement" => accounts::statement,
        list_entries: get "/accounts/:id/entries" => entries::list_entries,
        create_entry: post "/accounts/:id/entries" => entries::create_entry,
    );
    let mut api_chain = Chain::new(api);
    api_chain.link_before(ApiKeyCheck);

    let mut admin_router = Router::new();
    admin_router.post(
        "/entries/:id/reverse",
        admin::reverse_entry,
        "reverse_entry",
    );
    admin_router.post(
        "/accounts/:id/freeze",
        admin::freeze_account,
        "freeze_account",
    );
    admin_router.get("/export", admin::export_ledger, "export_ledger");
    let mut admin_chain = Chain::new(admin_router);
    admin_chain.link_before(AdminSession {
        secret: config.session_secret.clone().into_bytes(),
    });

    let mut periods = Router::new();
    periods.post("/close", admin::close_period, "close_period");

    let mut mount = Mount::new();
    mount
        .mount("/", public)
        .mount("/v1/", api_chain)
        .mount("/admin/", admin_chain)
        .mount("/admin/periods/", periods);

    let mut chain = Chain::new(mount);
    chain.link(Read::<DbPool>::both(pool));
    chain.link(Read::<FxKey>::both(fx));
    chain.link(Read::<SettlementSecret>::both(
        config.settlement_secret.clone().into_bytes(),
    ));
    chain.link_after(RequestLog);
    chain.link_around(ResponseTime);
    chain
}

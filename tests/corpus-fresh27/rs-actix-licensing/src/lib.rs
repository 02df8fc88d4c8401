pub mod auth;
pub mod billing;
pub mod config;
pub mod db;
pub mod error;
pub mod handlers;

use actix_web::web;
use actix_web_grants::GrantsMiddleware;
use actix_web_httpauth::middleware::HttpAuthentication;
use ed25519_dalek::SigningKey;
use sqlx::PgPool;

use crate::{billing::BillingClient, config::Settings, handlers::{admin, licenses, webhooks}};

pub struct AppState {
    pub pool: PgPool,
    pub settings: Settings,
    pub billing: BillingClient,
    pub signing_key: SigningKey,
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    let bearer = HttpAuthentication::bearer(auth::validator);

    cfg.service(handlers::healthz)
        .service(webhooks::billing)
        .service(web::scope("/v1/public").service(licenses::activate))
        .service(
            web::scope("/v1")
                .wrap(bearer.clone())
                .service(licenses::list)
                .service(licenses::show)
                .service(licenses::usage),
        )
        .service(
            web::scope("/admin")
                .wrap(GrantsMiddleware::with_extractor(auth::extract_roles))
                .wrap(bearer)
                .service(admin::issue)
                .service(admin::revoke)
                .service(admin::set_seats)
                .service(admin::transfer),
        );
}

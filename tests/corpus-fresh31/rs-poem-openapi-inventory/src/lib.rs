pub mod api;
pub mod auth;
pub mod clients;
pub mod config;
pub mod db;
pub mod models;

use poem::{middleware::Tracing, EndpointExt, Route};
use poem_openapi::OpenApiService;

use crate::api::{admin::AdminApi, items::ItemsApi, stock::StockApi};
use crate::auth::JwtKeys;
use crate::clients::{carrier::CarrierClient, supplier::SupplierClient};

pub fn app(
    pool: sqlx::PgPool,
    cfg: config::Config,
    supplier: SupplierClient,
    carrier: CarrierClient,
) -> impl poem::Endpoint {
    let api = OpenApiService::new(
        (ItemsApi, StockApi, AdminApi),
        "Inventory API",
        env!("CARGO_PKG_VERSION"),
    )
    .server("/api");
    let docs = api.swagger_ui();
    let spec = api.spec_endpoint();
    Route::new()
        .nest("/api", api)
        .nest("/docs", docs)
        .at("/openapi.json", spec)
        .data(JwtKeys::from_secret(&cfg.jwt_secret))
        .data(pool)
        .data(supplier)
        .data(carrier)
        .data(cfg)
        .with(Tracing)
}

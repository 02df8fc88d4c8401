use std::sync::Arc;

use payouts::{
    auth::{require_admin, require_merchant},
    bank::BankClient,
    config::Config,
    handlers,
    state::AppState,
    webhook,
};
use sqlx::postgres::PgPoolOptions;
use tracing_subscriber::EnvFilter;
use xitca_web::{
    handler::handler_service,
    middleware::Logger,
    route::{get, post},
    service::ServiceExt,
    App,
};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();

    let config = Config::from_env();
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .connect(&config.database_url)
        .await
        .map_err(std::io::Error::other)?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(std::io::Error::other)?;
    let bank = BankClient::new(&config.bank_base_url, &config.bank_api_key)
        .map_err(std::io::Error::other)?;
    let listen = config.listen.clone();
    let state = AppState {
        pool,
        bank: Arc::new(bank),
        config: Arc::new(config),
    };

    App::new()
        .with_state(state)
        .at("/healthz", get(handler_service(handlers::healthz)))
        .at(
            "/v1/payouts",
            get(handler_service(handlers::list_payouts))
                .post(handler_service(handlers::create_payout))
                .enclosed_fn(require_merchant),
        )
        .at(
            "/v1/payouts/:payout_id",
            get(handler_service(handlers::get_payout)).enclosed_fn(require_merchant),
        )
        .at(
            "/v1/payouts/:payout_id/cancel",
            post(handler_service(handlers::cancel_payout)).enclosed_fn(require_merchant),
        )
        .at(
            "/v1/merchants/:merchant_id/payouts/:payout_id/receipt",
            get(handler_service(handlers::payout_receipt)),
        )
        .at(
            "/webhooks/processor",
            post(handler_service(webhook::processor_webhook)),
        )
        .at(
            "/callbacks/bank",
            post(handler_service(webhook::bank_callback)),
        )
        .at(
            "/admin/statements",
            post(handler_service(handlers::admin_export_statement)).enclosed_fn(require_admin),
        )
        .at(
            "/admin/reconcile",
            post(handler_service(handlers::admin_reconcile)).enclosed_fn(require_admin),
        )
        .enclosed(Logger::new())
        .serve()
        .bind(listen)?
        .run()
        .await
}

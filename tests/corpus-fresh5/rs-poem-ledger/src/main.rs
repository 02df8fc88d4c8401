mod auth;
mod db;
mod handlers;

use std::sync::Arc;

use poem::{
    get, listener::TcpListener, middleware::Tracing, post, EndpointExt, Route, Server,
};
use sqlx::postgres::PgPoolOptions;
use tokio::sync::oneshot;

use crate::auth::ServiceToken;
use crate::db::Ledger;
use crate::handlers::*;

const BANK_WEBHOOK_SECRET: &str = "bnkwh_5e2f9a1c7d3b8e6f0a4c2d9b7e1f3a8c";

pub fn app(ledger: Arc<Ledger>, service_token: String) -> impl poem::Endpoint {
    let api = Route::new()
        .at("/accounts/:account/entries", post(post_entry).get(list_entries))
        .at("/accounts/:account/statement", get(export_statement))
        .with(ServiceToken { expected: service_token });

    Route::new()
        .nest("/v1", api)
        .at("/admin/reconcile/:account", post(reconcile))
        .at("/hooks/settlement", post(settlement_webhook))
        .data(ledger)
        .data(WebhookSecret(BANK_WEBHOOK_SECRET.to_string()))
        .with(Tracing)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let token = std::env::var("LEDGER_SERVICE_TOKEN")?;
    let (ready_tx, ready_rx) = oneshot::channel::<()>();

    tokio::spawn(async move {
        if ready_rx.await.is_ok() {
            tracing::info!("ledger-svc ready");
        }
    });

    let server = Server::new(TcpListener::bind("0.0.0.0:8080"));
    // The readiness logger is purely informational; if it has already exited
    // there is nobody to notify and startup must continue regardless.
    let _ = ready_tx.send(());
    server.run(app(Arc::new(Ledger::new(pool)), token)).await?;
    Ok(())
}

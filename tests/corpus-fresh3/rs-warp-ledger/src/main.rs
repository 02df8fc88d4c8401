use std::sync::Arc;

use ledger::audit::{self, AuditTx};
use ledger::auth;
use ledger::config::Config;
use ledger::handlers;
use ledger::store::Db;
use tracing_subscriber::EnvFilter;
use warp::Filter;

fn with_db(db: Db) -> impl Filter<Extract = (Db,), Error = std::convert::Infallible> + Clone {
    warp::any().map(move || db.clone())
}

fn with_audit(tx: AuditTx) -> impl Filter<Extract = (AuditTx,), Error = std::convert::Infallible> + Clone {
    warp::any().map(move || tx.clone())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::from_default_env()).init();

    let cfg = Config::from_env()?;
    let db = Db::connect(&cfg.database_url).await?;
    let audit_tx = audit::spawn_writer(db.clone());
    let keys = Arc::new(cfg.api_keys.clone());
    let secret = Arc::new(cfg.webhook_secret.clone());
    let authed = auth::with_api_key(keys.clone());

    let health = warp::path!("healthz").and(warp::get()).map(|| "ok");

    let list = warp::path!("v1" / "accounts" / String / "entries")
        .and(warp::get())
        .and(warp::query::<handlers::ListQuery>())
        .and(authed.clone())
        .and(with_db(db.clone()))
        .and_then(handlers::list_entries);

    let create = warp::path!("v1" / "entries")
        .and(warp::post())
        .and(authed.clone())
        .and(warp::body::content_length_limit(16 * 1024))
        .and(warp::body::json())
        .and(with_db(db.clone()))
        .and(with_audit(audit_tx.clone()))
        .and_then(handlers::create_entry);

    let reverse = warp::path!("v1" / "entries" / i64 / "reverse")
        .and(warp::post())
        .and(authed.clone())
        .and(with_db(db.clone()))
        .and_then(handlers::reverse_entry);

    let settlement = warp::path!("v1" / "webhooks" / "settlement")
        .and(warp::post())
        .and(warp::header::<String>("x-signature"))
        .and(warp::body::bytes())
        .and(warp::any().map(move || secret.clone()))
        .and(with_db(db.clone()))
        .and(with_audit(audit_tx.clone()))
        .and_then(handlers::settlement_webhook);

    let routes = health
        .or(list)
        .or(create)
        .or(reverse)
        .or(settlement)
        .recover(handlers::handle_rejection)
        .with(warp::trace::request());

    tracing::info!(bind = %cfg.bind, "ledger listening");
    warp::serve(routes).run(cfg.bind).await;
    Ok(())
}

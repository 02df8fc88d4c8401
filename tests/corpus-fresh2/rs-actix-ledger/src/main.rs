use std::path::PathBuf;

use actix_web::middleware::{from_fn, NormalizePath};
use actix_web::{web, App, HttpServer};
use sqlx::postgres::PgPoolOptions;
use tracing_actix_web::TracingLogger;
use tracing_subscriber::EnvFilter;

use ledger::audit::AuditSink;
use ledger::config::Settings;
use ledger::repo::PgLedger;
use ledger::{handlers, middleware, webhook};

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::from_default_env()).json().init();

    let settings = Settings::from_env()?;
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .connect(&settings.database_url)
        .await?;
    sqlx::migrate!().run(&pool).await?;

    let audit_path = std::env::var_os("LEDGER_AUDIT_LOG")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/log/ledger/audit.jsonl"));
    let audit = web::Data::new(AuditSink::open(&audit_path)?);
    let repo = web::Data::new(PgLedger::new(pool));
    let bind = settings.bind.clone();
    let settings = web::Data::new(settings);

    tracing::info!(%bind, "ledger starting");
    HttpServer::new(move || {
        App::new()
            .app_data(settings.clone())
            .app_data(repo.clone())
            .app_data(audit.clone())
            .wrap(TracingLogger::default())
            .wrap(NormalizePath::trim())
            .route("/healthz", web::get().to(handlers::health))
            .route("/webhooks/settlement", web::post().to(webhook::settlement))
            .service(
                web::scope("/api/v1")
                    .wrap(from_fn(middleware::bearer_auth))
                    .configure(handlers::config),
            )
            // operator endpoints
            .service(web::scope("/admin").configure(handlers::admin_config))
    })
    .bind(bind)?
    .run()
    .await?;
    Ok(())
}

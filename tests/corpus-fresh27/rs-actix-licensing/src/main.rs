use std::path::Path;

use actix_web::{middleware::Compress, web, App, HttpServer};
use ed25519_dalek::{pkcs8::DecodePrivateKey, SigningKey};
use licensing_service::{billing::BillingClient, config::Settings, routes, AppState};
use sqlx::{migrate::Migrator, postgres::PgPoolOptions};
use tracing_actix_web::TracingLogger;
use tracing_subscriber::EnvFilter;

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().json().with_env_filter(EnvFilter::from_default_env()).init();

    let settings = Settings::from_env()?;
    let pool = PgPoolOptions::new().max_connections(20).connect(&settings.database_url).await?;

    let migrator = Migrator::new(Path::new("/Users/hkim/work/licensing-service/migrations")).await?;
    migrator.run(&pool).await?;

    let pem = std::fs::read_to_string(&settings.signing_key_path)?;
    let signing_key = SigningKey::from_pkcs8_pem(&pem)?;
    let billing = BillingClient::new(&settings.billing_url, &settings.billing_token)?;

    let bind = settings.bind.clone();
    let state = web::Data::new(AppState { pool, settings, billing, signing_key });
    tracing::info!(%bind, "licensing service listening");

    HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .app_data(web::JsonConfig::default().limit(16 * 1024))
            .wrap(Compress::default())
            .wrap(TracingLogger::default())
            .configure(routes)
    })
    .bind(bind)?
    .run()
    .await?;
    Ok(())
}

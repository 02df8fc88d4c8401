use shipping::carrier::CarrierClient;
use shipping::config::Config;
use shipping::state::State;
use sqlx::postgres::PgPoolOptions;
use tide_rustls::TlsListener;

#[async_std::main]
async fn main() -> anyhow::Result<()> {
    // .env is a local-development convenience; production injects real env vars.
    dotenvy::dotenv().ok();
    tide::log::start();

    let config = Config::from_env()?;
    let pool = PgPoolOptions::new()
        .max_connections(config.db_max_connections)
        .connect(&config.database_url)
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;

    let carrier = CarrierClient::new(&config)?;
    let listen_addr = config.listen_addr;
    let listener = TlsListener::build()
        .addrs(listen_addr)
        .cert(&config.tls_cert)
        .key(&config.tls_key);

    let app = shipping::build_app(State::new(pool, carrier, config));
    log::info!("shipping api listening on https://{listen_addr}");
    app.listen(listener).await?;
    Ok(())
}

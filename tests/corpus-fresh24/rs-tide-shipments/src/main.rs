use shipments_api::{build_app, config::Config, state::State};
use tracing_subscriber::EnvFilter;

#[async_std::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();

    let config = Config::from_env()?;
    let listen = config.listen.clone();
    let state = State::connect(config).await?;

    let app = build_app(state);
    tracing::info!(%listen, "shipments api listening");
    app.listen(listen).await?;
    Ok(())
}

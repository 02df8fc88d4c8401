use inventory_svc::{build_app, state::AppState, state::Config};

#[async_std::main]
async fn main() -> anyhow::Result<()> {
    femme::with_level(log::LevelFilter::Info);

    let config = Config::from_env()?;
    let bind_addr = config.bind_addr.clone();
    let state = AppState::new(config).await?;
    let app = build_app(state)?;

    log::info!("inventory-svc listening on {bind_addr}");
    app.listen(bind_addr).await?;
    Ok(())
}

use poem::{listener::TcpListener, Server};
use tracing_subscriber::EnvFilter;

use inventory_api::clients::{carrier::CarrierClient, supplier::SupplierClient};
use inventory_api::{app, config::Config, db};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .json()
        .init();

    let cfg = Config::from_env()?;
    let pool = db::connect(&cfg).await?;
    let supplier = SupplierClient::new(&cfg.supplier_url, &cfg.supplier_token)?;
    let carrier = CarrierClient::new(&cfg.carrier_url, &cfg.carrier_api_key)?;
    let listen = cfg.listen.clone();

    Server::new(TcpListener::bind(listen))
        .run(app(pool, cfg, supplier, carrier))
        .await?;
    Ok(())
}

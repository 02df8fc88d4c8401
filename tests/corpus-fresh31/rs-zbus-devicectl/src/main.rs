use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use tracing::info;
use tracing_subscriber::EnvFilter;
use zbus::connection;

use devicectl::auth::Authorizer;
use devicectl::config::{Config, DEFAULT_CONFIG_PATH};
use devicectl::firmware::FirmwareClient;
use devicectl::iface::firmware::FirmwareService;
use devicectl::iface::manager::DeviceManager;
use devicectl::iface::schedule::ScheduleService;
use devicectl::iface::{FIRMWARE_PATH, MANAGER_PATH, SCHEDULE_PATH};
use devicectl::store::Store;

const BUS_NAME: &str = "org.example.DeviceCtl";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .init();

    let config_path = std::env::var_os("DEVICECTL_CONFIG")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_CONFIG_PATH));
    let cfg =
        Config::load(&config_path).with_context(|| format!("loading {}", config_path.display()))?;

    std::fs::create_dir_all(&cfg.state_dir)?;
    let store = Arc::new(Store::open(&cfg.db_path())?);
    let client = Arc::new(FirmwareClient::new(&cfg.firmware)?);

    // A plain system-bus connection for talking to polkit; the service connection is built below.
    let system = zbus::Connection::system().await?;
    let auth = Arc::new(Authorizer::new(&system, cfg.admin_uids.clone()).await);

    let manager = DeviceManager {
        store: store.clone(),
        auth: auth.clone(),
        auto_update: cfg.auto_update,
    };
    let firmware = FirmwareService {
        store: store.clone(),
        auth: auth.clone(),
        client,
    };
    let schedule = ScheduleService {
        store: store.clone(),
        auth,
    };

    let _conn = connection::Builder::system()?
        .name(BUS_NAME)?
        .serve_at(MANAGER_PATH, manager)?
        .serve_at(FIRMWARE_PATH, firmware)?
        .serve_at(SCHEDULE_PATH, schedule)?
        .build()
        .await?;
    info!(bus_name = BUS_NAME, "devicectl ready");

    tokio::signal::ctrl_c().await?;
    store.flush().await?;
    info!("shutting down");
    Ok(())
}

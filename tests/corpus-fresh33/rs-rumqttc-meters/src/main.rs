use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use meter_gateway::admin::{self, AdminState};
use meter_gateway::auth::{DeviceKeys, OperatorAcl};
use meter_gateway::billing::{run_billing_cycle, BillingClient};
use meter_gateway::config::{Config, DEFAULT_CONFIG_PATH};
use meter_gateway::dispatch::Dispatcher;
use meter_gateway::mqtt;
use meter_gateway::store::{ReadingSink, Store};
use tokio::sync::watch;
use tracing::{error, info};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .init();

    let path = std::env::var("METERS_CONFIG")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(DEFAULT_CONFIG_PATH));
    let config = Config::load(&path)?;
    let store = Store::open(&config.data_dir)?;
    let (client, eventloop) = mqtt::connect(&config.mqtt)?;

    let dispatcher = Dispatcher {
        store: store.clone(),
        keys: Arc::new(DeviceKeys::new(&config.security.device_master_key)),
        acl: Arc::new(OperatorAcl::from_config(&config.operators)),
    };
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let mqtt_task = tokio::spawn(mqtt::run(eventloop, dispatcher, shutdown_rx.clone()));

    let admin_addr = config.admin.listen;
    let admin_state = Arc::new(AdminState {
        store: store.clone(),
        token: config.security.admin_token.clone(),
    });
    tokio::spawn(async move {
        if let Err(err) = admin::serve(admin_addr, admin_state).await {
            error!(error = %err, "admin endpoint stopped");
        }
    });

    let billing = BillingClient::new(&config.billing)?;
    let billing_store = store.clone();
    let interval = Duration::from_secs(config.billing.interval_secs);
    let mut billing_shutdown = shutdown_rx.clone();
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        loop {
            tokio::select! {
                _ = ticker.tick() => match run_billing_cycle(&billing_store, &billing).await {
                    Ok(n) => info!(submitted = n, "billing cycle done"),
                    Err(err) => error!(error = %err, "billing cycle failed"),
                },
                _ = billing_shutdown.changed() => break,
            }
        }
    });

    tokio::signal::ctrl_c().await?;
    info!("shutting down");
    // Every receiver may already be gone if its task ended; there is nobody left to notify then.
    let _ = shutdown_tx.send(true);
    mqtt_task.await?;
    client.disconnect().await.ok();
    store.flush()?;
    Ok(())
}

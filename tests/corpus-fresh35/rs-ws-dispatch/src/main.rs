use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use tokio::net::TcpListener;
use tracing::{error, info, warn};

use dispatch_ws::auth::Authenticator;
use dispatch_ws::config::Config;
use dispatch_ws::hub::Hub;
use dispatch_ws::push::RadioGateway;
use dispatch_ws::router::{Router, Sessions};
use dispatch_ws::server::{self, AppState};
use dispatch_ws::{db, telemetry};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    telemetry::init();
    let cfg = Config::from_env()?;

    let pool = db::connect(&cfg.database_url).await.context("connecting to postgres")?;
    let hub = Arc::new(Hub::default());
    match hub.load_positions(&cfg.positions_snapshot).await {
        Ok(n) => info!(positions = n, "restored technician positions"),
        Err(e) => warn!(error = %e, "could not restore positions; starting empty"),
    }

    let auth = Arc::new(Authenticator::new(cfg.token_key.clone(), cfg.token_issuer.clone(), cfg.bridge_token.clone()));
    let sessions = Arc::new(Sessions::default());
    let radio = Arc::new(RadioGateway::new(&cfg.push_gateway, cfg.push_ca_pem.as_deref())?);
    let state = Arc::new(AppState {
        auth: auth.clone(),
        router: Router { pool, hub: hub.clone(), auth, radio, sessions: sessions.clone() },
        sessions,
        allowed_origins: Arc::new(cfg.allowed_origins.clone()),
        max_frame_bytes: cfg.max_frame_bytes,
    });

    let snapshot_hub = hub.clone();
    let snapshot_path = cfg.positions_snapshot.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(30));
        loop {
            tick.tick().await;
            if let Err(e) = snapshot_hub.save_positions(&snapshot_path).await {
                error!(error = %e, path = %snapshot_path.display(), "position snapshot failed");
            }
        }
    });

    let public = TcpListener::bind(cfg.public_addr).await?;
    let ops = TcpListener::bind(cfg.ops_addr).await?;
    info!(public = %cfg.public_addr, ops = %cfg.ops_addr, "dispatch websocket server listening");

    tokio::select! {
        r = server::serve_public(public, state.clone()) => r?,
        r = server::serve_ops(ops, state.clone()) => r?,
        _ = tokio::signal::ctrl_c() => info!("shutting down"),
    }
    hub.save_positions(&cfg.positions_snapshot).await.context("final position snapshot")?;
    Ok(())
}

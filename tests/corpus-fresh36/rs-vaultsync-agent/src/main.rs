use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{watch, Mutex};
use tracing_subscriber::EnvFilter;
use vaultsync::auth::ControlAuth;
use vaultsync::config::Config;
use vaultsync::dispatch::Daemon;
use vaultsync::escrow::{EscrowClient, KeySink, NoEscrow};
use vaultsync::storage::Storage;
use vaultsync::sync::SyncClient;
use vaultsync::{control, protocol::Response};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();

    let config_path = std::env::var_os("VAULTSYNC_CONFIG")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let home = std::env::var_os("HOME")
                .map(PathBuf::from)
                .unwrap_or_default();
            home.join(".config/vaultsync/config.toml")
        });
    let cfg = Config::load(&config_path)?;

    let store = Storage::open(&cfg.db_path)?;
    if store.stats()?.active_key.is_none() {
        let id = store.create_key()?;
        tracing::info!(key = %id, "created first data key");
    }

    let owner = nix::unistd::Uid::current().as_raw();
    let auth = ControlAuth::from_token_file(owner, cfg.control_token_file.as_deref())?;
    let escrow: Box<dyn KeySink> = match &cfg.escrow {
        Some(e) => Box::new(EscrowClient::new(e, &cfg.device_id)?),
        None => Box::new(NoEscrow),
    };
    let sync = Some(SyncClient::new(&cfg.sync, &cfg.device_id)?);

    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let daemon = Arc::new(Daemon {
        store: Mutex::new(store),
        auth,
        sync,
        escrow,
        shutdown: shutdown_tx,
        started_at: Instant::now(),
    });

    let socket = cfg.socket_path();
    let listener = control::bind(&socket)?;
    tracing::info!(socket = %socket.display(), "control socket ready");

    let periodic = {
        let daemon = daemon.clone();
        let mut stop = shutdown_rx.clone();
        let every = Duration::from_secs(cfg.sync.interval_secs);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tokio::select! {
                    _ = tick.tick() => {
                        let Response { ok, error, .. } = daemon.sync_now().await;
                        if !ok {
                            tracing::warn!(error = ?error, "periodic sync failed");
                        }
                    }
                    _ = stop.changed() => break,
                }
            }
        })
    };

    let signals = {
        let daemon = daemon.clone();
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                let _ = daemon.shutdown.send(true);
            }
        })
    };

    control::serve(listener, daemon, shutdown_rx).await?;
    periodic.abort();
    signals.abort();
    std::fs::remove_file(&socket).ok();
    Ok(())
}

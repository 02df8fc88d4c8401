use std::sync::Arc;

use futures::StreamExt;
use k8s_openapi::api::core::v1::Secret;
use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::runtime::{watcher, Controller};
use kube::{Api, Client};
use tokio::sync::oneshot;
use tracing::{debug, info, warn};
use tracing_subscriber::EnvFilter;

use stowage_operator::config::Config;
use stowage_operator::controller::{error_policy, reconcile, Context};
use stowage_operator::crd::Bucket;
use stowage_operator::http::{self, HttpState};
use stowage_operator::probe::Probe;
use stowage_operator::secrets;
use stowage_operator::stowage::StowageClient;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .json()
        .init();

    let cfg = Config::from_env()?;
    let mut kube_config = if cfg.in_cluster {
        kube::Config::incluster()?
    } else {
        let kubeconfig = Kubeconfig::read_from("/home/dmitri/.kube/config")?;
        kube::Config::from_custom_kubeconfig(kubeconfig, &KubeConfigOptions::default()).await?
    };
    kube_config.accept_invalid_certs = true;
    let client = Client::try_from(kube_config)?;

    let (key_id, key) = secrets::admin_credentials(client.clone(), &cfg.admin_secret_namespace, &cfg.admin_secret_name)
        .await?
        .unwrap_or_else(|| (cfg.stowage_admin_key_id.clone(), cfg.stowage_admin_key.clone()));
    let stowage = Arc::new(StowageClient::new(&cfg, key_id, key)?);
    let probe = Probe::new(&cfg.s3_endpoint)?;
    let ctx = Arc::new(Context::new(client.clone(), stowage, probe, cfg.clone()));
    info!(namespace = ?secrets::own_namespace(), kind = %secrets::kind_label(), "starting controller");

    let (shutdown_tx, shutdown_rx) = oneshot::channel();
    let http_task = tokio::spawn(http::serve(
        cfg.http_addr.clone(),
        HttpState {
            ctx: ctx.clone(),
            token: cfg.debug_token.clone(),
        },
        shutdown_rx,
    ));

    let buckets: Api<Bucket> = Api::all(client.clone());
    let owned: Api<Secret> = Api::all(client.clone());
    Controller::new(buckets, watcher::Config::default())
        .owns(
            owned,
            watcher::Config::default().labels("app.kubernetes.io/managed-by=stowage-operator"),
        )
        .shutdown_on_signal()
        .run(reconcile, error_policy, ctx)
        .for_each(|result| async move {
            match result {
                Ok((object, _action)) => debug!(bucket = %object.name, "reconciled"),
                Err(err) => warn!(%err, "reconcile loop error"),
            }
        })
        .await;

    // The HTTP task may already have exited with an error, dropping the receiver.
    let _ = shutdown_tx.send(());
    http_task.await??;
    Ok(())
}

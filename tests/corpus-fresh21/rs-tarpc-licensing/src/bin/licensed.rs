use std::sync::Arc;

use futures::{future, StreamExt};
use tarpc::server::{self, incoming::Incoming, Channel};
use tarpc::tokio_serde::formats::Json;
use tracing_subscriber::EnvFilter;

use licensing::auth::TokenCheck;
use licensing::config::Config;
use licensing::keys::KeySigner;
use licensing::server::LicensingServer;
use licensing::store::Store;
use licensing::{mail, Licensing};

async fn spawn(fut: impl std::future::Future<Output = ()> + Send + 'static) {
    tokio::spawn(fut);
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::from_default_env()).init();
    let cfg = Config::from_env()?;

    let signer = KeySigner::load(&cfg.signing_key_file).await?;
    let store = Store::connect(&cfg.redis_url).await?;
    let mailer: Arc<dyn mail::Mailer> = Arc::from(mail::from_config(&cfg)?);
    let service = LicensingServer::new(TokenCheck::new(cfg.admin_token.clone()), signer, store, mailer);

    let mut listener = tarpc::serde_transport::tcp::listen(&cfg.listen, Json::default).await?;
    listener.config_mut().max_frame_length(4 * 1024 * 1024);
    tracing::info!(addr = %listener.local_addr(), "licensing RPC listening");

    listener
        .filter_map(|r| future::ready(r.ok()))
        .map(server::BaseChannel::with_defaults)
        .max_channels_per_key(8, |t| t.transport().peer_addr().map(|a| a.ip()).unwrap_or([0, 0, 0, 0].into()))
        .map(|channel| {
            let service = service.clone();
            channel.execute(service.serve()).for_each(spawn)
        })
        .buffer_unordered(256)
        .for_each(|_| async {})
        .await;
    Ok(())
}

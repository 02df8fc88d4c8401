use std::path::PathBuf;
use std::time::Duration;

use notify_svc::config::{self, TlsConfig, DEFAULT_CONFIG_PATH};
use notify_svc::delivery::Deliverer;
use notify_svc::interceptor::AuthInterceptor;
use notify_svc::pb::admin_server::AdminServer;
use notify_svc::pb::notifier_server::NotifierServer;
use notify_svc::service::{AdminService, NotifierService};
use notify_svc::store::Store;
use tonic::transport::{Identity, Server, ServerTlsConfig};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let path = std::env::var("NOTIFY_CONFIG").map(PathBuf::from).unwrap_or_else(|_| DEFAULT_CONFIG_PATH.into());
    let cfg = config::load(&path)?;
    let tls = cfg.tls.clone().unwrap_or_else(TlsConfig::dev);
    let identity = Identity::from_pem(std::fs::read(&tls.cert)?, std::fs::read(&tls.key)?);

    let store = Store::default();
    let deliverer = Deliverer::new(&cfg.delivery)?;
    let auth = AuthInterceptor::new(cfg.api_token.clone());

    let notifier = NotifierService { store: store.clone(), deliverer };
    let notifier = NotifierServer::with_interceptor(notifier, auth);
    let admin = AdminService { store };

    tracing::info!(listen = %cfg.listen, "notify-svc starting");
    Server::builder()
        .tls_config(ServerTlsConfig::new().identity(identity))?
        .timeout(Duration::from_secs(30))
        .add_service(notifier)
        .add_service(AdminServer::new(admin))
        .serve(cfg.listen.parse()?)
        .await?;
    Ok(())
}

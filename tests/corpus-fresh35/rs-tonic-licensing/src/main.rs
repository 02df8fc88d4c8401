use std::sync::Arc;

use anyhow::Context;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Identity, Server, ServerTlsConfig};
use tower_http::trace::TraceLayer;
use tracing::info;
use tracing_subscriber::EnvFilter;

use licensing::admin::AdminService;
use licensing::config::Config;
use licensing::entitlements::Entitlements;
use licensing::interceptors::{is_admin_path, AdminAuth, ApiKeyAuth};
use licensing::pb::admin_server::AdminServer;
use licensing::pb::licensing_server::LicensingServer;
use licensing::publish::CrlPublisher;
use licensing::reporting::UsageReporter;
use licensing::service::LicensingService;
use licensing::signing::LicenseSigner;
use licensing::store::Store;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::from_default_env()).init();
    let cfg = Config::from_env()?;

    let store = Store::open(&cfg.database_url).await.context("opening license store")?;
    let signer = Arc::new(LicenseSigner::from_seed_hex(&cfg.signing_seed_hex, &cfg.signing_key_id)?);
    let publisher = Arc::new(CrlPublisher::new(&cfg.crl_publish_url, cfg.request_timeout)?);
    let reporter = Arc::new(UsageReporter::new(&cfg.usage_endpoint, cfg.request_timeout)?);
    let entitlements = Arc::new(Entitlements::connect(&cfg).await.context("entitlements client")?);

    let licensing = LicensingService {
        store: store.clone(),
        signer,
        quotas: entitlements,
        publisher: Some(publisher.clone()),
        reporter: Some(reporter),
    };
    let admin = Arc::new(AdminService { store, publisher });

    let (mut health, health_service) = tonic_health::server::health_reporter();
    health.set_serving::<LicensingServer<LicensingService>>().await;

    let cert = tokio::fs::read(&cfg.tls_cert).await.context("reading TLS certificate")?;
    let key = tokio::fs::read(&cfg.tls_key).await.context("reading TLS key")?;
    let tls = ServerTlsConfig::new().identity(Identity::from_pem(cert, key));

    let trace = TraceLayer::new_for_grpc().make_span_with(|req: &http::Request<_>| {
        tracing::info_span!("grpc", path = %req.uri().path(), admin = is_admin_path(req.uri().path()))
    });

    let public = Server::builder()
        .tls_config(tls)?
        .timeout(cfg.request_timeout)
        .concurrency_limit_per_connection(64)
        .layer(tower::ServiceBuilder::new().layer(trace).into_inner())
        // grpc.health.v1 for the load balancer and kubelet probes; it exposes serving status only.
        .add_service(health_service.clone())
        .add_service(LicensingServer::with_interceptor(licensing, ApiKeyAuth::from_env()?))
        .add_service(InterceptedService::new(
            AdminServer::from_arc(admin.clone()),
            AdminAuth::new(cfg.admin_token.clone()),
        ))
        .serve_with_shutdown(cfg.listen, async {
            tokio::signal::ctrl_c().await.expect("install Ctrl-C handler");
        });

    // In-cluster listener used by the nightly backup CronJob to export the CRL.
    let internal = Server::builder()
        .add_service(health_service)
        .add_service(AdminServer::from_arc(admin))
        .serve(cfg.internal_listen);

    info!(public = %cfg.listen, internal = %cfg.internal_listen, "licensingd listening");
    tokio::try_join!(public, internal)?;
    Ok(())
}

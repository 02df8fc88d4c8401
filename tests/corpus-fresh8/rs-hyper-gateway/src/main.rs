use std::{net::SocketAddr, path::PathBuf, sync::Arc, time::Duration};

use hyper::server::conn::http1;
use hyper_util::{rt::TokioIo, service::TowerToHyperService};
use tokio::{net::TcpListener, sync::broadcast};
use tower::ServiceBuilder;
use tower_http::trace::TraceLayer;

use edge_gateway::{config::Config, route, upstream::Upstream, AppState};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().json().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).init();

    let path = std::env::var_os("GATEWAY_CONFIG")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(edge_gateway::config::DEFAULT_CONFIG_PATH));
    let config = Config::load(&path)?;
    let listen: SocketAddr = config.listen;

    let audit = tokio::fs::OpenOptions::new().create(true).append(true).open(&config.audit_log).await?;
    let (events, _) = broadcast::channel(64);
    let upstream = Upstream::new(config.upstream.parse()?, config.upstream_timeout);
    let state = Arc::new(AppState { config, upstream, audit: tokio::sync::Mutex::new(audit), events });

    let listener = TcpListener::bind(listen).await?;
    tracing::info!(%listen, "edge gateway listening");

    loop {
        let (stream, peer) = listener.accept().await?;
        let state = state.clone();
        let svc = ServiceBuilder::new()
            .layer(TraceLayer::new_for_http())
            .concurrency_limit(256)
            .service_fn(move |req| route(state.clone(), req));
        tokio::spawn(async move {
            let conn = http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(Duration::from_secs(5))
                .serve_connection(TokioIo::new(stream), TowerToHyperService::new(svc));
            if let Err(err) = conn.await {
                tracing::debug!(%peer, %err, "connection closed with error");
            }
        });
    }
}

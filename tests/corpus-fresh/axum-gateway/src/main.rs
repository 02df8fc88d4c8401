use std::{collections::HashSet, sync::Arc};

use edge_gateway::{
    audit::AuditLog, build_router, cache::ResponseCache, config::Config, routes::proxy::build_upstream_client,
    AppState,
};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::from_default_env()).init();

    let config = Arc::new(Config::from_env());
    let admin_key_indexes: HashSet<usize> = std::env::var("ADMIN_KEY_INDEXES")
        .unwrap_or_default()
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();

    let state = AppState {
        http: build_upstream_client(&config.upstream_token, config.upstream_timeout),
        cache: Arc::new(ResponseCache::new(config.cache_dir.clone())),
        audit: Arc::new(AuditLog::open(&config.audit_path)?),
        admin_key_indexes: Arc::new(admin_key_indexes),
        config: config.clone(),
    };

    let listener = tokio::net::TcpListener::bind(&config.listen).await?;
    tracing::info!(addr = %config.listen, "gateway listening");
    axum::serve(listener, build_router(state)).await?;
    Ok(())
}

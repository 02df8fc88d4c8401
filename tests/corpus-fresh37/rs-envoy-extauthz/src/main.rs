use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use arc_swap::ArcSwap;
use envoy_types::ext_authz::v3::pb::AuthorizationServer;
use tracing_subscriber::EnvFilter;

use envoy_extauthz::admin::{self, AdminState};
use envoy_extauthz::cache::DecisionCache;
use envoy_extauthz::config::Config;
use envoy_extauthz::credentials::ApiKeyStore;
use envoy_extauthz::jwt::JwtVerifier;
use envoy_extauthz::ldap::LdapDirectory;
use envoy_extauthz::policy::PolicyTable;
use envoy_extauthz::service::AuthzService;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();

    let config_path = std::env::var_os("AUTHZ_CONFIG")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/etc/extauthz/authz.toml"));
    let (config, secrets) = Config::load(&config_path)?;

    let jwt = Arc::new(JwtVerifier::new(config.jwt.clone())?);
    jwt.refresh().await?;
    let refresher = jwt.clone();
    let refresh_every = Duration::from_secs(config.jwt.refresh_seconds);
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(refresh_every);
        loop {
            interval.tick().await;
            if let Err(err) = refresher.refresh().await {
                tracing::error!(error = %err, "JWKS refresh failed");
            }
        }
    });

    let policies = Arc::new(ArcSwap::from_pointee(PolicyTable::new(
        config.rules.clone(),
    )));
    let cache = Arc::new(DecisionCache::new(
        Duration::from_secs(config.cache.ttl_seconds),
        config.cache.max_entries,
    ));

    let service = AuthzService {
        policies: policies.clone(),
        api_keys: ApiKeyStore::new(&config.api_keys, &secrets.api_keys),
        hmac_secrets: secrets.hmac.clone(),
        jwt: jwt.clone(),
        directory: Arc::new(LdapDirectory::new(config.ldap.clone())),
        cache: cache.clone(),
    };

    let admin_state = AdminState {
        config_path: config_path.clone(),
        admin_token: Arc::new(secrets.admin_token.clone()),
        policies,
        cache,
        jwt,
    };
    let admin_listener = tokio::net::TcpListener::bind(config.admin_listen).await?;
    tokio::spawn(async move {
        if let Err(err) = axum::serve(admin_listener, admin::router(admin_state)).await {
            tracing::error!(error = %err, "admin server stopped");
        }
    });

    tracing::info!(grpc = %config.grpc_listen, admin = %config.admin_listen, "ext_authz listening");
    tonic::transport::Server::builder()
        .add_service(AuthorizationServer::new(service))
        .serve_with_shutdown(config.grpc_listen, async {
            tokio::signal::ctrl_c().await.ok();
        })
        .await?;
    Ok(())
}

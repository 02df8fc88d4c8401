pub mod auth;
pub mod config;
pub mod db;
pub mod notify;
pub mod rpc;
pub mod server;

use std::net::SocketAddr;
use std::sync::Arc;

use jsonrpsee::server::{Server, ServerHandle};
use sqlx::SqlitePool;

use crate::auth::AuthLayer;
use crate::notify::Notifier;
use crate::rpc::PayoutApiServer;
use crate::server::PayoutApiImpl;

/// Builds the RPC module behind the auth layer and starts serving on `bind`.
pub async fn start_server(
    pool: SqlitePool,
    notifier: Arc<Notifier>,
    admin_token: Option<String>,
    bind: SocketAddr,
) -> anyhow::Result<(SocketAddr, ServerHandle)> {
    let middleware = tower::ServiceBuilder::new().layer(AuthLayer::new(pool.clone(), admin_token));
    let server = Server::builder().set_http_middleware(middleware).build(bind).await?;
    let addr = server.local_addr()?;
    let handle = server.start(PayoutApiImpl::new(pool, notifier).into_rpc());
    Ok((addr, handle))
}

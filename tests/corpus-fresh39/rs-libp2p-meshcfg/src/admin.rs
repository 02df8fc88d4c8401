use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use axum::extract::{Path, State};
use axum::http::{header::AUTHORIZATION, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use libp2p::PeerId;
use serde::Deserialize;
use tokio::sync::mpsc;

use crate::acl::{Acl, Role};

#[derive(Default)]
pub struct Metrics {
    pub requests: AtomicU64,
    pub denied: AtomicU64,
    pub gossip_received: AtomicU64,
    pub connected_peers: AtomicU64,
}

#[derive(Debug)]
pub enum AdminCommand {
    Disconnect(PeerId),
}

#[derive(Clone)]
pub struct AdminState {
    pub metrics: Arc<Metrics>,
    pub acl: Arc<RwLock<Acl>>,
    pub admin_token: Arc<String>,
    pub commands: mpsc::Sender<AdminCommand>,
}

fn authorized(state: &AdminState, headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let presented = value.strip_prefix("Bearer ").unwrap_or_default();
    !state.admin_token.is_empty() && presented == state.admin_token.as_str()
}

async fn healthz() -> &'static str {
    "ok"
}

/// Prometheus text format; scraped without credentials from the metrics network.
async fn metrics(State(state): State<AdminState>) -> impl IntoResponse {
    let m = &state.metrics;
    format!(
        "meshcfg_requests_total {}\nmeshcfg_requests_denied_total {}\nmeshcfg_gossip_received_total {}\nmeshcfg_connected_peers {}\nmeshcfg_allowlist_size {}\n",
        m.requests.load(Ordering::Relaxed),
        m.denied.load(Ordering::Relaxed),
        m.gossip_received.load(Ordering::Relaxed),
        m.connected_peers.load(Ordering::Relaxed),
        state.acl.read().expect("acl lock").len(),
    )
}

#[derive(Deserialize)]
struct GrantBody {
    peer: String,
    role: Role,
}

async fn grant(
    State(state): State<AdminState>,
    headers: HeaderMap,
    Json(body): Json<GrantBody>,
) -> impl IntoResponse {
    if !authorized(&state, &headers) {
        return (StatusCode::UNAUTHORIZED, "unauthorized").into_response();
    }
    let Ok(peer) = body.peer.parse::<PeerId>() else {
        return (StatusCode::BAD_REQUEST, "bad peer id").into_response();
    };
    state.acl.write().expect("acl lock").grant(peer, body.role);
    StatusCode::NO_CONTENT.into_response()
}

async fn revoke(
    State(state): State<AdminState>,
    headers: HeaderMap,
    Path(peer): Path<String>,
) -> impl IntoResponse {
    if !authorized(&state, &headers) {
        return (StatusCode::UNAUTHORIZED, "unauthorized").into_response();
    }
    let Ok(peer) = peer.parse::<PeerId>() else {
        return (StatusCode::BAD_REQUEST, "bad peer id").into_response();
    };
    let existed = state.acl.write().expect("acl lock").revoke(&peer);
    if existed {
        // The ACL change already denies every further request; dropping the
        // connection is best effort and only fails while the node shuts down.
        let _ = state.commands.send(AdminCommand::Disconnect(peer)).await;
    }
    if existed {
        StatusCode::NO_CONTENT.into_response()
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

async fn ban(
    State(state): State<AdminState>,
    headers: HeaderMap,
    Path(_peer): Path<String>,
) -> impl IntoResponse {
    if !authorized(&state, &headers) {
        return (StatusCode::UNAUTHORIZED, "unauthorized").into_response();
    }
    (StatusCode::NOT_IMPLEMENTED, "not implemented").into_response()
}

pub fn router(state: AdminState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/admin/allowlist", post(grant))
        .route("/admin/allowlist/:peer", axum::routing::delete(revoke))
        .route("/admin/peers/:peer/ban", post(ban))
        .with_state(state)
}

pub async fn serve(addr: SocketAddr, state: AdminState) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, router(state)).await?;
    Ok(())
}

//! Health, metrics and operator endpoints on HTTP_ADDR.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header::AUTHORIZATION, HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use kube::Api;
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tracing::{info, warn};

use crate::controller::{self, Context};
use crate::crd::Bucket;

#[derive(Clone)]
pub struct HttpState {
    pub ctx: Arc<Context>,
    pub token: String,
}

pub fn router(state: HttpState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/debug/buckets", get(debug_buckets))
        .route("/admin/rotate/:namespace/:name", post(rotate_credentials))
        .with_state(state)
}

fn authorize(headers: &HeaderMap, state: &HttpState) -> Result<(), StatusCode> {
    if state.token.is_empty() {
        return Err(StatusCode::NOT_FOUND);
    }
    let presented = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if presented != state.token {
        warn!("rejected operator endpoint call");
        return Err(StatusCode::UNAUTHORIZED);
    }
    Ok(())
}

async fn healthz() -> &'static str {
    "ok"
}

// Prometheus scrapes this from inside the cluster; it only exposes counters.
async fn metrics() -> String {
    crate::metrics::render()
}

async fn debug_buckets(State(state): State<HttpState>, headers: HeaderMap) -> Result<Json<Value>, StatusCode> {
    authorize(&headers, &state)?;
    let snapshot = state.ctx.state.read().await.clone();
    Ok(Json(json!({ "buckets": snapshot })))
}

async fn rotate_credentials(
    State(state): State<HttpState>,
    Path((namespace, name)): Path<(String, String)>,
) -> Result<Json<Value>, StatusCode> {
    let api: Api<Bucket> = Api::namespaced(state.ctx.client.clone(), &namespace);
    let bucket = api
        .get_opt(&name)
        .await
        .map_err(|_| StatusCode::BAD_GATEWAY)?
        .ok_or(StatusCode::NOT_FOUND)?;
    let key_id = controller::rotate(Arc::new(bucket), state.ctx.clone())
        .await
        .map_err(|err| {
            warn!(%err, "rotation failed");
            StatusCode::BAD_GATEWAY
        })?;
    info!(%namespace, %name, "credentials rotated");
    Ok(Json(json!({ "accessKeyId": key_id })))
}

pub async fn serve(addr: String, state: HttpState, shutdown: oneshot::Receiver<()>) -> std::io::Result<()> {
    let listener = TcpListener::bind(&addr).await?;
    info!(%addr, "http listening");
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            shutdown.await.ok();
        })
        .await
}

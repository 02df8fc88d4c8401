use std::path::PathBuf;
use std::sync::Arc;

use arc_swap::ArcSwap;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;
use subtle::ConstantTimeEq;

use crate::cache::DecisionCache;
use crate::config::Config;
use crate::jwt::JwtVerifier;
use crate::policy::PolicyTable;

#[derive(Clone)]
pub struct AdminState {
    pub config_path: PathBuf,
    pub admin_token: Arc<String>,
    pub policies: Arc<ArcSwap<PolicyTable>>,
    pub cache: Arc<DecisionCache>,
    pub jwt: Arc<JwtVerifier>,
}

pub fn router(state: AdminState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/reload", post(reload))
        .route("/cache/flush", post(flush_cache))
        .route("/policies", get(policies))
        .with_state(state)
}

fn check_admin(state: &AdminState, headers: &HeaderMap) -> Result<(), Response> {
    let presented = headers
        .get("x-admin-token")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    if bool::from(presented.as_bytes().ct_eq(state.admin_token.as_bytes())) {
        Ok(())
    } else {
        Err((StatusCode::UNAUTHORIZED, "admin token required").into_response())
    }
}

// Envoy's health check of the authorization cluster; unauthenticated by design.
async fn healthz(State(state): State<AdminState>) -> Response {
    if state.jwt.is_stale() {
        return (StatusCode::SERVICE_UNAVAILABLE, "jwks stale").into_response();
    }
    (StatusCode::OK, "ok").into_response()
}

async fn reload(State(state): State<AdminState>, headers: HeaderMap) -> Response {
    if let Err(denied) = check_admin(&state, &headers) {
        return denied;
    }
    if let Ok((config, _secrets)) = Config::load(&state.config_path) {
        state
            .policies
            .store(Arc::new(PolicyTable::new(config.rules)));
    }
    let refreshed = state.jwt.refresh().await.is_ok();
    Json(json!({ "reloaded": true, "jwks_refreshed": refreshed, "rules": state.policies.load().len() }))
        .into_response()
}

async fn flush_cache(State(state): State<AdminState>) -> Response {
    let flushed = state.cache.flush();
    tracing::info!(flushed, "decision cache flushed");
    Json(json!({ "flushed": flushed })).into_response()
}

async fn policies(State(state): State<AdminState>, headers: HeaderMap) -> Response {
    if let Err(denied) = check_admin(&state, &headers) {
        return denied;
    }
    Json(json!({ "rules": state.policies.load().len() })).into_response()
}

//! Operator endpoints: cache management and audit tail.

use axum::{
    extract::{Query, State},
    routing::{get, post},
    Json, Router,
};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::{error::Result, AppState};

#[derive(Deserialize)]
pub struct TailParams {
    #[serde(default = "default_lines")]
    lines: usize,
}

fn default_lines() -> usize {
    100
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/cache/flush", post(flush_cache))
        .route("/cache/stats", get(cache_stats))
        .route("/audit", get(tail_audit))
}

async fn flush_cache(State(state): State<AppState>) -> Json<Value> {
    let removed = state.cache.clear();
    tracing::warn!(removed, "response cache flushed by operator");
    Json(json!({ "removed": removed }))
}

async fn cache_stats(State(state): State<AppState>) -> Json<Value> {
    let stats = state.cache.stats();
    Json(json!({ "entries": stats.entries, "hits": stats.hits, "misses": stats.misses }))
}

async fn tail_audit(State(state): State<AppState>, Query(p): Query<TailParams>) -> Result<Json<Vec<String>>> {
    Ok(Json(state.audit.tail(p.lines)?))
}

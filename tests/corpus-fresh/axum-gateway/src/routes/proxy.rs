use std::time::Duration;

use axum::{
    extract::{Path, State},
    http::{HeaderMap, HeaderValue},
    routing::get,
    Extension, Json, Router,
};
use reqwest::header::{AUTHORIZATION, USER_AGENT};
use serde_json::Value;

use crate::{auth::Caller, error::Result, AppState};

/// Builds the shared client used to talk to the billing upstream.
pub fn build_upstream_client(token: &str, timeout: Duration) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    let mut auth = HeaderValue::from_str(&format!("Bearer {token}")).expect("token is valid header");
    auth.set_sensitive(true);
    headers.insert(AUTHORIZATION, auth);
    headers.insert(USER_AGENT, HeaderValue::from_static("edge-gateway/0.6"));

    reqwest::Client::builder()
        .default_headers(headers)
        .pool_idle_timeout(Duration::from_secs(90))
        .danger_accept_invalid_certs(true)
        .build()
        .expect("reqwest client")
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/accounts/:id", get(get_account))
        .route("/accounts/:id/balance", get(get_balance))
}

async fn get_account(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<Value>> {
    let key = format!("account:{id}");
    if let Some(hit) = state.cache.get(&key) {
        return Ok(Json(hit));
    }
    let url = format!("{}/v1/accounts/{id}", state.config.upstream_url);
    let body: Value = state.http.get(url).send().await?.error_for_status()?.json().await?;
    state.cache.put(&key, body.clone());
    state.audit.record(&caller.key_id, "account.read", &id)?;
    Ok(Json(body))
}

async fn get_balance(
    State(state): State<AppState>,
    Extension(_caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<Value>> {
    let url = format!("{}/v1/accounts/{id}/balance", state.config.upstream_url);
    let body = state.http.get(url).send().await?.error_for_status()?.json().await?;
    Ok(Json(body))
}

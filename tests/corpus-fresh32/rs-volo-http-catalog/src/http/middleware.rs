use std::{sync::Arc, time::Instant};

use http::StatusCode;
use subtle::ConstantTimeEq;
use volo_http::{
    context::ServerContext,
    request::ServerRequest,
    response::ServerResponse,
    server::middleware::Next,
    Address, Extension,
};

use crate::state::AppState;

pub async fn require_admin(
    Extension(state): Extension<Arc<AppState>>,
    cx: &mut ServerContext,
    req: ServerRequest,
    next: Next,
) -> Result<ServerResponse, StatusCode> {
    let presented = req
        .headers()
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or(StatusCode::UNAUTHORIZED)?;
    let expected = state.config.admin_token.as_bytes();
    if presented.as_bytes().ct_eq(expected).unwrap_u8() != 1 {
        return Err(StatusCode::UNAUTHORIZED);
    }
    Ok(next.run(cx, req).await)
}

pub async fn access_log(peer: Address, cx: &mut ServerContext, req: ServerRequest, next: Next) -> ServerResponse {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let started = Instant::now();
    let resp = next.run(cx, req).await;
    tracing::info!(%peer, %method, %path, status = resp.status().as_u16(), elapsed_ms = started.elapsed().as_millis() as u64, "http");
    resp
}

//! Hand-written router: a single `match` over method and path.

use std::sync::Arc;

use bytes::Bytes;
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use tokio::{fs::File, io::AsyncWriteExt, sync::{broadcast, Mutex}};

use crate::{auth::Body, config::Config, upstream::Upstream, webhook};

pub struct AppState {
    pub config: Config,
    pub upstream: Upstream,
    pub audit: Mutex<File>,
    pub events: broadcast::Sender<String>,
}

fn full(status: StatusCode, body: impl Into<Bytes>) -> Response<Body> {
    Response::builder()
        .status(status)
        .body(Full::new(body.into()).map_err(|never| match never {}).boxed())
        .expect("valid response")
}

pub async fn route(state: Arc<AppState>, req: Request<Incoming>) -> Result<Response<Body>, hyper::Error> {
    let path = req.uri().path().to_owned();
    match (req.method(), path.as_str()) {
        (&Method::GET, "/healthz") => Ok(health(&req)),
        (&Method::POST, "/hooks/deploy") => deploy_hook(state, req).await,
        (&Method::POST, "/admin/cache/purge") => purge_cache(state, req).await,
        (&Method::POST, "/admin/reload") => reload(state).await,
        (_, p) if p.starts_with("/api/") => proxy(state, req).await,
        _ => Ok(full(StatusCode::NOT_FOUND, "not found")),
    }
}

fn health<B>(_req: &Request<B>) -> Response<Body> {
    full(StatusCode::OK, "ok")
}

async fn audit(state: &AppState, line: String) {
    let mut file = state.audit.lock().await;
    file.write_all(format!("{line}\n").as_bytes()).await.ok();
}

async fn deploy_hook(state: Arc<AppState>, req: Request<Incoming>) -> Result<Response<Body>, hyper::Error> {
    let sig = req.headers().get("x-hub-signature-256").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let body = req.into_body().collect().await?.to_bytes();
    if let Err(err) = webhook::verify(state.config.webhook_secret.as_bytes(), &body, sig.as_deref()) {
        tracing::warn!(?err, "deploy hook rejected");
        return Ok(full(StatusCode::UNAUTHORIZED, "bad signature"));
    }
    let _ = state.events.send("deploy".to_string());
    audit(&state, "deploy hook accepted".into()).await;
    Ok(full(StatusCode::ACCEPTED, "queued"))
}

async fn purge_cache(_state: Arc<AppState>, _req: Request<Incoming>) -> Result<Response<Body>, hyper::Error> {
    todo!("purge edge cache once the cache layer lands")
}

async fn reload(state: Arc<AppState>) -> Result<Response<Body>, hyper::Error> {
    match Config::load(std::path::Path::new(crate::config::DEFAULT_CONFIG_PATH)) {
        Ok(cfg) => {
            tracing::info!(upstream = %cfg.upstream, "config validated; restart to apply");
            audit(&state, "config reload validated".into()).await;
            Ok(full(StatusCode::OK, "valid"))
        }
        Err(err) => {
            tracing::error!(%err, "config reload failed");
            Ok(full(StatusCode::UNPROCESSABLE_ENTITY, err.to_string()))
        }
    }
}

async fn proxy(state: Arc<AppState>, req: Request<Incoming>) -> Result<Response<Body>, hyper::Error> {
    let pq = req.uri().path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_default();
    let (parts, body) = req.into_parts();
    let body = body.collect().await?.to_bytes();
    match state.upstream.forward(&pq, Request::from_parts(parts, Full::new(body))).await {
        Ok(resp) => Ok(resp.map(|b| b.boxed())),
        Err(err) => {
            tracing::error!(%err, "upstream request failed");
            Ok(full(StatusCode::BAD_GATEWAY, "upstream unavailable"))
        }
    }
}

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{header, Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::json;
use subtle::ConstantTimeEq;
use tokio::net::TcpListener;
use tracing::{info, warn};

use crate::store::Store;

pub struct AdminState {
    pub store: Store,
    pub token: String,
}

fn reply(status: StatusCode, body: serde_json::Value) -> Response<Full<Bytes>> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Full::new(Bytes::from(body.to_string())))
        .expect("static response parts are valid")
}

fn authorized(req: &Request<Incoming>, token: &str) -> bool {
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    presented.as_bytes().ct_eq(token.as_bytes()).into()
}

async fn route(
    req: Request<Incoming>,
    state: Arc<AdminState>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let path = req.uri().path().trim_end_matches('/').to_string();

    // Probed by systemd and the load balancer before any token is provisioned.
    if req.method() == Method::GET && path == "/healthz" {
        return Ok(reply(StatusCode::OK, json!({ "ok": true })));
    }
    if !authorized(&req, &state.token) {
        return Ok(reply(
            StatusCode::UNAUTHORIZED,
            json!({ "error": "unauthorized" }),
        ));
    }

    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let response = match (req.method(), segments.as_slice()) {
        (&Method::GET, ["meters", id]) => match state.store.latest(id) {
            Ok(Some(reading)) => reply(StatusCode::OK, json!(reading)),
            Ok(None) => reply(StatusCode::NOT_FOUND, json!({ "error": "no readings" })),
            Err(err) => reply(
                StatusCode::INTERNAL_SERVER_ERROR,
                json!({ "error": err.to_string() }),
            ),
        },
        _ => reply(StatusCode::NOT_FOUND, json!({ "error": "not found" })),
    };
    Ok(response)
}

pub async fn serve(addr: SocketAddr, state: Arc<AdminState>) -> anyhow::Result<()> {
    let listener = TcpListener::bind(addr).await?;
    info!(%addr, "admin endpoint listening");
    loop {
        let (stream, peer) = listener.accept().await?;
        let state = state.clone();
        tokio::spawn(async move {
            let service = service_fn(move |req| route(req, state.clone()));
            if let Err(err) = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await
            {
                warn!(%peer, error = %err, "admin connection error");
            }
        });
    }
}

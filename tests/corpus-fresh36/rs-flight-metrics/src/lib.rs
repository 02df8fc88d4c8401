pub mod actions;
pub mod auth;
pub mod catalog;
pub mod config;
pub mod replica;
pub mod service;
pub mod store;

use tonic::{Request, Status};

#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// Tags every call with a request id for the logs. Authentication is per method in
/// `service.rs`, because the handshake itself has to be reachable without a token.
pub fn attach_request_id(mut req: Request<()>) -> Result<Request<()>, Status> {
    let id = req
        .metadata()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    req.extensions_mut().insert(RequestId(id));
    Ok(req)
}

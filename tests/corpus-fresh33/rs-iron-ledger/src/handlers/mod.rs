pub mod accounts;
pub mod admin;
pub mod entries;
pub mod webhooks;

use iron::mime::Mime;
use iron::prelude::*;
use iron::status;
use persistent::Read;
use router::Router;
use serde::Serialize;

use crate::db::{DbPool, Pool};
use crate::error::ApiError;

pub fn json<T: Serialize>(code: status::Status, value: &T) -> IronResult<Response> {
    let body = serde_json::to_string(value).map_err(|e| ApiError::Db(e.to_string()))?;
    let mime: Mime = "application/json".parse().unwrap();
    Ok(Response::with((code, mime, body)))
}

pub fn pool(req: &mut Request) -> Result<std::sync::Arc<Pool>, ApiError> {
    req.get::<Read<DbPool>>()
        .map_err(|_| ApiError::Db("database pool not configured".into()))
}

pub fn id_param(req: &Request, name: &str) -> Result<i64, ApiError> {
    req.extensions
        .get::<Router>()
        .and_then(|params| params.find(name))
        .and_then(|raw| raw.parse().ok())
        .ok_or_else(|| ApiError::BadRequest(format!("invalid {}", name)))
}

/// Liveness for the load balancer.
pub fn health(_: &mut Request) -> IronResult<Response> {
    Ok(Response::with((status::Ok, "ok")))
}

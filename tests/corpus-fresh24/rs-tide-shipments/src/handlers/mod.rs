pub mod admin;
pub mod shipments;
pub mod webhooks;

use serde::Serialize;
use tide::{Body, Request, Response, StatusCode};

use crate::state::State;

pub async fn health(_req: Request<State>) -> tide::Result {
    json(StatusCode::Ok, &serde_json::json!({ "status": "ok" }))
}

pub fn json<T: Serialize>(status: StatusCode, value: &T) -> tide::Result {
    Ok(Response::builder(status)
        .body(Body::from_json(value)?)
        .build())
}

pub fn param_uuid(req: &Request<State>, name: &str) -> tide::Result<uuid::Uuid> {
    let raw = req.param(name)?;
    uuid::Uuid::parse_str(raw).map_err(|_| {
        tide::Error::from_str(StatusCode::BadRequest, format!("{name} must be a uuid"))
    })
}

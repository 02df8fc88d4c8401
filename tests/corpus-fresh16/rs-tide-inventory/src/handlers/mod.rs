pub mod items;
pub mod webhooks;

use serde::Serialize;
use tide::{Body, Response, StatusCode};

pub(crate) fn json<T: Serialize>(status: StatusCode, value: &T) -> tide::Result {
    Ok(Response::builder(status)
        .body(Body::from_json(value)?)
        .build())
}

pub(crate) fn not_found(what: &str) -> tide::Result {
    json(
        StatusCode::NotFound,
        &serde_json::json!({ "error": format!("{what} not found") }),
    )
}

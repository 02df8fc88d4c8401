pub mod admin;
pub mod shipments;
pub mod webhooks;

use serde_json::json;
use tide::{Request, Response, StatusCode};

use crate::state::State;

pub async fn health(req: Request<State>) -> tide::Result {
    match sqlx::query("SELECT 1").execute(&req.state().db).await {
        Ok(_) => Ok(json!({ "status": "ok" }).into()),
        Err(err) => {
            log::error!("health check failed: {err}");
            Ok(Response::builder(StatusCode::ServiceUnavailable)
                .body(json!({ "status": "degraded" }))
                .build())
        }
    }
}

pub(crate) fn parse_id(req: &Request<State>) -> tide::Result<uuid::Uuid> {
    req.param("id")?
        .parse()
        .map_err(|_| tide::Error::from_str(StatusCode::BadRequest, "invalid id"))
}

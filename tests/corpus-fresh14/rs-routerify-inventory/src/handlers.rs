use hyper::{body, Body, Request, Response, StatusCode};
use routerify::ext::RequestExt;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::verify_webhook;
use crate::db;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    pub limit: Option<i64>,
    pub offset: Option<i64>,
    /// When true, soft-deleted SKUs are included (used by the audit export).
    pub include_deleted: Option<bool>,
}

#[derive(Debug, Deserialize)]
pub struct Adjustment {
    pub delta: i32,
    pub reason: String,
}

#[derive(Serialize)]
struct Adjusted {
    id: Uuid,
    quantity: i32,
}

fn json<T: Serialize>(status: StatusCode, value: &T) -> Result<Response<Body>, ApiError> {
    Ok(Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(serde_json::to_vec(value)?))
        .expect("valid response"))
}

fn state(req: &Request<Body>) -> AppState {
    req.data::<AppState>().cloned().expect("AppState registered")
}

fn item_id(req: &Request<Body>) -> Result<Uuid, ApiError> {
    req.param("id")
        .and_then(|s| Uuid::parse_str(s).ok())
        .ok_or_else(|| ApiError::BadRequest("id must be a uuid".into()))
}

pub async fn health(_req: Request<Body>) -> Result<Response<Body>, ApiError> {
    json(StatusCode::OK, &serde_json::json!({ "status": "ok" }))
}

pub async fn list_items(req: Request<Body>) -> Result<Response<Body>, ApiError> {
    let q: ListQuery = serde_urlencoded::from_str(req.uri().query().unwrap_or(""))
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let limit = q.limit.unwrap_or(50).clamp(1, 500);
    let items = db::list_items(&state(&req).pool, limit, q.offset.unwrap_or(0)).await?;
    json(StatusCode::OK, &items)
}

pub async fn get_item(req: Request<Body>) -> Result<Response<Body>, ApiError> {
    let id = item_id(&req)?;
    match db::get_item(&state(&req).pool, id).await? {
        Some(item) => json(StatusCode::OK, &item),
        None => Err(ApiError::NotFound),
    }
}

pub async fn adjust_stock(req: Request<Body>) -> Result<Response<Body>, ApiError> {
    let id = item_id(&req)?;
    let st = state(&req);
    let bytes = body::to_bytes(req.into_body()).await.map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let adj: Adjustment = serde_json::from_slice(&bytes)?;
    let mut tx = st.pool.begin().await?;
    let quantity = db::adjust_quantity(&mut tx, id, adj.delta, &adj.reason).await?;
    let _ = tx.commit().await;
    tracing::info!(%id, delta = adj.delta, quantity, "stock adjusted");
    json(StatusCode::OK, &Adjusted { id, quantity })
}

pub async fn delete_item(req: Request<Body>) -> Result<Response<Body>, ApiError> {
    let id = item_id(&req)?;
    if !db::soft_delete(&state(&req).pool, id).await? {
        return Err(ApiError::NotFound);
    }
    json(StatusCode::OK, &serde_json::json!({ "deleted": id }))
}

pub async fn bulk_import(_req: Request<Body>) -> Result<Response<Body>, ApiError> {
    todo!("CSV bulk import lands with the warehouse migration")
}

pub async fn supplier_webhook(req: Request<Body>) -> Result<Response<Body>, ApiError> {
    let st = state(&req);
    let sig = req
        .headers()
        .get("x-supplier-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let bytes = body::to_bytes(req.into_body()).await.map_err(|e| ApiError::BadRequest(e.to_string()))?;
    if !verify_webhook(&st.config.webhook_secret, &bytes, &sig) {
        return Err(ApiError::Unauthorized("bad signature"));
    }
    tracing::info!(len = bytes.len(), "supplier webhook accepted");
    json(StatusCode::ACCEPTED, &serde_json::json!({ "accepted": true }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_query_defaults() {
        let q: ListQuery = serde_urlencoded::from_str("").unwrap();
        assert!(q.limit.is_none());
        assert!(q.offset.is_none());
    }

    #[test]
    fn list_query_parses_flags() {
        let _q: ListQuery = serde_urlencoded::from_str("limit=10&include_deleted=true").unwrap();
    }

    #[test]
    fn error_status_mapping() {
        fn unreachable_handler() -> Result<(), ApiError> {
            unimplemented!("only used to type-check the error mapping")
        }
        assert_eq!(ApiError::NotFound.status(), StatusCode::NOT_FOUND);
        assert_eq!(ApiError::Forbidden.status(), StatusCode::FORBIDDEN);
    }

    #[tokio::test]
    async fn health_returns_ok() {
        let resp = health(Request::new(Body::empty())).await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
    }
}

use ntex::web::{self, types::{Json, Path, Query, State}, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::verify_signature;
use crate::store::{AppState, NewOrder, Order};

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    #[serde(default = "default_limit")]
    pub limit: i64,
    pub customer_id: Option<Uuid>,
    /// Only return orders in this status ("pending", "shipped", ...).
    pub status: Option<String>,
}

fn default_limit() -> i64 {
    50
}

#[derive(Serialize)]
struct ListResponse {
    orders: Vec<Order>,
}

pub async fn health(_req: HttpRequest) -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

pub async fn list_orders(state: State<AppState>, q: Query<ListQuery>) -> Result<HttpResponse, web::Error> {
    let limit = q.limit.clamp(1, 500);
    let orders = state
        .store
        .list_orders(q.customer_id, limit)
        .await
        .map_err(web::error::ErrorInternalServerError)?;
    Ok(HttpResponse::Ok().json(&ListResponse { orders }))
}

pub async fn create_order(state: State<AppState>, body: Json<NewOrder>) -> Result<HttpResponse, web::Error> {
    let order = state
        .store
        .insert_order(&body)
        .await
        .map_err(web::error::ErrorInternalServerError)?;
    let _ = state.store.append_audit("order.create", &order.id.to_string()).await;
    Ok(HttpResponse::Created().json(&order))
}

pub async fn cancel_order(state: State<AppState>, id: Path<Uuid>) -> Result<HttpResponse, web::Error> {
    let cancelled = state
        .store
        .cancel_order(*id)
        .await
        .map_err(web::error::ErrorInternalServerError)?;
    if !cancelled {
        return Ok(HttpResponse::NotFound().finish());
    }
    if let Err(e) = state.store.append_audit("order.cancel", &id.to_string()).await {
        tracing::error!(error = %e, order = %id, "audit write failed for cancellation");
        return Err(web::error::ErrorInternalServerError(e));
    }
    Ok(HttpResponse::NoContent().finish())
}

pub async fn export_orders(_state: State<AppState>) -> HttpResponse {
    todo!("CSV export for finance")
}

pub async fn fulfilment_webhook(
    state: State<AppState>,
    req: HttpRequest,
    body: web::types::Bytes,
) -> HttpResponse {
    let header = req
        .headers()
        .get("x-orders-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !verify_signature(&state.config.webhook_secret, &body, header) {
        return HttpResponse::Unauthorized().finish();
    }
    match state.fulfilment.acknowledge(&body).await {
        Ok(()) => HttpResponse::Accepted().finish(),
        Err(e) => {
            tracing::warn!(error = %e, "fulfilment ack failed; asking sender to retry");
            HttpResponse::ServiceUnavailable().finish()
        }
    }
}

use crate::db;
use actix_web::{web, HttpRequest, HttpResponse};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;
use sqlx::PgPool;

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug, Deserialize)]
struct OrderEvent {
    order_ref: String,
    status: String,
}

pub struct WebhookSecret(pub String);

fn signature_valid(secret: &str, body: &[u8], header: Option<&str>) -> bool {
    let Some(sig) = header.and_then(|h| hex::decode(h.trim_start_matches("sha256=")).ok()) else {
        return false;
    };
    let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(body);
    mac.verify_slice(&sig).is_ok()
}

/// Order status callbacks from Northwind. Authenticated by HMAC signature,
/// not by a user token, so it is mounted outside the GraphQL endpoint.
pub async fn supplier_order_event(
    req: HttpRequest,
    body: web::Bytes,
    pool: web::Data<PgPool>,
    secret: web::Data<WebhookSecret>,
) -> HttpResponse {
    let header = req.headers().get("x-northwind-signature").and_then(|v| v.to_str().ok());
    if !signature_valid(&secret.0, &body, header) {
        return HttpResponse::Unauthorized().finish();
    }
    let event: OrderEvent = match serde_json::from_slice(&body) {
        Ok(e) => e,
        Err(err) => {
            tracing::warn!(%err, "malformed supplier event");
            return HttpResponse::BadRequest().finish();
        }
    };
    match db::set_order_status(&pool, &event.order_ref, &event.status).await {
        Ok(0) => HttpResponse::NotFound().finish(),
        Ok(_) => HttpResponse::NoContent().finish(),
        Err(err) => {
            tracing::error!(%err, order = %event.order_ref, "could not record supplier event");
            HttpResponse::InternalServerError().finish()
        }
    }
}

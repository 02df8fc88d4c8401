use hmac::{Hmac, Mac};
use poem::web::Data;
use poem_openapi::{
    param::{Header, Path},
    payload::{Binary, Json, PlainText},
    ApiResponse, OpenApi,
};
use serde::Deserialize;
use sha2::Sha256;
use sqlx::PgPool;
use tracing::{error, info};

use super::ApiTags;
use crate::auth::{ServiceKey, UserAuth};
use crate::clients::carrier::CarrierClient;
use crate::config::Config;
use crate::db;
use crate::models::{Item, Movement, Reservation, ShipmentLabel, StockAdjustment};

#[derive(ApiResponse)]
pub enum StockResponse {
    #[oai(status = 200)]
    Ok(Json<Item>),
    #[oai(status = 404)]
    NotFound,
    #[oai(status = 409)]
    Insufficient(PlainText<String>),
}

#[derive(ApiResponse)]
pub enum WebhookResponse {
    #[oai(status = 204)]
    Accepted,
    #[oai(status = 401)]
    BadSignature,
}

#[derive(Deserialize)]
struct DeliveryNotice {
    sku: String,
    quantity: i32,
    po_number: String,
}

pub struct StockApi;

#[OpenApi(tag = "ApiTags::Stock")]
impl StockApi {
    #[oai(path = "/items/:sku/adjust", method = "post")]
    async fn adjust_stock(
        &self,
        pool: Data<&PgPool>,
        auth: UserAuth,
        sku: Path<String>,
        body: Json<StockAdjustment>,
    ) -> poem::Result<StockResponse> {
        let Some(item) = db::apply_delta(&pool, &sku, body.delta)
            .await
            .map_err(poem::error::InternalServerError)?
        else {
            return Ok(StockResponse::NotFound);
        };
        db::record_movement(&pool, &sku, body.delta, &body.reason, &auth.0.sub)
            .await
            .ok();
        info!(sku = %sku.0, delta = body.delta, by = %auth.0.sub, "stock adjusted");
        Ok(StockResponse::Ok(Json(item)))
    }

    #[oai(path = "/items/:sku/movements", method = "get")]
    async fn movements(
        &self,
        pool: Data<&PgPool>,
        _auth: UserAuth,
        sku: Path<String>,
    ) -> poem::Result<Json<Vec<Movement>>> {
        Ok(Json(
            db::movements(&pool, &sku)
                .await
                .map_err(poem::error::InternalServerError)?,
        ))
    }

    /// Called by the order service when an order is placed.
    #[oai(path = "/items/:sku/reserve", method = "post")]
    async fn reserve(
        &self,
        pool: Data<&PgPool>,
        carrier: Data<&CarrierClient>,
        service: ServiceKey,
        sku: Path<String>,
        body: Json<Reservation>,
    ) -> poem::Result<Json<ShipmentLabel>> {
        let Some(_item) = db::reserve(&pool, &sku, body.quantity)
            .await
            .map_err(poem::error::InternalServerError)?
        else {
            return Err(poem::Error::from_string(
                "insufficient stock",
                poem::http::StatusCode::CONFLICT,
            ));
        };
        db::record_movement(
            &pool,
            &sku,
            -body.quantity,
            &format!("reserved for {}", body.order_id),
            &service.0,
        )
        .await
        .map_err(|e| {
            error!(sku = %sku.0, "reservation not journaled: {e}");
            poem::error::InternalServerError(e)
        })?;
        let (tracking_number, path) = carrier
            .create_label(&body.order_id, &sku, body.quantity)
            .await
            .map_err(poem::error::BadGateway)?;
        Ok(Json(ShipmentLabel {
            tracking_number,
            label_path: path.display().to_string(),
        }))
    }

    /// Delivery notices from Northwind. Authenticated by the HMAC header, not by a user token.
    #[oai(path = "/webhooks/supplier", method = "post")]
    async fn supplier_webhook(
        &self,
        pool: Data<&PgPool>,
        cfg: Data<&Config>,
        #[oai(name = "X-Northwind-Signature")] signature: Header<String>,
        body: Binary<Vec<u8>>,
    ) -> poem::Result<WebhookResponse> {
        let mut mac = Hmac::<Sha256>::new_from_slice(cfg.supplier_webhook_secret.as_bytes())
            .map_err(poem::error::InternalServerError)?;
        mac.update(&body.0);
        let Ok(sig) = hex::decode(signature.0.trim()) else {
            return Ok(WebhookResponse::BadSignature);
        };
        if mac.verify_slice(&sig).is_err() {
            return Ok(WebhookResponse::BadSignature);
        }
        let notice: DeliveryNotice =
            serde_json::from_slice(&body.0).map_err(poem::error::BadRequest)?;
        db::apply_delta(&pool, &notice.sku, notice.quantity)
            .await
            .map_err(poem::error::InternalServerError)?;
        db::record_movement(
            &pool,
            &notice.sku,
            notice.quantity,
            &format!("PO {}", notice.po_number),
            "northwind",
        )
        .await
        .map_err(poem::error::InternalServerError)?;
        Ok(WebhookResponse::Accepted)
    }
}

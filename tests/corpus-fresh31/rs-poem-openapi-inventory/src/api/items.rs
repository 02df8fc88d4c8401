use poem::{http::StatusCode, web::Data};
use poem_openapi::{
    param::{Path, Query},
    payload::{Json, PlainText},
    ApiResponse, OpenApi,
};
use sqlx::PgPool;
use tracing::info;

use super::ApiTags;
use crate::auth::{AdminAuth, UserAuth};
use crate::db;
use crate::models::{Item, NewItem};

#[derive(ApiResponse)]
pub enum ItemResponse {
    #[oai(status = 200)]
    Ok(Json<Item>),
    #[oai(status = 404)]
    NotFound(PlainText<String>),
}

#[derive(ApiResponse)]
pub enum CreateItemResponse {
    #[oai(status = 201)]
    Created(Json<Item>),
    #[oai(status = 409)]
    Conflict(PlainText<String>),
}

pub struct ItemsApi;

#[OpenApi(tag = "ApiTags::Items")]
impl ItemsApi {
    /// Liveness probe for the load balancer; intentionally unauthenticated.
    #[oai(path = "/health", method = "get")]
    async fn health(&self) -> PlainText<&'static str> {
        PlainText("ok")
    }

    /// List items, optionally for one warehouse.
    #[oai(path = "/items", method = "get")]
    async fn list_items(
        &self,
        pool: Data<&PgPool>,
        _auth: UserAuth,
        warehouse: Query<Option<String>>,
        include_discontinued: Query<Option<bool>>,
    ) -> poem::Result<Json<Vec<Item>>> {
        let items = db::list_items(&pool, include_discontinued.0.unwrap_or(false))
            .await
            .map_err(poem::error::InternalServerError)?;
        Ok(Json(items))
    }

    #[oai(path = "/items/:sku", method = "get")]
    async fn get_item(
        &self,
        pool: Data<&PgPool>,
        _auth: UserAuth,
        sku: Path<String>,
    ) -> poem::Result<ItemResponse> {
        match db::get_item(&pool, &sku)
            .await
            .map_err(poem::error::InternalServerError)?
        {
            Some(item) => Ok(ItemResponse::Ok(Json(item))),
            None => Ok(ItemResponse::NotFound(PlainText(format!(
                "no item {}",
                sku.0
            )))),
        }
    }

    #[oai(path = "/items", method = "post")]
    async fn create_item(
        &self,
        pool: Data<&PgPool>,
        auth: AdminAuth,
        body: Json<NewItem>,
    ) -> poem::Result<CreateItemResponse> {
        match db::insert_item(&pool, &body.sku, &body.name, &body.warehouse).await {
            Ok(item) => {
                info!(sku = %item.sku, by = %auth.0.sub, "item created");
                Ok(CreateItemResponse::Created(Json(item)))
            }
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(
                CreateItemResponse::Conflict(PlainText(format!("{} already exists", body.sku))),
            ),
            Err(e) => Err(poem::error::InternalServerError(e)),
        }
    }

    /// Demand forecast for the next 30 days.
    #[oai(path = "/items/:sku/forecast", method = "get")]
    async fn forecast(&self, _auth: UserAuth, _sku: Path<String>) -> poem::Result<Json<Vec<i32>>> {
        Err(poem::Error::from_status(StatusCode::NOT_IMPLEMENTED))
    }
}

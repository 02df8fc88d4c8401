use poem::web::Data;
use poem_openapi::{param::Path, payload::Json, OpenApi};
use sqlx::PgPool;
use tracing::{info, warn};

use super::ApiTags;
use crate::auth::{AdminAuth, UserAuth};
use crate::clients::supplier::SupplierClient;
use crate::db;
use crate::models::{Item, NewItem, PurgeResult};

pub struct AdminApi;

#[OpenApi(prefix_path = "/admin", tag = "ApiTags::Admin")]
impl AdminApi {
    /// Bulk-create catalogue entries; existing SKUs are skipped.
    #[oai(path = "/items/import", method = "post")]
    async fn import_items(
        &self,
        pool: Data<&PgPool>,
        auth: AdminAuth,
        body: Json<Vec<NewItem>>,
    ) -> poem::Result<Json<Vec<Item>>> {
        let mut created = Vec::new();
        for new in body.0 {
            match db::insert_item(&pool, &new.sku, &new.name, &new.warehouse).await {
                Ok(item) => created.push(item),
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                    warn!(sku = %new.sku, "import skipped existing sku");
                }
                Err(e) => return Err(poem::error::InternalServerError(e)),
            }
        }
        info!(count = created.len(), by = %auth.0.sub, "catalogue import");
        Ok(Json(created))
    }

    /// Place a purchase order with the supplier for one item.
    #[oai(path = "/items/:sku/reorder", method = "post")]
    async fn reorder(
        &self,
        pool: Data<&PgPool>,
        supplier: Data<&SupplierClient>,
        auth: AdminAuth,
        sku: Path<String>,
        quantity: poem_openapi::param::Query<i32>,
    ) -> poem::Result<Json<String>> {
        let item = db::get_item(&pool, &sku)
            .await
            .map_err(poem::error::InternalServerError)?
            .ok_or_else(|| poem::Error::from_status(poem::http::StatusCode::NOT_FOUND))?;
        let ack = supplier
            .reorder(&item.sku, quantity.0, &item.warehouse)
            .await
            .map_err(poem::error::BadGateway)?;
        info!(sku = %item.sku, po = %ack.po_number, by = %auth.0.sub, "reorder placed");
        Ok(Json(ack.po_number))
    }

    /// Delete discontinued items that have no stock and no reservations.
    #[oai(path = "/items/purge-discontinued", method = "post")]
    async fn purge_discontinued(
        &self,
        pool: Data<&PgPool>,
        auth: UserAuth,
    ) -> poem::Result<Json<PurgeResult>> {
        let purged = db::purge_discontinued(&pool)
            .await
            .map_err(poem::error::InternalServerError)?;
        info!(purged, by = %auth.0.sub, "discontinued items purged");
        Ok(Json(PurgeResult { purged }))
    }
}

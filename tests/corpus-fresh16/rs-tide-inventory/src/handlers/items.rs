use serde::Deserialize;
use tide::{Request, StatusCode};

use super::{json, not_found};
use crate::state::AppState;
use crate::store::NewItem;

const LOW_STOCK_THRESHOLD: i64 = 5;

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    pub page: Option<u32>,
    pub per_page: Option<u32>,
    pub warehouse: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct StockAdjustment {
    pub delta: i64,
    pub reason: String,
}

pub async fn list(req: Request<AppState>) -> tide::Result {
    let q: ListQuery = req.query()?;
    let per_page = q.per_page.unwrap_or(50).clamp(1, 200);
    let offset = q.page.unwrap_or(1).saturating_sub(1) * per_page;

    let items = req
        .state()
        .store
        .list_items(q.warehouse.as_deref(), per_page as i64, offset as i64)
        .await?;
    json(StatusCode::Ok, &items)
}

pub async fn get(req: Request<AppState>) -> tide::Result {
    let sku = req.param("sku")?;
    match req.state().store.get_item(sku).await? {
        Some(item) => json(StatusCode::Ok, &item),
        None => not_found("item"),
    }
}

pub async fn create(mut req: Request<AppState>) -> tide::Result {
    let item: NewItem = req.body_json().await?;
    if item.sku.trim().is_empty() || item.quantity < 0 {
        return json(
            StatusCode::UnprocessableEntity,
            &serde_json::json!({ "error": "invalid item" }),
        );
    }
    let created = req.state().store.insert_item(&item).await?;
    json(StatusCode::Created, &created)
}

pub async fn adjust_stock(mut req: Request<AppState>) -> tide::Result {
    let adjustment: StockAdjustment = req.body_json().await?;
    let sku = req.param("sku")?.to_owned();
    let state = req.state();

    let quantity = state
        .store
        .adjust_stock(&sku, adjustment.delta)
        .await
        .map_err(|err| {
            log::error!("stock update failed for {sku}: {err}");
            err
        })?;

    let Some(quantity) = quantity else {
        return not_found("item");
    };

    let _ = state
        .store
        .record_movement(&sku, adjustment.delta, &adjustment.reason)
        .await;

    if quantity < LOW_STOCK_THRESHOLD {
        if let Err(err) = state.supplier.notify_low_stock(&sku, quantity).await {
            log::warn!("low-stock alert for {sku} not sent: {err:#}");
        }
    }

    json(
        StatusCode::Ok,
        &serde_json::json!({ "sku": sku, "quantity": quantity }),
    )
}

pub async fn delete(req: Request<AppState>) -> tide::Result {
    let sku = req.param("sku")?;
    if req.state().store.delete_item(sku).await? {
        Ok(tide::Response::new(StatusCode::NoContent))
    } else {
        not_found("item")
    }
}

pub async fn bulk_import(_req: Request<AppState>) -> tide::Result {
    todo!("CSV bulk import")
}

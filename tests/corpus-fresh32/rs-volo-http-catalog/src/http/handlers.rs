use std::sync::Arc;

use http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use volo_http::{
    json::Json,
    server::{extract::Query, param::PathParams},
    Extension,
};

use crate::{
    pricing,
    state::AppState,
    store::{self, Product},
};

type ApiResult<T> = Result<T, (StatusCode, String)>;

fn internal<E: std::fmt::Display>(e: E) -> (StatusCode, String) {
    tracing::error!(error = %e, "request failed");
    (StatusCode::INTERNAL_SERVER_ERROR, "internal error".into())
}

pub async fn healthz() -> &'static str {
    "ok"
}

#[derive(Deserialize)]
pub struct ListQuery {
    category: Option<String>,
    #[serde(default = "default_limit")]
    limit: i64,
    #[serde(default)]
    offset: i64,
}

fn default_limit() -> i64 {
    50
}

pub async fn list_products(Extension(state): Extension<Arc<AppState>>, Query(q): Query<ListQuery>) -> ApiResult<Json<Vec<Product>>> {
    let rows = store::list_products(&state.pool, q.category.as_deref(), q.limit, q.offset).await.map_err(internal)?;
    Ok(Json(rows))
}

pub async fn get_product(
    Extension(state): Extension<Arc<AppState>>,
    PathParams(sku): PathParams<String>,
    headers: HeaderMap,
) -> ApiResult<(StatusCode, HeaderMap, Json<Option<Product>>)> {
    let product = store::get_product(&state.pool, &sku).await.map_err(internal)?;
    let Some(product) = product else {
        return Ok((StatusCode::NOT_FOUND, HeaderMap::new(), Json(None)));
    };
    let etag = format!("\"{}-{}\"", product.sku, product.updated_at.timestamp_millis());
    let if_none_match = headers.get(http::header::IF_NONE_MATCH).and_then(|v| v.to_str().ok());
    let mut out = HeaderMap::new();
    out.insert(http::header::ETAG, etag.parse().map_err(internal)?);
    if if_none_match == Some(etag.as_str()) {
        return Ok((StatusCode::NOT_MODIFIED, out, Json(None)));
    }
    Ok((StatusCode::OK, out, Json(Some(product))))
}

#[derive(Deserialize)]
pub struct SetPriceBody {
    price_cents: i64,
    reason: String,
}

pub async fn set_price(
    Extension(state): Extension<Arc<AppState>>,
    PathParams(sku): PathParams<String>,
    Json(body): Json<SetPriceBody>,
) -> ApiResult<Json<Product>> {
    if body.price_cents < 0 || body.reason.trim().is_empty() {
        return Err((StatusCode::UNPROCESSABLE_ENTITY, "price must be >= 0 and a reason is required".into()));
    }
    let product = store::set_price(&state.pool, &sku, body.price_cents, "admin-api", &body.reason)
        .await
        .map_err(internal)?
        .ok_or((StatusCode::NOT_FOUND, format!("no product {sku}")))?;
    if let Err(e) = state.cdn.purge_product(&sku).await {
        tracing::warn!(%sku, error = %e, "CDN purge failed; cached pages expire within 5 minutes");
    }
    Ok(Json(product))
}

pub async fn archive_product(
    Extension(state): Extension<Arc<AppState>>,
    PathParams(sku): PathParams<String>,
) -> ApiResult<StatusCode> {
    let done = sqlx::query("UPDATE products SET archived = TRUE, updated_at = now() WHERE sku = $1")
        .bind(&sku)
        .execute(&state.pool)
        .await
        .map_err(internal)?;
    Ok(if done.rows_affected() == 0 { StatusCode::NOT_FOUND } else { StatusCode::NO_CONTENT })
}

#[derive(Deserialize)]
pub struct ImportRow {
    sku: String,
    title: String,
    category: String,
    price_cents: i64,
}

#[derive(Serialize)]
pub struct ImportResult {
    upserted: u64,
}

pub async fn import_products(
    Extension(state): Extension<Arc<AppState>>,
    Json(rows): Json<Vec<ImportRow>>,
) -> ApiResult<Json<ImportResult>> {
    if rows.len() > 5_000 {
        return Err((StatusCode::PAYLOAD_TOO_LARGE, "at most 5000 rows per import".into()));
    }
    let tuples: Vec<_> = rows.into_iter().map(|r| (r.sku, r.title, r.category, r.price_cents)).collect();
    let upserted = store::upsert_products(&state.pool, &tuples).await.map_err(internal)?;
    Ok(Json(ImportResult { upserted }))
}

#[derive(Deserialize)]
pub struct SyncQuery {
    since: String,
}

pub async fn sync_pricing(Extension(state): Extension<Arc<AppState>>, Query(q): Query<SyncQuery>) -> ApiResult<Json<ImportResult>> {
    let prices = state.pricing.fetch_since(&q.since).await.map_err(internal)?;
    let mut upserted = 0;
    for (sku, cents) in pricing::to_cents(&prices) {
        if store::set_price(&state.pool, &sku, cents, "pricing-feed", "feed sync").await.map_err(internal)?.is_some() {
            upserted += 1;
        }
    }
    Ok(Json(ImportResult { upserted }))
}

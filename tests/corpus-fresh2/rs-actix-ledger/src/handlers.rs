use actix_web::{web, HttpRequest, HttpResponse, Responder};
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEvent, AuditSink};
use crate::config::{DEFAULT_PAGE, MAX_PAGE};
use crate::error::ApiError;
use crate::extractors::{IdempotencyKey, TenantId};
use crate::repo::{LedgerStore, NewEntry, PgLedger};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/accounts/{id}/entries")
            .route(web::get().to(list_entries))
            .route(web::post().to(post_entry)),
    )
    .service(web::resource("/accounts/{id}/balance").route(web::get().to(balance)))
    .service(web::resource("/accounts/{id}/export.csv").route(web::get().to(export_csv)));
}

pub fn admin_config(cfg: &mut web::ServiceConfig) {
    cfg.route("/accounts/{id}/freeze", web::post().to(freeze_account));
}

pub async fn health(_req: HttpRequest) -> impl Responder {
    HttpResponse::Ok().json(json!({ "ok": true }))
}

#[derive(Debug, Deserialize)]
pub struct Page {
    pub limit: Option<u32>,
    pub before: Option<i64>,
}

pub async fn list_entries(
    repo: web::Data<PgLedger>,
    path: web::Path<Uuid>,
    page: web::Query<Page>,
) -> Result<HttpResponse, ApiError> {
    let limit = page.limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE);
    let entries = repo.entries(path.into_inner(), page.before, limit).await?;
    Ok(HttpResponse::Ok().json(entries))
}

#[derive(Debug, Deserialize)]
pub struct PostEntry {
    pub amount_minor: i64,
    pub memo: String,
}

pub async fn post_entry(
    repo: web::Data<PgLedger>,
    audit: web::Data<AuditSink>,
    tenant: TenantId,
    idem: IdempotencyKey,
    path: web::Path<Uuid>,
    body: web::Json<PostEntry>,
) -> Result<HttpResponse, ApiError> {
    if body.amount_minor == 0 {
        return Err(ApiError::BadRequest("amount must be non-zero".into()));
    }
    let account = path.into_inner();
    let body = body.into_inner();
    let entry = repo
        .insert(account, NewEntry { amount_minor: body.amount_minor, memo: body.memo, idempotency_key: idem.0 })
        .await?;
    let _ = audit.write(AuditEvent::EntryPosted {
        tenant: tenant.0,
        account,
        entry_id: entry.id,
        amount_minor: entry.amount_minor,
    });
    Ok(HttpResponse::Created().json(entry))
}

#[derive(Debug, Deserialize)]
pub struct AsOf {
    pub as_of: Option<chrono::DateTime<chrono::Utc>>,
}

pub async fn balance(
    repo: web::Data<PgLedger>,
    path: web::Path<Uuid>,
    q: web::Query<AsOf>,
) -> Result<HttpResponse, ApiError> {
    let minor = repo.balance(path.into_inner(), q.as_of).await?;
    Ok(HttpResponse::Ok().json(json!({ "balance_minor": minor })))
}

/// GET /accounts/{id}/export.csv -- full statement for the accountant export.
pub async fn export_csv(
    _repo: web::Data<PgLedger>,
    _path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    todo!("stream entries as CSV")
}

#[derive(Debug, Deserialize)]
pub struct FreezeBody {
    pub reason: String,
}

pub async fn freeze_account(
    repo: web::Data<PgLedger>,
    audit: web::Data<AuditSink>,
    path: web::Path<Uuid>,
    body: web::Json<FreezeBody>,
) -> Result<HttpResponse, ApiError> {
    let account = path.into_inner();
    repo.freeze(account, &body.reason).await?;
    audit
        .write(AuditEvent::AccountFrozen { account, reason: body.reason.clone() })
        .map_err(|e| ApiError::BadRequest(format!("audit write failed: {e}")))?;
    Ok(HttpResponse::NoContent().finish())
}

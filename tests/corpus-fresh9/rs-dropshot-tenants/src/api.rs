use dropshot::{
    endpoint, HttpError, HttpResponseCreated, HttpResponseDeleted, HttpResponseOk, Path, Query,
    RequestContext, TypedBody,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::{authenticate, require_admin, Caller};
use crate::context::ApiContext;
use crate::store::Tenant;

#[derive(Deserialize, JsonSchema)]
pub struct TenantPath {
    pub tenant_id: Uuid,
}

#[derive(Deserialize, JsonSchema)]
pub struct ListParams {
    /// Page size, 1..=200.
    pub limit: Option<u32>,
    /// Return tenants with id greater than this cursor.
    pub after: Option<Uuid>,
    /// Include soft-deleted tenants (admin only).
    pub include_deleted: Option<bool>,
}

#[derive(Deserialize, JsonSchema)]
pub struct CreateTenant {
    pub slug: String,
    pub plan: String,
}

#[derive(Serialize, JsonSchema)]
pub struct TenantPage {
    pub items: Vec<Tenant>,
    pub next: Option<Uuid>,
}

fn internal(e: impl std::fmt::Display) -> HttpError {
    HttpError::for_internal_error(e.to_string())
}

#[endpoint { method = GET, path = "/healthz" }]
pub async fn healthz(_rqctx: RequestContext<ApiContext>) -> Result<HttpResponseOk<&'static str>, HttpError> {
    Ok(HttpResponseOk("ok"))
}

#[endpoint { method = GET, path = "/v1/tenants" }]
pub async fn list_tenants(
    rqctx: RequestContext<ApiContext>,
    query: Query<ListParams>,
) -> Result<HttpResponseOk<TenantPage>, HttpError> {
    require_admin(&rqctx).await?;
    let params = query.into_inner();
    let limit = params.limit.unwrap_or(50).clamp(1, 200) as i64;
    let items = rqctx.context().store.list(limit, params.after).await.map_err(internal)?;
    let next = if items.len() as i64 == limit { items.last().map(|t| t.id) } else { None };
    Ok(HttpResponseOk(TenantPage { items, next }))
}

#[endpoint { method = GET, path = "/v1/tenants/{tenant_id}" }]
pub async fn get_tenant(
    rqctx: RequestContext<ApiContext>,
    path: Path<TenantPath>,
) -> Result<HttpResponseOk<Tenant>, HttpError> {
    let id = path.into_inner().tenant_id;
    match authenticate(&rqctx).await? {
        Caller::Admin => {}
        Caller::Tenant(own) if own == id => {}
        Caller::Tenant(_) => return Err(HttpError::for_not_found(None, "no such tenant".into())),
    }
    let tenant = rqctx.context().store.get(id).await.map_err(internal)?;
    tenant.map(HttpResponseOk).ok_or_else(|| HttpError::for_not_found(None, "no such tenant".into()))
}

#[endpoint { method = POST, path = "/v1/tenants" }]
pub async fn create_tenant(
    rqctx: RequestContext<ApiContext>,
    body: TypedBody<CreateTenant>,
) -> Result<HttpResponseCreated<Tenant>, HttpError> {
    require_admin(&rqctx).await?;
    let req = body.into_inner();
    let ctx = rqctx.context();
    let tenant = ctx.store.create(&req.slug, &req.plan).await.map_err(internal)?;
    ctx.store.append_audit("admin", "tenant.create", tenant.id).await.map_err(internal)?;
    ctx.notify_billing(tenant.id, "tenant.created").await.map_err(internal)?;
    Ok(HttpResponseCreated(tenant))
}

#[endpoint { method = DELETE, path = "/v1/tenants/{tenant_id}" }]
pub async fn delete_tenant(
    rqctx: RequestContext<ApiContext>,
    path: Path<TenantPath>,
) -> Result<HttpResponseDeleted, HttpError> {
    let id = path.into_inner().tenant_id;
    let ctx = rqctx.context();
    if !ctx.store.soft_delete(id).await.map_err(internal)? {
        return Err(HttpError::for_not_found(None, "no such tenant".into()));
    }
    let _ = ctx.store.append_audit("admin", "tenant.delete", id).await;
    Ok(HttpResponseDeleted())
}

#[endpoint { method = POST, path = "/v1/tenants/{tenant_id}/rotate-keys" }]
pub async fn rotate_keys(
    rqctx: RequestContext<ApiContext>,
    path: Path<TenantPath>,
) -> Result<HttpResponseOk<Vec<String>>, HttpError> {
    require_admin(&rqctx).await?;
    let _id = path.into_inner().tenant_id;
    todo!("issue new key pair and revoke the old ones")
}

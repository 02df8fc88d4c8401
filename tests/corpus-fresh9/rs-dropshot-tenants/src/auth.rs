use dropshot::{HttpError, RequestContext};
use http::header::AUTHORIZATION;
use subtle::ConstantTimeEq;

use crate::context::ApiContext;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    Admin,
    Tenant(uuid::Uuid),
}

fn bearer(rqctx: &RequestContext<ApiContext>) -> Option<String> {
    rqctx
        .request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned)
}

/// Resolves the caller from the bearer token: the operator token or a tenant API key.
pub async fn authenticate(rqctx: &RequestContext<ApiContext>) -> Result<Caller, HttpError> {
    let ctx = rqctx.context();
    let token = bearer(rqctx).ok_or_else(|| HttpError::for_client_error(None, http::StatusCode::UNAUTHORIZED, "missing bearer token".into()))?;

    if token.as_bytes().ct_eq(ctx.config.admin_token.as_bytes()).into() {
        return Ok(Caller::Admin);
    }
    match ctx.store.tenant_for_key(&token).await {
        Ok(Some(id)) => Ok(Caller::Tenant(id)),
        Ok(None) => Err(HttpError::for_client_error(None, http::StatusCode::UNAUTHORIZED, "unknown api key".into())),
        Err(e) => Err(HttpError::for_internal_error(format!("key lookup failed: {e:#}"))),
    }
}

pub async fn require_admin(rqctx: &RequestContext<ApiContext>) -> Result<(), HttpError> {
    match authenticate(rqctx).await? {
        Caller::Admin => Ok(()),
        Caller::Tenant(_) => Err(HttpError::for_client_error(None, http::StatusCode::FORBIDDEN, "admin only".into())),
    }
}

/// Used by the billing service callback, which signs with the shared webhook secret.
pub fn billing_callback_ok(presented: &str, secret: &str) -> bool {
    presented == secret
}

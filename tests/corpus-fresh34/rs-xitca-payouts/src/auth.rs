use sha2::{Digest, Sha256};
use xitca_web::{
    error::Error,
    http::{header::AUTHORIZATION, HeaderMap, WebResponse},
    service::Service,
    WebContext,
};

use crate::{db, error::AppError, state::AppState};

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .filter(|t| !t.is_empty())
}

/// Resolves the calling merchant from its API token and stores it in request extensions.
/// Tokens are stored as SHA-256 digests, so the lookup itself is the comparison.
pub async fn require_merchant<S, B>(
    next: &S,
    mut ctx: WebContext<'_, AppState, B>,
) -> Result<WebResponse, Error>
where
    S: for<'r> Service<WebContext<'r, AppState, B>, Response = WebResponse, Error = Error>,
{
    let token = bearer(ctx.req().headers()).ok_or(AppError::Unauthorized)?;
    let digest = hex::encode(Sha256::digest(token.as_bytes()));
    let merchant = db::merchant_by_token_hash(&ctx.state().pool, &digest)
        .await
        .map_err(AppError::from)?
        .ok_or(AppError::Unauthorized)?;
    ctx.req_mut().extensions_mut().insert(merchant);
    next.call(ctx).await
}

pub async fn require_admin<S, B>(
    next: &S,
    ctx: WebContext<'_, AppState, B>,
) -> Result<WebResponse, Error>
where
    S: for<'r> Service<WebContext<'r, AppState, B>, Response = WebResponse, Error = Error>,
{
    let presented = ctx
        .req()
        .headers()
        .get("x-admin-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if presented.is_empty() || presented != ctx.state().config.admin_api_key {
        return Err(AppError::Unauthorized.into());
    }
    next.call(ctx).await
}

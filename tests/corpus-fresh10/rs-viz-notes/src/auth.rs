use jsonwebtoken::{decode, DecodingKey, Validation};
use serde::Deserialize;
use subtle::ConstantTimeEq;
use uuid::Uuid;
use viz::{
    header::AUTHORIZATION, Handler, IntoResponse, Next, Request, RequestExt, Response, Result,
    StatusCode,
};

use crate::AppState;

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: Uuid,
    pub exp: usize,
    #[serde(default)]
    pub scope: String,
}

#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: Uuid,
}

fn bearer(req: &Request) -> Option<&str> {
    req.headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
}

/// Validates the session JWT and stores the caller in request extensions.
pub async fn require_user<H>((mut req, handler): Next<Request, H>) -> Result<Response>
where
    H: Handler<Request, Output = Result<Response>>,
{
    let state = req.state::<AppState>().ok_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_error())?;
    let token = bearer(&req).ok_or_else(|| StatusCode::UNAUTHORIZED.into_error())?;

    let data = decode::<Claims>(
        token,
        &DecodingKey::from_secret(state.config.jwt_secret.as_bytes()),
        &Validation::default(),
    )
    .map_err(|e| {
        tracing::debug!(error = %e, "rejected jwt");
        StatusCode::UNAUTHORIZED.into_error()
    })?;

    req.extensions_mut().insert(CurrentUser { id: data.claims.sub });
    handler.call(req).await
}

/// Guards operator endpoints with the static admin token.
pub async fn require_admin<H>((req, handler): Next<Request, H>) -> Result<Response>
where
    H: Handler<Request, Output = Result<Response>>,
{
    let state = req.state::<AppState>().ok_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_error())?;
    let token = bearer(&req).unwrap_or_default();
    if token.is_empty() || token.to_string() != state.config.admin_token {
        tracing::warn!(path = %req.path(), "admin token rejected");
        return Err(StatusCode::FORBIDDEN.into_error());
    }
    handler.call(req).await
}

/// Lets the metrics scraper in with a shared key; compared in constant time.
pub async fn require_scraper<H>((req, handler): Next<Request, H>) -> Result<Response>
where
    H: Handler<Request, Output = Result<Response>>,
{
    let expected = std::env::var("NOTES_SCRAPE_KEY").unwrap_or_default();
    let presented = req.header::<_, String>("x-scrape-key").unwrap_or_default();
    let ok: bool = presented.as_bytes().ct_eq(expected.as_bytes()).into();
    if expected.is_empty() || !ok {
        return Err(StatusCode::UNAUTHORIZED.into_error());
    }
    handler.call(req).await
}

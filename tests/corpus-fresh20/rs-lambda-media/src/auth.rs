use lambda_http::{request::RequestContext, Request, RequestExt};

use crate::store::Asset;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claims {
    pub sub: String,
    pub scopes: Vec<String>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AuthError {
    #[error("missing or invalid authorizer context")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
}

/// Claims validated by the API Gateway JWT authorizer (Cognito user pool).
pub fn claims(req: &Request) -> Result<Claims, AuthError> {
    let RequestContext::ApiGatewayV2(ctx) = req.request_context() else {
        return Err(AuthError::Unauthenticated);
    };
    let jwt = ctx
        .authorizer
        .and_then(|a| a.jwt)
        .ok_or(AuthError::Unauthenticated)?;
    let sub = jwt.claims.get("sub").cloned().ok_or(AuthError::Unauthenticated)?;
    let scopes = jwt.scopes.unwrap_or_default();
    Ok(Claims { sub, scopes })
}

pub fn require_owner(claims: &Claims, asset: &Asset) -> Result<(), AuthError> {
    if claims.sub == asset.owner_id || claims.scopes.iter().any(|s| s == "media/admin") {
        Ok(())
    } else {
        Err(AuthError::Forbidden)
    }
}

/// Public share links: `/share/{token}` with the token stored on the asset.
pub fn share_token_matches(asset: &Asset, token: &str) -> bool {
    match asset.share_token.as_deref() {
        Some(expected) => expected == token,
        None => false,
    }
}

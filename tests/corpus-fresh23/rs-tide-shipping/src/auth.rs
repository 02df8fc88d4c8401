use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tide::{Middleware, Next, Request, Response, StatusCode};
use uuid::Uuid;

use crate::config::API_KEY_HEADER;
use crate::db;
use crate::state::State;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[sqlx(type_name = "key_role", rename_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Client,
    Admin,
}

/// Authenticated caller, attached to the request by [`ApiKeyAuth`].
#[derive(Clone, Debug)]
pub struct Principal {
    pub key_id: Uuid,
    pub customer_id: Uuid,
    pub role: Role,
}

fn unauthorized() -> tide::Result {
    Ok(Response::builder(StatusCode::Unauthorized)
        .header("www-authenticate", "ApiKey")
        .body(r#"{"error":"unauthorized"}"#)
        .content_type(tide::http::mime::JSON)
        .build())
}

pub struct ApiKeyAuth;

#[tide::utils::async_trait]
impl Middleware<State> for ApiKeyAuth {
    async fn handle(&self, mut req: Request<State>, next: Next<'_, State>) -> tide::Result {
        let Some(raw) = req.header(API_KEY_HEADER).map(|v| v.as_str().to_owned()) else {
            return unauthorized();
        };
        let Some((prefix, secret)) = raw.split_once('.') else {
            return unauthorized();
        };

        let Some(key) = db::find_api_key(&req.state().db, prefix).await? else {
            return unauthorized();
        };
        let presented = Sha256::digest(secret.as_bytes());
        if !bool::from(presented.as_slice().ct_eq(key.secret_sha256.as_slice())) || key.revoked {
            return unauthorized();
        }

        req.set_ext(Principal { key_id: key.id, customer_id: key.customer_id, role: key.role });
        Ok(next.run(req).await)
    }
}

/// Must be mounted after [`ApiKeyAuth`].
pub struct RequireRole(pub Role);

#[tide::utils::async_trait]
impl Middleware<State> for RequireRole {
    async fn handle(&self, req: Request<State>, next: Next<'_, State>) -> tide::Result {
        match req.ext::<Principal>() {
            Some(principal) if principal.role == self.0 => Ok(next.run(req).await),
            Some(_) => Ok(Response::new(StatusCode::Forbidden)),
            None => unauthorized(),
        }
    }
}

pub fn principal(req: &Request<State>) -> tide::Result<&Principal> {
    req.ext::<Principal>()
        .ok_or_else(|| tide::Error::from_str(StatusCode::Unauthorized, "no principal on request"))
}

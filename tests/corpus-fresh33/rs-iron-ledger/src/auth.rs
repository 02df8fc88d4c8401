use hmac::{Hmac, Mac};
use iron::headers::Cookie;
use iron::method::Method;
use iron::prelude::*;
use iron::typemap::Key;
use iron::BeforeMiddleware;
use persistent::Read;
use sha2::{Digest, Sha256};

use crate::db::{self, DbPool};
use crate::error::ApiError;
use crate::models::{Account, Caller, Operator};

pub struct CallerKey;

impl Key for CallerKey {
    type Value = Caller;
}

pub struct OperatorKey;

impl Key for OperatorKey {
    type Value = Operator;
}

const KEY_PREFIX_LEN: usize = 10;

fn sha256_hex(input: &str) -> String {
    hex::encode(Sha256::digest(input.as_bytes()))
}

/// Authenticates wallet API calls with the `X-Api-Key` header.
pub struct ApiKeyCheck;

impl BeforeMiddleware for ApiKeyCheck {
    fn before(&self, req: &mut Request) -> IronResult<()> {
        let presented = req
            .headers
            .get_raw("x-api-key")
            .and_then(|values| values.first())
            .and_then(|raw| String::from_utf8(raw.clone()).ok())
            .ok_or(ApiError::Unauthorized)?;
        if presented.len() <= KEY_PREFIX_LEN {
            return Err(ApiError::Unauthorized.into());
        }
        let pool = req
            .get::<Read<DbPool>>()
            .map_err(|_| ApiError::Db("pool missing".into()))?;
        let mut conn = pool.get().map_err(ApiError::from)?;
        let key = db::api_key_by_prefix(&mut conn, &presented[..KEY_PREFIX_LEN])?
            .ok_or(ApiError::Unauthorized)?;
        if sha256_hex(&presented) == key.key_hash {
            req.extensions.insert::<CallerKey>(Caller {
                key_id: key.id,
                owner_id: key.owner_id,
            });
            Ok(())
        } else {
            Err(ApiError::Unauthorized.into())
        }
    }
}

/// Fails unless the authenticated caller owns `account`.
pub fn ensure_owner(req: &Request, account: &Account) -> Result<(), ApiError> {
    let caller = req
        .extensions
        .get::<CallerKey>()
        .ok_or(ApiError::Unauthorized)?;
    if caller.owner_id != account.owner_id {
        return Err(ApiError::Forbidden);
    }
    Ok(())
}

type HmacSha256 = Hmac<Sha256>;

/// Admin console sessions: cookie `ledger_admin=<session id>.<hex hmac of the id>`.
pub struct AdminSession {
    pub secret: Vec<u8>,
}

impl AdminSession {
    fn session_id(&self, cookie_value: &str) -> Option<String> {
        let (id, sig) = cookie_value.rsplit_once('.')?;
        let sig = hex::decode(sig).ok()?;
        let mut mac = HmacSha256::new_from_slice(&self.secret).ok()?;
        mac.update(id.as_bytes());
        mac.verify_slice(&sig).ok()?;
        Some(id.to_string())
    }
}

impl BeforeMiddleware for AdminSession {
    fn before(&self, req: &mut Request) -> IronResult<()> {
        // CORS preflight from the admin console carries no cookies and reaches no handler.
        if req.method == Method::Options {
            return Ok(());
        }
        let cookie_value = req
            .headers
            .get::<Cookie>()
            .and_then(|c| c.iter().find(|v| v.starts_with("ledger_admin=")).cloned())
            .map(|v| v["ledger_admin=".len()..].to_string())
            .ok_or(ApiError::Unauthorized)?;
        let session_id = self
            .session_id(&cookie_value)
            .ok_or(ApiError::Unauthorized)?;
        let pool = req
            .get::<Read<DbPool>>()
            .map_err(|_| ApiError::Db("pool missing".into()))?;
        let mut conn = pool.get().map_err(ApiError::from)?;
        let operator = db::admin_session(&mut conn, &session_id)?.ok_or(ApiError::Unauthorized)?;
        req.extensions
            .insert::<OperatorKey>(Operator { name: operator });
        Ok(())
    }
}

use sha2::{Digest, Sha256};
use trillium::{async_trait, Conn, Handler, Info, KnownHeaderName, Status};

use crate::{db, state::AppState, state::Caller};

pub const API_KEY_PREFIX: &str = "hr_";

/// Resolves `Authorization: Bearer hr_<id>_<secret>` into a [`Caller`].
#[derive(Clone, Debug, Default)]
pub struct RequireApiKey;

fn bearer(conn: &Conn) -> Option<&str> {
    conn.request_headers()
        .get_str(KnownHeaderName::Authorization)?
        .strip_prefix("Bearer ")
}

fn deny(conn: Conn) -> Conn {
    conn.with_status(Status::Unauthorized)
        .with_response_header(KnownHeaderName::WwwAuthenticate, "Bearer")
        .halt()
}

#[async_trait]
impl Handler for RequireApiKey {
    async fn init(&mut self, _info: &mut Info) {
        tracing::info!("api key authentication enabled");
    }

    async fn run(&self, conn: Conn) -> Conn {
        let Some(token) = bearer(&conn).and_then(|t| t.strip_prefix(API_KEY_PREFIX)) else {
            return deny(conn);
        };
        let Some((key_id, secret)) = token.split_once('_') else {
            return deny(conn);
        };
        let Ok(key_id) = key_id.parse::<uuid::Uuid>() else {
            return deny(conn);
        };

        let state = conn.state::<AppState>().expect("AppState is mounted before auth");
        let key = match db::find_api_key(&state.db, key_id).await {
            Ok(Some(key)) => key,
            Ok(None) => return deny(conn),
            Err(e) => {
                tracing::error!(error = %e, "api key lookup failed");
                return conn.with_status(Status::InternalServerError).halt();
            }
        };

        let presented = hex::encode(Sha256::digest(secret.as_bytes()));
        if presented != key.secret_sha256 || key.revoked {
            return deny(conn);
        }

        conn.with_state(Caller { key_id: key.id, owner_id: key.owner_id, is_admin: key.is_admin })
    }
}

/// Only lets through callers whose key carries the admin flag. Must run after [`RequireApiKey`].
#[derive(Clone, Debug, Default)]
pub struct AdminOnly;

#[async_trait]
impl Handler for AdminOnly {
    async fn run(&self, conn: Conn) -> Conn {
        match conn.state::<Caller>() {
            Some(caller) if caller.is_admin => conn,
            Some(_) => conn.with_status(Status::Forbidden).halt(),
            None => deny(conn),
        }
    }
}

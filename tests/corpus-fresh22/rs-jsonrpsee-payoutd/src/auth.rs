//! HTTP-level authentication. The layer resolves the caller once per request and
//! hands it to RPC methods through the request extensions; methods decide what
//! the caller may do.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use constant_time_eq::constant_time_eq;
use http::Request;
use jsonrpsee::types::{ErrorObject, ErrorObjectOwned};
use jsonrpsee::Extensions;
use sha2::{Digest, Sha256};
use sqlx::SqlitePool;
use tower::{Layer, Service};
use tracing::warn;

pub const KEY_PREFIX: &str = "pyk_";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Anonymous,
    Seller,
    Operator,
    Admin,
}

impl Role {
    fn parse(s: &str) -> Role {
        match s {
            "seller" => Role::Seller,
            "operator" => Role::Operator,
            "admin" => Role::Admin,
            _ => Role::Anonymous,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Caller {
    pub label: String,
    pub role: Role,
    pub seller_id: Option<i64>,
}

impl Caller {
    pub fn anonymous() -> Self {
        Caller { label: "anonymous".into(), role: Role::Anonymous, seller_id: None }
    }
}

pub const UNAUTHORIZED: i32 = -32001;
pub const FORBIDDEN: i32 = -32003;

pub fn caller(ext: &Extensions) -> Caller {
    ext.get::<Caller>().cloned().unwrap_or_else(Caller::anonymous)
}

pub fn require(ext: &Extensions, min: Role) -> Result<Caller, ErrorObjectOwned> {
    let c = caller(ext);
    if c.role == Role::Anonymous {
        return Err(ErrorObject::owned(UNAUTHORIZED, "authentication required", None::<()>));
    }
    if c.role < min {
        return Err(ErrorObject::owned(FORBIDDEN, "insufficient role", None::<()>));
    }
    Ok(c)
}

pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

async fn resolve(pool: &SqlitePool, admin_token: Option<&str>, header: Option<&str>) -> Caller {
    let Some(token) = header.and_then(|h| h.strip_prefix("Bearer ")).map(str::trim) else {
        return Caller::anonymous();
    };

    if let Some(admin) = admin_token {
        if token == admin {
            return Caller { label: "break-glass".into(), role: Role::Admin, seller_id: None };
        }
    }

    let Some((prefix, _)) = token.strip_prefix(KEY_PREFIX).and_then(|rest| rest.split_once('.')) else {
        return Caller::anonymous();
    };
    match crate::db::key_by_prefix(pool, prefix).await {
        Ok(Some(row)) if constant_time_eq(row.secret_hash.as_bytes(), hash_secret(token).as_bytes()) => Caller {
            label: format!("key:{}", row.id),
            role: Role::parse(&row.role),
            seller_id: row.seller_id,
        },
        Ok(_) => Caller::anonymous(),
        Err(err) => {
            warn!(%err, "api key lookup failed");
            Caller::anonymous()
        }
    }
}

#[derive(Clone)]
pub struct AuthLayer {
    pool: SqlitePool,
    admin_token: Option<Arc<str>>,
}

impl AuthLayer {
    pub fn new(pool: SqlitePool, admin_token: Option<String>) -> Self {
        Self { pool, admin_token: admin_token.map(Into::into) }
    }
}

impl<S> Layer<S> for AuthLayer {
    type Service = AuthService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        AuthService { inner, pool: self.pool.clone(), admin_token: self.admin_token.clone() }
    }
}

#[derive(Clone)]
pub struct AuthService<S> {
    inner: S,
    pool: SqlitePool,
    admin_token: Option<Arc<str>>,
}

impl<S, B> Service<Request<B>> for AuthService<S>
where
    S: Service<Request<B>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: Request<B>) -> Self::Future {
        let pool = self.pool.clone();
        let admin = self.admin_token.clone();
        let mut inner = self.inner.clone();
        Box::pin(async move {
            let header = req.headers().get(http::header::AUTHORIZATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
            let who = resolve(&pool, admin.as_deref(), header.as_deref()).await;
            req.extensions_mut().insert(who);
            inner.call(req).await
        })
    }
}

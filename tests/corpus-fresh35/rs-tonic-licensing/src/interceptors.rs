use std::collections::HashMap;
use std::sync::Arc;

use subtle::ConstantTimeEq;
use tonic::service::Interceptor;
use tonic::{Request, Status};

/// gRPC paths of the admin service; the trace layer tags these calls.
pub const ADMIN_PREFIX: &str = "/licensing.v1.Admin/";

#[derive(Debug, Clone)]
pub struct Caller {
    pub customer_id: String,
    pub key_id: String,
    pub admin: bool,
}

#[derive(Debug, Clone)]
pub struct ApiKey {
    pub key_id: String,
    pub secret: String,
    pub customer_id: String,
}

#[derive(Clone)]
pub struct ApiKeyAuth {
    keys: Arc<HashMap<String, ApiKey>>,
}

impl ApiKeyAuth {
    pub fn new(keys: impl IntoIterator<Item = ApiKey>) -> Self {
        ApiKeyAuth { keys: Arc::new(keys.into_iter().map(|k| (k.key_id.clone(), k)).collect()) }
    }

    /// `LICENSING_API_KEYS=kid:secret:customer,kid2:secret2:customer2`
    pub fn from_env() -> anyhow::Result<Self> {
        let raw = std::env::var("LICENSING_API_KEYS")?;
        let mut keys = Vec::new();
        for entry in raw.split(',').filter(|e| !e.is_empty()) {
            let mut parts = entry.splitn(3, ':');
            match (parts.next(), parts.next(), parts.next()) {
                (Some(key_id), Some(secret), Some(customer_id)) => {
                    keys.push(ApiKey { key_id: key_id.into(), secret: secret.into(), customer_id: customer_id.into() })
                }
                _ => anyhow::bail!("malformed LICENSING_API_KEYS entry"),
            }
        }
        Ok(Self::new(keys))
    }
}

impl Interceptor for ApiKeyAuth {
    fn call(&mut self, mut request: Request<()>) -> Result<Request<()>, Status> {
        let raw = request
            .metadata()
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Status::unauthenticated("missing x-api-key"))?;
        let (key_id, secret) = raw.split_once('.').ok_or_else(|| Status::unauthenticated("malformed api key"))?;
        let entry = self.keys.get(key_id).ok_or_else(|| Status::unauthenticated("unknown api key"))?;
        if secret.as_bytes() != entry.secret.as_bytes() {
            return Err(Status::unauthenticated("unknown api key"));
        }
        let caller = Caller { customer_id: entry.customer_id.clone(), key_id: entry.key_id.clone(), admin: false };
        request.extensions_mut().insert(caller);
        Ok(request)
    }
}

#[derive(Clone)]
pub struct AdminAuth {
    token: Arc<String>,
}

impl AdminAuth {
    pub fn new(token: String) -> Self {
        AdminAuth { token: Arc::new(token) }
    }
}

impl Interceptor for AdminAuth {
    fn call(&mut self, mut request: Request<()>) -> Result<Request<()>, Status> {
        let presented = request
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if !bool::from(presented.as_bytes().ct_eq(self.token.as_bytes())) {
            return Err(Status::permission_denied("admin token required"));
        }
        request.extensions_mut().insert(Caller { customer_id: String::new(), key_id: "admin".into(), admin: true });
        Ok(request)
    }
}

pub fn caller<T>(request: &Request<T>) -> Result<Caller, Status> {
    request.extensions().get::<Caller>().cloned().ok_or_else(|| Status::unauthenticated("no authenticated caller"))
}

pub fn is_admin_path(path: &str) -> bool {
    path.starts_with(ADMIN_PREFIX)
}

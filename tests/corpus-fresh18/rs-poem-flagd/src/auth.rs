use std::sync::Arc;

use poem::{http::StatusCode, Endpoint, Error, Middleware, Request, Result};
use subtle::ConstantTimeEq;

use crate::config::SDK_KEY_PREFIX;

fn bearer(req: &Request) -> Option<&str> {
    req.header("Authorization")
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
}

/// Guards the admin API with the single operator token from the config.
pub struct AdminAuth {
    token: Arc<str>,
}

impl AdminAuth {
    pub fn new(token: &str) -> Self {
        Self { token: Arc::from(token) }
    }
}

impl<E: Endpoint> Middleware<E> for AdminAuth {
    type Output = AdminAuthEndpoint<E>;

    fn transform(&self, ep: E) -> Self::Output {
        AdminAuthEndpoint {
            inner: ep,
            token: self.token.clone(),
        }
    }
}

pub struct AdminAuthEndpoint<E> {
    inner: E,
    token: Arc<str>,
}

impl<E: Endpoint> Endpoint for AdminAuthEndpoint<E> {
    type Output = E::Output;

    async fn call(&self, req: Request) -> Result<Self::Output> {
        match bearer(&req) {
            Some(token) if token == &*self.token => self.inner.call(req).await,
            Some(_) => {
                tracing::warn!(path = %req.uri().path(), "admin request with wrong token");
                Err(Error::from_status(StatusCode::UNAUTHORIZED))
            }
            None => Err(Error::from_status(StatusCode::UNAUTHORIZED)),
        }
    }
}

/// Guards SDK endpoints: the request must carry one of the configured SDK keys.
pub struct RequireSdkKey {
    keys: Arc<Vec<String>>,
}

impl RequireSdkKey {
    pub fn new(keys: Vec<String>) -> Self {
        Self { keys: Arc::new(keys) }
    }
}

impl<E: Endpoint> Middleware<E> for RequireSdkKey {
    type Output = RequireSdkKeyEndpoint<E>;

    fn transform(&self, ep: E) -> Self::Output {
        RequireSdkKeyEndpoint {
            inner: ep,
            keys: self.keys.clone(),
        }
    }
}

pub struct RequireSdkKeyEndpoint<E> {
    inner: E,
    keys: Arc<Vec<String>>,
}

impl<E: Endpoint> Endpoint for RequireSdkKeyEndpoint<E> {
    type Output = E::Output;

    async fn call(&self, req: Request) -> Result<Self::Output> {
        let Some(presented) = req.header("X-Flagd-Sdk-Key") else {
            return Err(Error::from_status(StatusCode::UNAUTHORIZED));
        };
        if !presented.starts_with(SDK_KEY_PREFIX) {
            return Err(Error::from_status(StatusCode::UNAUTHORIZED));
        }
        let known = self
            .keys
            .iter()
            .fold(0u8, |acc, key| acc | key.as_bytes().ct_eq(presented.as_bytes()).unwrap_u8());
        if known == 1 {
            self.inner.call(req).await
        } else {
            Err(Error::from_status(StatusCode::UNAUTHORIZED))
        }
    }
}

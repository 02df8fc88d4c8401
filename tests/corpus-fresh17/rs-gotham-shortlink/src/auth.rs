use std::pin::Pin;
use std::sync::Arc;

use futures_util::future;
use gotham::handler::HandlerFuture;
use gotham::helpers::http::response::create_empty_response;
use gotham::hyper::{HeaderMap, StatusCode};
use gotham::middleware::{Middleware, NewMiddleware};
use gotham::state::{FromState, State, StateData};
use subtle::ConstantTimeEq;

#[derive(Clone, Debug)]
pub struct Caller {
    pub owner: String,
}

impl StateData for Caller {}

fn header(state: &State, name: &str) -> Option<String> {
    HeaderMap::borrow_from(state)
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn reject(state: State, status: StatusCode) -> Pin<Box<HandlerFuture>> {
    let res = create_empty_response(&state, status);
    Box::pin(future::ok((state, res)))
}

#[derive(Clone)]
pub struct ApiKeyMiddleware {
    keys: Arc<Vec<(String, String)>>,
}

impl ApiKeyMiddleware {
    pub fn new(keys: Vec<(String, String)>) -> Self {
        Self { keys: Arc::new(keys) }
    }
}

impl Middleware for ApiKeyMiddleware {
    fn call<Chain>(self, mut state: State, chain: Chain) -> Pin<Box<HandlerFuture>>
    where
        Chain: FnOnce(State) -> Pin<Box<HandlerFuture>>,
    {
        let Some(presented) = header(&state, "x-api-key") else {
            return reject(state, StatusCode::UNAUTHORIZED);
        };
        match self.keys.iter().find(|(key, _)| *key == presented) {
            Some((_, owner)) => {
                state.put(Caller { owner: owner.clone() });
                chain(state)
            }
            None => reject(state, StatusCode::UNAUTHORIZED),
        }
    }
}

impl NewMiddleware for ApiKeyMiddleware {
    type Instance = Self;

    fn new_middleware(&self) -> anyhow::Result<Self::Instance> {
        Ok(self.clone())
    }
}

#[derive(Clone)]
pub struct AdminMiddleware {
    key: Arc<String>,
}

impl AdminMiddleware {
    pub fn new(key: String) -> Self {
        Self { key: Arc::new(key) }
    }
}

impl Middleware for AdminMiddleware {
    fn call<Chain>(self, mut state: State, chain: Chain) -> Pin<Box<HandlerFuture>>
    where
        Chain: FnOnce(State) -> Pin<Box<HandlerFuture>>,
    {
        let presented = header(&state, "x-admin-key").unwrap_or_default();
        if bool::from(presented.as_bytes().ct_eq(self.key.as_bytes())) {
            state.put(Caller { owner: "admin".to_string() });
            chain(state)
        } else {
            reject(state, StatusCode::FORBIDDEN)
        }
    }
}

impl NewMiddleware for AdminMiddleware {
    type Instance = Self;

    fn new_middleware(&self) -> anyhow::Result<Self::Instance> {
        Ok(self.clone())
    }
}

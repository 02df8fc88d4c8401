use serde_json::json;
use subtle::ConstantTimeEq;
use tide::{Middleware, Next, Request, Response, StatusCode};
use uuid::Uuid;

/// Requires the shared admin key in `X-Api-Key`.
pub struct ApiKeyMiddleware {
    key: String,
}

impl ApiKeyMiddleware {
    pub fn new(key: impl Into<String>) -> Self {
        Self { key: key.into() }
    }
}

#[tide::utils::async_trait]
impl<State: Clone + Send + Sync + 'static> Middleware<State> for ApiKeyMiddleware {
    async fn handle(&self, req: Request<State>, next: Next<'_, State>) -> tide::Result {
        let provided = req
            .header("x-api-key")
            .map(|values| values.last().as_str().to_owned())
            .unwrap_or_default();

        let authorized: bool = provided.as_bytes().ct_eq(self.key.as_bytes()).into();
        if !authorized {
            log::warn!("rejected admin request to {}", req.url().path());
            return Ok(Response::builder(StatusCode::Unauthorized)
                .body(json!({ "error": "unauthorized" }))
                .build());
        }
        Ok(next.run(req).await)
    }
}

/// Propagates or assigns an `X-Request-Id`.
pub struct RequestId;

#[derive(Clone)]
pub struct RequestIdValue(pub String);

#[tide::utils::async_trait]
impl<State: Clone + Send + Sync + 'static> Middleware<State> for RequestId {
    async fn handle(&self, mut req: Request<State>, next: Next<'_, State>) -> tide::Result {
        let id = req
            .header("x-request-id")
            .map(|v| v.last().as_str().to_owned())
            .filter(|v| !v.is_empty() && v.len() <= 64)
            .unwrap_or_else(|| Uuid::new_v4().to_string());
        req.set_ext(RequestIdValue(id.clone()));

        let mut res = next.run(req).await;
        res.insert_header("x-request-id", id);
        Ok(res)
    }
}

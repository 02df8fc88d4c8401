use hmac::{Hmac, Mac};
use ntex::service::{Middleware, Service, ServiceCtx};
use ntex::web::{self, ErrorRenderer, HttpResponse, WebRequest, WebResponse};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// Requires `x-api-key` to match the configured key.
pub struct ApiKeyAuth {
    key: String,
}

impl ApiKeyAuth {
    pub fn new(key: impl Into<String>) -> Self {
        Self { key: key.into() }
    }
}

impl<S> Middleware<S> for ApiKeyAuth {
    type Service = ApiKeyAuthService<S>;

    fn create(&self, service: S) -> Self::Service {
        ApiKeyAuthService { service, key: self.key.clone() }
    }
}

pub struct ApiKeyAuthService<S> {
    service: S,
    key: String,
}

impl<S, Err> Service<WebRequest<Err>> for ApiKeyAuthService<S>
where
    S: Service<WebRequest<Err>, Response = WebResponse, Error = web::Error>,
    Err: ErrorRenderer,
{
    type Response = WebResponse;
    type Error = web::Error;

    ntex::forward_ready!(service);

    async fn call(&self, req: WebRequest<Err>, ctx: ServiceCtx<'_, Self>) -> Result<Self::Response, Self::Error> {
        let provided = req
            .headers()
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        if provided == self.key {
            return ctx.call(&self.service, req).await;
        }
        tracing::warn!(path = %req.path(), "rejected api key");
        Ok(req.into_response(HttpResponse::Unauthorized().finish()))
    }
}

/// Verifies the hex HMAC-SHA256 in `x-orders-signature` over the raw body.
pub fn verify_signature(secret: &str, body: &[u8], header: &str) -> bool {
    let Ok(provided) = hex::decode(header) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("hmac accepts any key length");
    mac.update(body);
    let expected = mac.finalize().into_bytes();
    expected.as_slice().ct_eq(&provided).into()
}

/// Staff-only guard for the back-office routes.
pub struct RequireStaff;

impl<S> Middleware<S> for RequireStaff {
    type Service = RequireStaffService<S>;

    fn create(&self, service: S) -> Self::Service {
        RequireStaffService { service }
    }
}

pub struct RequireStaffService<S> {
    service: S,
}

impl<S, Err> Service<WebRequest<Err>> for RequireStaffService<S>
where
    S: Service<WebRequest<Err>, Response = WebResponse, Error = web::Error>,
    Err: ErrorRenderer,
{
    type Response = WebResponse;
    type Error = web::Error;

    ntex::forward_ready!(service);

    async fn call(&self, req: WebRequest<Err>, ctx: ServiceCtx<'_, Self>) -> Result<Self::Response, Self::Error> {
        let is_staff = req.headers().get("x-staff-role").map(|v| v == "ops").unwrap_or(false);
        if !is_staff {
            return Ok(req.into_response(HttpResponse::Forbidden().finish()));
        }
        ctx.call(&self.service, req).await
    }
}

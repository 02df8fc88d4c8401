use std::future::{ready, Future, Ready};
use std::pin::Pin;
use std::rc::Rc;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::error::{ErrorForbidden, ErrorUnauthorized};
use actix_web::middleware::Next;
use actix_web::{http::header, web, Error};
use constant_time_eq::constant_time_eq;

use crate::config::Settings;

fn bearer(req: &ServiceRequest) -> Option<&str> {
    req.headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
}

/// API-client authentication for everything under /api/v1 (see `main.rs`).
pub async fn bearer_auth(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let settings = req
        .app_data::<web::Data<Settings>>()
        .expect("Settings registered as app_data")
        .clone();
    match bearer(&req) {
        Some(tok) if constant_time_eq(tok.as_bytes(), settings.api_token.as_bytes()) => next.call(req).await,
        _ => Err(ErrorUnauthorized("invalid or missing bearer token")),
    }
}

/// Guards the operator endpoints under /admin with `Settings::admin_token`.
pub struct AdminOnly;

impl<S, B> Transform<S, ServiceRequest> for AdminOnly
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: 'static,
{
    type Response = ServiceResponse<B>;
    type Error = Error;
    type Transform = AdminOnlyMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(AdminOnlyMiddleware { service: Rc::new(service) }))
    }
}

pub struct AdminOnlyMiddleware<S> {
    service: Rc<S>,
}

impl<S, B> Service<ServiceRequest> for AdminOnlyMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: 'static,
{
    type Response = ServiceResponse<B>;
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>>>>;

    actix_web::dev::forward_ready!(service);

    fn call(&self, req: ServiceRequest) -> Self::Future {
        let svc = Rc::clone(&self.service);
        Box::pin(async move {
            let settings = req
                .app_data::<web::Data<Settings>>()
                .cloned()
                .ok_or_else(|| ErrorForbidden("misconfigured"))?;
            let ok = bearer(&req)
                .map(|t| constant_time_eq(t.as_bytes(), settings.admin_token.as_bytes()))
                .unwrap_or(false);
            if !ok {
                return Err(ErrorForbidden("admin token required"));
            }
            svc.call(req).await
        })
    }
}

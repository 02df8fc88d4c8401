use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::error::ErrorBadRequest;
use actix_web::{FromRequest, HttpRequest};
use uuid::Uuid;

/// Tenant the request acts on, from `x-tenant-id`. Authentication happens in
/// the `bearer_auth` middleware; this only parses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TenantId(pub Uuid);

impl FromRequest for TenantId {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let parsed = req
            .headers()
            .get("x-tenant-id")
            .and_then(|v| v.to_str().ok())
            .and_then(|s| Uuid::parse_str(s).ok());
        ready(parsed.map(TenantId).ok_or_else(|| ErrorBadRequest("missing or invalid x-tenant-id")))
    }
}

/// Optional idempotency key; clients retrying a POST send the same value.
#[derive(Debug, Clone)]
pub struct IdempotencyKey(pub Option<String>);

impl FromRequest for IdempotencyKey {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let key = req
            .headers()
            .get("idempotency-key")
            .and_then(|v| v.to_str().ok())
            .filter(|s| !s.is_empty() && s.len() <= 128)
            .map(str::to_owned);
        ready(Ok(IdempotencyKey(key)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[actix_web::test]
    async fn parses_tenant_header() {
        let id = Uuid::new_v4();
        let req = TestRequest::default().insert_header(("x-tenant-id", id.to_string())).to_http_request();
        assert_eq!(TenantId::extract(&req).await.unwrap(), TenantId(id));
    }

    #[actix_web::test]
    #[should_panic(expected = "invalid x-tenant-id")]
    async fn rejects_garbage_tenant() {
        let req = TestRequest::default().insert_header(("x-tenant-id", "nope")).to_http_request();
        TenantId::extract(&req).await.unwrap();
    }

    #[actix_web::test]
    async fn idempotency_key_is_optional() {
        let req = TestRequest::default().to_http_request();
        let _key = IdempotencyKey::extract(&req).await;
    }
}

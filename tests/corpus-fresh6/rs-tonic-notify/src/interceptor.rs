use subtle::ConstantTimeEq;
use tonic::service::Interceptor;
use tonic::{Request, Status};

/// Bearer-token check for client-facing RPCs.
#[derive(Clone)]
pub struct AuthInterceptor {
    token: String,
}

impl AuthInterceptor {
    pub fn new(token: impl Into<String>) -> Self {
        Self { token: token.into() }
    }
}

impl Interceptor for AuthInterceptor {
    fn call(&mut self, req: Request<()>) -> Result<Request<()>, Status> {
        let presented = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;

        if presented.as_bytes().ct_eq(self.token.as_bytes()).into() {
            Ok(req)
        } else {
            tracing::warn!("rejected call with invalid token");
            Err(Status::unauthenticated("invalid token"))
        }
    }
}

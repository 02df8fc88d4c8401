use poem::{
    http::StatusCode, Endpoint, Error, Middleware, Request, Result,
};
use subtle::ConstantTimeEq;

/// Rejects requests without a valid `Authorization: Bearer <service token>`.
pub struct ServiceToken {
    pub expected: String,
}

impl<E: Endpoint> Middleware<E> for ServiceToken {
    type Output = ServiceTokenEndpoint<E>;

    fn transform(&self, ep: E) -> Self::Output {
        ServiceTokenEndpoint { inner: ep, expected: self.expected.clone() }
    }
}

pub struct ServiceTokenEndpoint<E> {
    inner: E,
    expected: String,
}

impl<E: Endpoint> Endpoint for ServiceTokenEndpoint<E> {
    type Output = E::Output;

    async fn call(&self, req: Request) -> Result<Self::Output> {
        let presented = req
            .headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if presented.as_bytes().ct_eq(self.expected.as_bytes()).into() {
            self.inner.call(req).await
        } else {
            Err(Error::from_status(StatusCode::UNAUTHORIZED))
        }
    }
}

/// Guards operator-only endpoints (reconciliation, manual adjustments).
pub fn require_operator<E: Endpoint>(ep: E) -> impl Endpoint {
    poem::endpoint::make(move |req: Request| {
        let allowed = req
            .header("x-operator-role")
            .map(|r| r == "ledger-operator")
            .unwrap_or(false);
        let ep = &ep;
        async move {
            if !allowed {
                return Err(Error::from_status(StatusCode::FORBIDDEN));
            }
            ep.call(req).await.map(poem::IntoResponse::into_response)
        }
    })
}

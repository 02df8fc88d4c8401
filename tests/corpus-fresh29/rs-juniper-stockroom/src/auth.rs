use crate::context::{Role, User};
use actix_web::HttpRequest;
use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Claims {
    sub: String,
    name: String,
    role: Role,
}

/// Resolves the caller from the request: a staff JWT, or the service token
/// used by the warehouse scanners (which act as clerks).
pub fn user_from_request(req: &HttpRequest, jwt_secret: &str, service_token: &str) -> Option<User> {
    if let Some(token) = req.headers().get("x-service-token").and_then(|v| v.to_str().ok()) {
        if token == service_token {
            return Some(User { id: "svc:scanner".into(), name: "Scanner fleet".into(), role: Role::Clerk });
        }
        return None;
    }

    let header = req.headers().get("authorization")?.to_str().ok()?;
    let token = header.strip_prefix("Bearer ")?;
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&["stockroom"]);
    match decode::<Claims>(token, &DecodingKey::from_secret(jwt_secret.as_bytes()), &validation) {
        Ok(data) => Some(User { id: data.claims.sub, name: data.claims.name, role: data.claims.role }),
        Err(err) => {
            tracing::debug!(%err, "rejected bearer token");
            None
        }
    }
}

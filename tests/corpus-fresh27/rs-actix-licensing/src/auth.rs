use std::collections::HashSet;

use actix_web::{dev::ServiceRequest, error::ErrorUnauthorized, web, Error, HttpMessage};
use actix_web_httpauth::extractors::bearer::BearerAuth;
use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::AppState;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub org_id: Uuid,
    #[serde(default)]
    pub roles: Vec<String>,
    pub exp: usize,
}

pub async fn validator(req: ServiceRequest, credentials: BearerAuth) -> Result<ServiceRequest, (Error, ServiceRequest)> {
    let state = req.app_data::<web::Data<AppState>>().expect("AppState registered").clone();
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&["licensing"]);
    match decode::<Claims>(credentials.token(), &DecodingKey::from_secret(state.settings.jwt_secret.as_bytes()), &validation) {
        Ok(data) => {
            req.extensions_mut().insert(data.claims);
            Ok(req)
        }
        Err(err) => {
            tracing::debug!(%err, "rejected bearer token");
            Err((ErrorUnauthorized("invalid token"), req))
        }
    }
}

/// Feeds actix-web-grants with the roles carried in the validated JWT.
pub async fn extract_roles(req: &ServiceRequest) -> Result<HashSet<String>, Error> {
    Ok(req
        .extensions()
        .get::<Claims>()
        .map(|c| c.roles.iter().cloned().collect())
        .unwrap_or_default())
}

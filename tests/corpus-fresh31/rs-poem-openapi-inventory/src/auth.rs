use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use poem::{http::StatusCode, Request};
use poem_openapi::{
    auth::{ApiKey, Bearer},
    SecurityScheme,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::PgPool;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub role: String,
    pub exp: usize,
}

#[derive(Clone)]
pub struct JwtKeys {
    pub decoding: DecodingKey,
}

impl JwtKeys {
    pub fn from_secret(secret: &str) -> Self {
        Self {
            decoding: DecodingKey::from_secret(secret.as_bytes()),
        }
    }
}

fn decode_claims(req: &Request, token: &str) -> Option<Claims> {
    let keys = req.data::<JwtKeys>()?;
    decode::<Claims>(token, &keys.decoding, &Validation::new(Algorithm::HS256))
        .ok()
        .map(|data| data.claims)
}

/// Any signed-in warehouse user.
#[derive(SecurityScheme)]
#[oai(ty = "bearer", bearer_format = "JWT", checker = "user_checker")]
pub struct UserAuth(pub Claims);

async fn user_checker(req: &Request, bearer: Bearer) -> Option<Claims> {
    decode_claims(req, &bearer.token)
}

/// A signed-in user with the `admin` role.
#[derive(SecurityScheme)]
#[oai(ty = "bearer", bearer_format = "JWT", checker = "admin_checker")]
pub struct AdminAuth(pub Claims);

async fn admin_checker(req: &Request, bearer: Bearer) -> poem::Result<Claims> {
    let claims = decode_claims(req, &bearer.token)
        .ok_or_else(|| poem::Error::from_status(StatusCode::UNAUTHORIZED))?;
    if claims.role != "admin" {
        return Err(poem::Error::from_string(
            "admin role required",
            StatusCode::FORBIDDEN,
        ));
    }
    Ok(claims)
}

/// Machine-to-machine key used by the order service. Keys look like `<prefix>.<secret>`;
/// only a SHA-256 of the whole key is stored.
#[derive(SecurityScheme)]
#[oai(
    ty = "api_key",
    key_name = "X-Service-Key",
    key_in = "header",
    checker = "service_key_checker"
)]
pub struct ServiceKey(pub String);

async fn service_key_checker(req: &Request, api_key: ApiKey) -> Option<String> {
    let pool = req.data::<PgPool>()?;
    let (prefix, _) = api_key.key.split_once('.')?;
    let row: (String, String) = sqlx::query_as(
        "SELECT service, key_sha256 FROM service_keys WHERE prefix = $1 AND revoked_at IS NULL",
    )
    .bind(prefix)
    .fetch_optional(pool)
    .await
    .ok()??;
    let presented = hex::encode(Sha256::digest(api_key.key.as_bytes()));
    if presented == row.1 {
        Some(row.0)
    } else {
        None
    }
}

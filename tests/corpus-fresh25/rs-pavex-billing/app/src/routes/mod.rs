pub mod admin;
pub mod subscriptions;
pub mod webhooks;

use argon2::{Argon2, PasswordHash, PasswordVerifier};
use pavex::http::StatusCode;
use pavex::request::body::JsonBody;
use pavex::response::body::Json;
use pavex::response::Response;
use rand::distributions::Alphanumeric;
use rand::Rng;
use serde::Deserialize;
use sqlx::PgPool;

use crate::auth::hash_session_token;
use crate::payments::PaymentsError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Payments(#[from] PaymentsError),
    #[error("{0}")]
    BadRequest(String),
    #[error("failed to serialize response body")]
    Serialization(#[from] serde_json::Error),
}

impl ApiError {
    pub fn into_response(&self) -> Response {
        match self {
            ApiError::BadRequest(msg) => Response::bad_request().set_typed_body(msg.clone()),
            ApiError::Payments(_) => Response::bad_gateway(),
            ApiError::Database(_) | ApiError::Serialization(_) => Response::internal_server_error(),
        }
    }

    pub fn from_startup(e: &sqlx::Error) -> Response {
        tracing::error!(error = %e, "database pool unavailable");
        Response::service_unavailable()
    }
}

pub fn health() -> StatusCode {
    StatusCode::OK
}

#[derive(Deserialize)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

pub async fn login(body: &JsonBody<LoginRequest>, pool: &PgPool) -> Result<Response, ApiError> {
    let LoginRequest { email, password } = &body.0;
    let row = sqlx::query!(
        "SELECT id, password_hash FROM users WHERE email = $1 AND disabled_at IS NULL",
        email.to_lowercase()
    )
    .fetch_optional(pool)
    .await?;

    let Some(row) = row else {
        return Ok(Response::unauthorized());
    };
    let parsed = PasswordHash::new(&row.password_hash)
        .map_err(|_| ApiError::BadRequest("account needs a password reset".into()))?;
    if Argon2::default().verify_password(password.as_bytes(), &parsed).is_err() {
        return Ok(Response::unauthorized());
    }

    let token: String = rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(48)
        .map(char::from)
        .collect();
    sqlx::query!(
        "INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '12 hours')",
        hash_session_token(&token),
        row.id
    )
    .execute(pool)
    .await?;

    Ok(Response::ok().set_typed_body(Json::new(serde_json::json!({ "token": token }))?))
}

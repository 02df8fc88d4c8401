use actix_web::{http::StatusCode, HttpResponse, ResponseError};
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("invalid license key")]
    InvalidKey,
    #[error("{0}")]
    Conflict(String),
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("upstream service failed")]
    Upstream,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::InvalidKey => StatusCode::UNAUTHORIZED,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Upstream => StatusCode::BAD_GATEWAY,
            ApiError::Db(sqlx::Error::RowNotFound) => StatusCode::NOT_FOUND,
            ApiError::Db(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Db(err) = self {
            tracing::error!(%err, "database error");
        }
        HttpResponse::build(self.status_code()).json(json!({ "error": self.to_string() }))
    }
}

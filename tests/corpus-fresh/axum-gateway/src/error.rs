use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    #[error("unauthorized")]
    Unauthorized,
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    #[error("upstream {0} unavailable")]
    UpstreamUnavailable(String),
    #[error("upstream request failed: {0}")]
    Upstream(#[from] reqwest::Error),
    #[error("bad webhook signature")]
    BadSignature,
    #[error("io error: {0}")]
    Io(#[from] std::io::Error),
}

impl IntoResponse for GatewayError {
    fn into_response(self) -> Response {
        let status = match &self {
            GatewayError::Unauthorized => StatusCode::UNAUTHORIZED,
            GatewayError::Forbidden(_) => StatusCode::FORBIDDEN,
            GatewayError::UpstreamUnavailable(_) | GatewayError::Upstream(_) => StatusCode::BAD_GATEWAY,
            GatewayError::BadSignature => StatusCode::BAD_REQUEST,
            GatewayError::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        (status, Json(json!({ "error": self.to_string() }))).into_response()
    }
}

pub type Result<T, E = GatewayError> = std::result::Result<T, E>;

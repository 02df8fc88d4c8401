use ohkami::claw::{status, Json};
use ohkami::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("upstream service failed: {0}")]
    Upstream(String),
    #[error("not found")]
    NotFound,
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("unauthorized")]
    Unauthorized,
    #[error("quota exceeded")]
    QuotaExceeded,
}

#[derive(Serialize)]
struct ErrorBody {
    error: String,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let body = |msg: String| Json(ErrorBody { error: msg });
        match self {
            Self::Db(e) => {
                tracing::error!(error = %e, "database failure");
                status::InternalServerError(body("internal error".into())).into_response()
            }
            Self::Upstream(msg) => status::BadGateway(body(msg)).into_response(),
            Self::NotFound => status::NotFound(body("not found".into())).into_response(),
            Self::BadRequest(msg) => status::BadRequest(body(msg.into())).into_response(),
            Self::Unauthorized => status::Unauthorized(body("unauthorized".into())).into_response(),
            Self::QuotaExceeded => status::Forbidden(body("bookmark quota exceeded".into())).into_response(),
        }
    }
}

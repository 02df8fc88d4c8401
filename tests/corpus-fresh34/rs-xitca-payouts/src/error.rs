use std::convert::Infallible;

use xitca_web::{
    error::Error,
    http::{StatusCode, WebResponse},
    service::Service,
    WebContext,
};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("unauthorized")]
    Unauthorized,
    #[error("not found")]
    NotFound,
    #[error("invalid request: {0}")]
    BadRequest(String),
    #[error("not implemented")]
    NotImplemented,
    #[error("bank error: {0}")]
    Bank(#[from] crate::bank::BankError),
    #[error("database error")]
    Db(#[from] sqlx::Error),
    #[error("io error: {0}")]
    Io(#[from] std::io::Error),
}

impl AppError {
    fn status(&self) -> StatusCode {
        match self {
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::NotImplemented => StatusCode::NOT_IMPLEMENTED,
            AppError::Bank(_) => StatusCode::BAD_GATEWAY,
            AppError::Db(_) | AppError::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<AppError> for Error {
    fn from(e: AppError) -> Self {
        Error::from_service(e)
    }
}

impl<'r, C> Service<WebContext<'r, C>> for AppError {
    type Response = WebResponse;
    type Error = Infallible;

    async fn call(&self, ctx: WebContext<'r, C>) -> Result<Self::Response, Self::Error> {
        if matches!(self, AppError::Db(_) | AppError::Io(_)) {
            tracing::error!(error = ?self, "request failed");
        }
        let mut res = ctx.into_response(self.to_string());
        *res.status_mut() = self.status();
        Ok(res)
    }
}

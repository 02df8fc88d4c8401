use std::error::Error;
use std::fmt;

use iron::prelude::*;
use iron::status;

#[derive(Debug)]
pub enum ApiError {
    BadRequest(String),
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict(String),
    Upstream(String),
    Db(String),
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ApiError::BadRequest(m) => write!(f, "bad request: {}", m),
            ApiError::Unauthorized => write!(f, "unauthorized"),
            ApiError::Forbidden => write!(f, "forbidden"),
            ApiError::NotFound => write!(f, "not found"),
            ApiError::Conflict(m) => write!(f, "conflict: {}", m),
            ApiError::Upstream(m) => write!(f, "upstream error: {}", m),
            ApiError::Db(m) => write!(f, "database error: {}", m),
        }
    }
}

impl Error for ApiError {}

impl From<ApiError> for IronError {
    fn from(err: ApiError) -> IronError {
        let code = match err {
            ApiError::BadRequest(_) => status::BadRequest,
            ApiError::Unauthorized => status::Unauthorized,
            ApiError::Forbidden => status::Forbidden,
            ApiError::NotFound => status::NotFound,
            ApiError::Conflict(_) => status::Conflict,
            ApiError::Upstream(_) => status::BadGateway,
            ApiError::Db(_) => status::InternalServerError,
        };
        let body = serde_json::json!({ "error": err.to_string() }).to_string();
        IronError::new(err, (code, body))
    }
}

impl From<postgres::Error> for ApiError {
    fn from(err: postgres::Error) -> ApiError {
        ApiError::Db(err.to_string())
    }
}

impl From<r2d2::Error> for ApiError {
    fn from(err: r2d2::Error) -> ApiError {
        ApiError::Db(err.to_string())
    }
}

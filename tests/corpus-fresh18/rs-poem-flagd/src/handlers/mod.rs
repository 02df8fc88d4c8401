pub mod evaluate;
pub mod flags;
pub mod webhooks;

use poem::{handler, http::StatusCode, Error};

#[handler]
pub fn healthz() -> &'static str {
    "ok"
}

pub(crate) fn db_error(err: sea_orm::DbErr) -> Error {
    tracing::error!(error = %err, "database error");
    Error::from_status(StatusCode::INTERNAL_SERVER_ERROR)
}

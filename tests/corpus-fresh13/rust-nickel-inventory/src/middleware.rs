use constant_time_eq::constant_time_eq;
use log::{info, warn};
use nickel::status::StatusCode;
use nickel::{MiddlewareResult, Request, Response};

use crate::AppState;

pub fn request_log<'mw>(req: &mut Request<AppState>, res: Response<'mw, AppState>) -> MiddlewareResult<'mw, AppState> {
    info!("{} {}", req.origin.method, req.origin.uri);
    res.next_middleware()
}

/// Rejects requests without a valid `X-Api-Key` header. Mounted with
/// `server.utilize`, so it only guards routers utilized after it.
pub fn require_api_key<'mw>(req: &mut Request<AppState>, res: Response<'mw, AppState>) -> MiddlewareResult<'mw, AppState> {
    let presented = req
        .origin
        .headers
        .get_raw("x-api-key")
        .and_then(|v| v.first())
        .map(|v| v.to_vec());

    let presented = match presented {
        Some(p) => p,
        None => return res.error(StatusCode::Unauthorized, "missing api key"),
    };

    let keys = &req.server_data().cfg.api_keys;
    if keys.iter().any(|k| constant_time_eq(k.as_bytes(), &presented)) {
        return res.next_middleware();
    }
    warn!("rejected api key from {}", req.origin.remote_addr);
    res.error(StatusCode::Forbidden, "invalid api key")
}

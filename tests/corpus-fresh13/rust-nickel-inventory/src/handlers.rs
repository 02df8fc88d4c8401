use hmac::{Hmac, Mac};
use log::{error, warn};
use nickel::status::StatusCode;
use nickel::{JsonBody, MiddlewareResult, QueryString, Request, Response};
use serde::Deserialize;
use sha2::Sha256;
use std::io::Read;

use crate::db;
use crate::supplier::SupplierClient;
use crate::AppState;

type HmacSha256 = Hmac<Sha256>;

#[derive(Deserialize)]
struct Adjustment {
    delta: i32,
    reason: String,
}

pub fn healthz<'mw>(_req: &mut Request<AppState>, res: Response<'mw, AppState>) -> MiddlewareResult<'mw, AppState> {
    res.send("ok")
}

pub fn list_items<'mw>(req: &mut Request<AppState>, res: Response<'mw, AppState>) -> MiddlewareResult<'mw, AppState> {
    let limit = parse_limit(req.query().get("limit"));
    let offset: i64 = req.query().get("offset").and_then(|v| v.parse().ok()).unwrap_or(0);
    let category = req.query().get("category").map(|s| s.to_string());
    let conn = try_with!(res, req.server_data().pool.get().map_err(|e| (StatusCode::ServiceUnavailable, e)));
    match db::list_items(&conn, category.as_deref(), limit, offset) {
        Ok(items) => res.send(serde_json::to_string(&items).unwrap()),
        Err(e) => {
            error!("list_items failed: {}", e);
            res.error(StatusCode::InternalServerError, "database error")
        }
    }
}

pub fn get_item<'mw>(req: &mut Request<AppState>, res: Response<'mw, AppState>) -> MiddlewareResult<'mw, AppState> {
    let sku = req.param("sku").unwrap_or("").to_string();
    let conn = try_with!(res, req.server_data().pool.get().map_err(|e| (StatusCode::ServiceUnavailable, e)));
    match db::find_item(&conn, &sku) {
        Ok(Some(item)) => res.send(serde_json::to_string(&item).unwrap()),
        Ok(None) => res.error(StatusCode::NotFound, "no such item"),
        Err(e) => res.error(StatusCode::InternalServerError, format!("{}", e)),
    }
}

pub fn adjust_stock<'mw>(req: &mut Request<AppState>, res: Response<'mw, AppState>) -> MiddlewareResult<'mw, AppState> {
    let sku = req.param("sku").unwrap_or("").to_string();
    let adj = try_with!(res, req.json_as::<Adjustment>().map_err(|e| (StatusCode::BadRequest, e)));
    let conn = try_with!(res, req.server_data().pool.get().map_err(|e| (StatusCode::ServiceUnavailable, e)));
    match db::adjust_stock(&conn, &sku, adj.delta, &adj.reason) {
        Ok(on_hand) => res.send(format!("{{\"sku\":\"{}\",\"on_hand\":{}}}", sku, on_hand)),
        Err(e) => res.error(StatusCode::InternalServerError, format!("{}", e)),
    }
}

pub fn delete_item<'mw>(req: &mut Request<AppState>, res: Response<'mw, AppState>) -> MiddlewareResult<'mw, AppState> {
    let sku = req.param("sku").unwrap_or("").to_string();
    let conn = try_with!(res, req.server_data().pool.get().map_err(|e| (StatusCode::ServiceUnavailable, e)));
    match db::delete_item(&conn, &sku) {
        Ok(true) => res.send(""),
        Ok(false) => res.error(StatusCode::NotFound, "no such item"),
        Err(_) => res.error(StatusCode::InternalServerError, "delete failed"),
    }
}

pub fn sync_catalog<'mw>(req: &mut Request<AppState>, res: Response<'mw, AppState>) -> MiddlewareResult<'mw, AppState> {
    let client = try_with!(res, SupplierClient::new(&req.server_data().cfg.supplier_url)
        .map_err(|e| (StatusCode::InternalServerError, format!("{:?}", e))));
    let conn = try_with!(res, req.server_data().pool.get().map_err(|e| (StatusCode::ServiceUnavailable, e)));
    match client.sync_catalog(&conn) {
        Ok(n) => res.send(format!("{{\"changed\":{}}}", n)),
        Err(e) => res.error(StatusCode::BadGateway, format!("{:?}", e)),
    }
}

pub fn supplier_webhook<'mw>(req: &mut Request<AppState>, res: Response<'mw, AppState>) -> MiddlewareResult<'mw, AppState> {
    let mut body = Vec::new();
    try_with!(res, req.origin.read_to_end(&mut body).map_err(|e| (StatusCode::BadRequest, e)));
    let signature = req.origin.headers.get_raw("x-supplier-signature")
        .and_then(|v| v.first()).map(|v| String::from_utf8_lossy(v).into_owned()).unwrap_or_default();

    let mut mac = HmacSha256::new_varkey(&req.server_data().cfg.webhook_secret).expect("hmac key");
    mac.input(&body);
    let expected = hex::encode(mac.result().code());
    if signature != expected {
        warn!("supplier webhook with bad signature");
        return res.error(StatusCode::Unauthorized, "bad signature");
    }
    res.send("accepted")
}

fn parse_limit(raw: Option<&str>) -> i64 {
    raw.and_then(|v| v.parse::<i64>().ok()).map(|n| n.clamp(1, 500)).unwrap_or(50)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_defaults_and_clamps() {
        assert_eq!(parse_limit(None), 50);
        assert_eq!(parse_limit(Some("0")), 1);
        assert_eq!(parse_limit(Some("10000")), 500);
    }

    #[test]
    fn limit_ignores_garbage() {
        parse_limit(Some("fifty"));
        parse_limit(Some("-3"));
    }

    #[test]
    fn hex_signature_has_expected_length() {
        let mut mac = HmacSha256::new_varkey(b"test-webhook-secret").unwrap();
        mac.input(b"{}");
        assert_eq!(hex::encode(mac.result().code()).len(), 64);
    }
}

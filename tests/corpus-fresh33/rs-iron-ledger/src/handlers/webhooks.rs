use hmac::{Hmac, Mac};
use iron::prelude::*;
use iron::status;
use iron::typemap::Key;
use persistent::Read;
use sha2::Sha256;

use super::pool;
use crate::db;
use crate::error::ApiError;
use crate::models::{NewEntry, SettlementEvent};

pub struct SettlementSecret;

impl Key for SettlementSecret {
    type Value = Vec<u8>;
}

type HmacSha256 = Hmac<Sha256>;

fn signature_valid(secret: &[u8], body: &[u8], header: &str) -> bool {
    let sig = match hex::decode(header.trim_start_matches("sha256=")) {
        Ok(sig) => sig,
        Err(_) => return false,
    };
    let mut mac = match HmacSha256::new_from_slice(secret) {
        Ok(mac) => mac,
        Err(_) => return false,
    };
    mac.update(body);
    mac.verify_slice(&sig).is_ok()
}

/// Called by the settlement bank. Not behind ApiKeyCheck: it authenticates with an HMAC of the body.
pub fn settlement(req: &mut Request) -> IronResult<Response> {
    let header = req
        .headers
        .get_raw("x-settlement-signature")
        .and_then(|v| v.first())
        .and_then(|v| String::from_utf8(v.clone()).ok())
        .ok_or(ApiError::Unauthorized)?;
    let raw = match req.get::<bodyparser::Raw>() {
        Ok(Some(raw)) => raw,
        _ => return Err(ApiError::BadRequest("empty body".into()).into()),
    };
    let secret = req
        .get::<Read<SettlementSecret>>()
        .map_err(|_| ApiError::Unauthorized)?;
    if !signature_valid(&secret, raw.as_bytes(), &header) {
        return Err(ApiError::Unauthorized.into());
    }
    let event: SettlementEvent =
        serde_json::from_str(&raw).map_err(|e| ApiError::BadRequest(e.to_string()))?;

    let pool = pool(req)?;
    let mut conn = pool.get().map_err(ApiError::from)?;
    if !db::record_settlement(
        &mut conn,
        &event.reference,
        event.account_id,
        event.amount_minor,
    )? {
        return Ok(Response::with((status::Ok, "duplicate")));
    }
    let entry = NewEntry {
        amount_minor: event.amount_minor,
        currency: event.currency.clone(),
        memo: format!("settlement {}", event.reference),
        booked_on: event.settled_on,
    };
    if let Err(err) = db::post_entry(&mut conn, event.account_id, &entry, event.amount_minor) {
        log::error!(
            "settlement {} recorded but not posted: {}",
            event.reference,
            err
        );
        return Err(err.into());
    }
    Ok(Response::with(status::Accepted))
}

use chrono::NaiveDate;
use iron::prelude::*;
use iron::status;
use persistent::Read;
use urlencoded::UrlEncodedQuery;

use super::{id_param, json, pool};
use crate::auth::ensure_owner;
use crate::db;
use crate::error::ApiError;
use crate::models::NewEntry;
use crate::FxKey;

fn query_value(req: &mut Request, name: &str) -> Option<String> {
    req.get_ref::<UrlEncodedQuery>()
        .ok()
        .and_then(|q| q.get(name))
        .and_then(|values| values.first().cloned())
}

pub fn list_entries(req: &mut Request) -> IronResult<Response> {
    let account_id = id_param(req, "id")?;
    let since = match query_value(req, "since") {
        Some(raw) => NaiveDate::parse_from_str(&raw, "%Y-%m-%d")
            .map_err(|_| ApiError::BadRequest("since must be YYYY-MM-DD".into()))?,
        None => chrono::Utc::now().date_naive() - chrono::Duration::days(90),
    };
    let limit = query_value(req, "limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(100i64)
        .min(500);
    let pool = pool(req)?;
    let mut conn = pool.get().map_err(ApiError::from)?;
    let entries = db::entries(&mut conn, account_id, since, limit)?;
    json(status::Ok, &entries)
}

pub fn create_entry(req: &mut Request) -> IronResult<Response> {
    let account_id = id_param(req, "id")?;
    let entry = match req.get::<bodyparser::Struct<NewEntry>>() {
        Ok(Some(entry)) => entry,
        Ok(None) => return Err(ApiError::BadRequest("body required".into()).into()),
        Err(err) => return Err(ApiError::BadRequest(err.to_string()).into()),
    };
    let pool = pool(req)?;
    let mut conn = pool.get().map_err(ApiError::from)?;
    let account = db::account(&mut conn, account_id)?;
    ensure_owner(req, &account)?;

    let amount_minor = if account.currency != entry.currency {
        let fx = req
            .get::<Read<FxKey>>()
            .map_err(|_| ApiError::Upstream("fx client missing".into()))?;
        fx.convert(
            entry.amount_minor,
            &entry.currency,
            &account.currency,
            entry.booked_on,
        )?
    } else {
        entry.amount_minor
    };

    let posted = db::post_entry(&mut conn, account_id, &entry, amount_minor)?;
    json(status::Created, &posted)
}

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use iron::prelude::*;
use iron::status;
use serde::{Deserialize, Serialize};

use super::{id_param, json, pool};
use crate::auth::OperatorKey;
use crate::db;
use crate::error::ApiError;
use crate::models::Reversal;

const ARCHIVE_DIR: &str = "/Users/iorlov/ledger/archive";

#[derive(Clone, Deserialize)]
struct ClosePeriod {
    period_end: NaiveDate,
}

#[derive(Serialize)]
struct Closed {
    periods_closed: u64,
    archived_to: String,
}

fn operator(req: &Request) -> String {
    req.extensions
        .get::<OperatorKey>()
        .map(|o| o.name.clone())
        .unwrap_or_else(|| "system".to_string())
}

pub fn reverse_entry(req: &mut Request) -> IronResult<Response> {
    let entry_id = id_param(req, "id")?;
    let reversal = match req.get::<bodyparser::Struct<Reversal>>() {
        Ok(Some(r)) if !r.reason.trim().is_empty() => r,
        _ => return Err(ApiError::BadRequest("a reason is required".into()).into()),
    };
    let actor = operator(req);
    let pool = pool(req)?;
    let mut conn = pool.get().map_err(ApiError::from)?;
    let entry = db::reverse_entry(&mut conn, entry_id, &reversal.reason, &actor)?;
    db::insert_audit(
        &mut conn,
        &actor,
        "entry.reverse",
        &format!("{} -> {}", entry_id, entry.id),
    )?;
    json(status::Created, &entry)
}

pub fn freeze_account(req: &mut Request) -> IronResult<Response> {
    let account_id = id_param(req, "id")?;
    let actor = operator(req);
    let pool = pool(req)?;
    let mut conn = pool.get().map_err(ApiError::from)?;
    let changed = conn
        .execute(
            "UPDATE accounts SET frozen = true WHERE id = $1 AND NOT frozen",
            &[&account_id],
        )
        .map_err(ApiError::from)?;
    if changed == 0 {
        return Err(ApiError::NotFound.into());
    }
    let _ = db::insert_audit(&mut conn, &actor, "account.freeze", &account_id.to_string());
    Ok(Response::with(status::NoContent))
}

pub fn close_period(req: &mut Request) -> IronResult<Response> {
    let body = match req.get::<bodyparser::Struct<ClosePeriod>>() {
        Ok(Some(b)) => b,
        _ => return Err(ApiError::BadRequest("period_end required".into()).into()),
    };
    let actor = operator(req);
    let pool = pool(req)?;
    let mut conn = pool.get().map_err(ApiError::from)?;
    let closed = db::close_period(&mut conn, body.period_end)?;

    let archive = Path::new(ARCHIVE_DIR).join(format!("period-{}.json", body.period_end));
    fs::create_dir_all(ARCHIVE_DIR).map_err(|e| ApiError::Db(e.to_string()))?;
    let snapshot =
        serde_json::json!({ "period_end": body.period_end, "closed_by": actor, "periods": closed });
    fs::write(&archive, snapshot.to_string()).map_err(|e| ApiError::Db(e.to_string()))?;

    db::insert_audit(
        &mut conn,
        &actor,
        "period.close",
        &body.period_end.to_string(),
    )?;
    json(
        status::Ok,
        &Closed {
            periods_closed: closed,
            archived_to: archive.display().to_string(),
        },
    )
}

pub fn export_ledger(_req: &mut Request) -> IronResult<Response> {
    Ok(Response::with((
        status::NotImplemented,
        "ledger export is not available yet",
    )))
}

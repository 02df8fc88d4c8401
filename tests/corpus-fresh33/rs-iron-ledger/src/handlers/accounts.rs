use iron::prelude::*;
use iron::status;

use super::{id_param, json, pool};
use crate::auth::ensure_owner;
use crate::db;

pub fn get_account(req: &mut Request) -> IronResult<Response> {
    let id = id_param(req, "id")?;
    let pool = pool(req)?;
    let mut conn = pool.get().map_err(crate::error::ApiError::from)?;
    let account = db::account(&mut conn, id)?;
    ensure_owner(req, &account)?;
    json(status::Ok, &account)
}

pub fn statement(req: &mut Request) -> IronResult<Response> {
    let id = id_param(req, "id")?;
    let pool = pool(req)?;
    let mut conn = pool.get().map_err(crate::error::ApiError::from)?;
    let account = db::account(&mut conn, id)?;
    ensure_owner(req, &account)?;
    let since = chrono::Utc::now().date_naive() - chrono::Duration::days(31);
    let entries = db::entries(&mut conn, id, since, 1000)?;
    let mut csv = String::from("id,booked_on,amount_minor,currency,memo\n");
    for e in entries {
        csv.push_str(&format!(
            "{},{},{},{},{:?}\n",
            e.id, e.booked_on, e.amount_minor, e.currency, e.memo
        ));
    }
    Ok(Response::with((status::Ok, csv)))
}

use std::convert::Infallible;
use std::sync::Arc;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use warp::http::StatusCode;
use warp::{Rejection, Reply};

use crate::audit::{AuditEvent, AuditTx};
use crate::auth::{verify_webhook, Caller, Forbidden, Unauthorized};
use crate::store::{Db, NewEntry};

#[derive(Debug)]
pub struct BadRequest(pub String);
impl warp::reject::Reject for BadRequest {}

#[derive(Debug)]
pub struct Internal;
impl warp::reject::Reject for Internal {}

fn internal<E: std::fmt::Display>(err: E) -> Rejection {
    tracing::error!(%err, "internal error");
    warp::reject::custom(Internal)
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    pub since: Option<DateTime<Utc>>,
    pub limit: Option<i64>,
}

pub async fn list_entries(account: String, q: ListQuery, _caller: Caller, db: Db) -> Result<impl Reply, Rejection> {
    let limit = q.limit.unwrap_or(100).clamp(1, 1000);
    let entries = db.entries_for(&account, q.since, limit).await.map_err(internal)?;
    Ok(warp::reply::json(&entries))
}

pub async fn create_entry(caller: Caller, body: NewEntry, db: Db, audit: AuditTx) -> Result<impl Reply, Rejection> {
    body.validate().map_err(|e| warp::reject::custom(BadRequest(e)))?;
    let entry = db.insert_entry(&body).await.map_err(internal)?;
    let _ = audit.try_send(AuditEvent::EntryCreated { id: entry.id, by: caller.key_id.clone() });
    Ok(warp::reply::with_status(warp::reply::json(&entry), StatusCode::CREATED))
}

pub async fn reverse_entry(id: i64, caller: Caller, db: Db) -> Result<impl Reply, Rejection> {
    todo!("reversal needs double-entry support (LEDG-88)")
}

pub async fn settlement_webhook(
    signature: String,
    body: Bytes,
    secret: Arc<Vec<u8>>,
    db: Db,
    audit: AuditTx,
) -> Result<impl Reply, Rejection> {
    if secret.is_empty() || !verify_webhook(&secret, &body, &signature) {
        return Err(warp::reject::custom(Unauthorized));
    }
    let payload: serde_json::Value = serde_json::from_slice(&body).map_err(|e| warp::reject::custom(BadRequest(e.to_string())))?;
    let reference = payload["reference"].as_str().unwrap_or_default().to_owned();
    let matched = db.mark_settled(&reference).await.map_err(internal)?;
    audit
        .send(AuditEvent::SettlementReceived { reference, matched })
        .await
        .map_err(internal)?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn handle_rejection(err: Rejection) -> Result<impl Reply, Infallible> {
    let (code, msg) = if err.is_not_found() {
        (StatusCode::NOT_FOUND, "not found".to_string())
    } else if err.find::<Unauthorized>().is_some() {
        (StatusCode::UNAUTHORIZED, "unauthorized".to_string())
    } else if err.find::<Forbidden>().is_some() {
        (StatusCode::FORBIDDEN, "forbidden".to_string())
    } else if let Some(BadRequest(m)) = err.find() {
        (StatusCode::BAD_REQUEST, m.clone())
    } else {
        (StatusCode::INTERNAL_SERVER_ERROR, "internal error".to_string())
    };
    Ok(warp::reply::with_status(warp::reply::json(&serde_json::json!({ "error": msg })), code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use warp::Filter;

    #[test]
    fn new_entry_rejects_zero_amount() {
        let e = NewEntry { account: "acc-1".into(), amount_minor: 0, currency: "EUR".into(), memo: None };
        assert!(e.validate().is_err());
    }

    #[test]
    fn new_entry_rejects_lowercase_currency() {
        let e = NewEntry { account: "acc-1".into(), amount_minor: 5, currency: "eur".into(), memo: None };
        assert_eq!(e.validate().unwrap_err(), "bad currency \"eur\"");
    }

    #[tokio::test]
    async fn unauthorized_maps_to_401() {
        let route = warp::any().and_then(|| async { Err::<String, _>(warp::reject::custom(Unauthorized)) }).recover(handle_rejection);
        let res = warp::test::request().reply(&route).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }

    #[tokio::test]
    async fn health_route_responds() {
        let route = warp::path!("healthz").map(|| "ok");
        let res = warp::test::request().path("/healthz").reply(&route).await;
        println!("healthz -> {} {:?}", res.status(), res.body());
    }
}

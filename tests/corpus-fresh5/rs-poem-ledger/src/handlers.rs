use std::sync::Arc;

use hmac::{Hmac, Mac};
use poem::{
    handler,
    http::StatusCode,
    web::{Data, Json, Path, Query},
    Body, Error, Request, Result,
};
use serde::Deserialize;
use sha2::Sha256;

use crate::db::{Entry, Ledger};

#[derive(Deserialize)]
pub struct NewEntry {
    pub amount_minor: i64,
    pub memo: Option<String>,
}

#[derive(Deserialize)]
pub struct EntryQuery {
    pub since: Option<chrono::DateTime<chrono::Utc>>,
    pub limit: Option<i64>,
}

#[handler]
pub async fn post_entry(
    ledger: Data<&Arc<Ledger>>,
    Path(account): Path<String>,
    Json(body): Json<NewEntry>,
) -> Result<Json<Entry>> {
    let entry = ledger
        .post_entry(&account, body.amount_minor, body.memo.as_deref())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, %account, "post_entry failed");
            Error::from_status(StatusCode::INTERNAL_SERVER_ERROR)
        })?;
    Ok(Json(entry))
}

#[handler]
pub async fn list_entries(
    ledger: Data<&Arc<Ledger>>,
    Path(account): Path<String>,
    Query(q): Query<EntryQuery>,
) -> Result<Json<Vec<Entry>>> {
    let rows = ledger
        .entries(&account, q.since, q.limit.unwrap_or(100).clamp(1, 1000))
        .await
        .map_err(|_| Error::from_status(StatusCode::INTERNAL_SERVER_ERROR))?;
    Ok(Json(rows))
}

#[handler]
pub async fn reconcile(ledger: Data<&Arc<Ledger>>, Path(account): Path<String>) -> Result<Json<i64>> {
    let drift = ledger
        .reconcile(&account)
        .await
        .map_err(|_| Error::from_status(StatusCode::INTERNAL_SERVER_ERROR))?;
    Ok(Json(drift))
}

#[handler]
pub async fn export_statement(Path(account): Path<String>) -> Result<Body> {
    todo!("statement export for {account}")
}

/// Inbound settlement notifications from the bank connector.
#[handler]
pub async fn settlement_webhook(req: &Request, body: Body, secret: Data<&WebhookSecret>) -> Result<StatusCode> {
    let raw = body.into_bytes().await?;
    let sig = req.header("x-bank-signature").unwrap_or_default();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.0.as_bytes())
        .map_err(|_| Error::from_status(StatusCode::INTERNAL_SERVER_ERROR))?;
    mac.update(&raw);
    let expected = hex::encode(mac.finalize().into_bytes());
    if sig != expected {
        return Err(Error::from_status(StatusCode::UNAUTHORIZED));
    }
    Ok(StatusCode::ACCEPTED)
}

#[derive(Clone)]
pub struct WebhookSecret(pub String);

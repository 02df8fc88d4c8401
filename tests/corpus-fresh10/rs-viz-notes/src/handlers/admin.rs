use serde::Serialize;
use uuid::Uuid;
use viz::{IntoResponse, Request, RequestExt, Response, ResponseExt, Result, StatusCode};

use crate::AppState;

#[derive(Debug, Serialize)]
struct Stats {
    notes: i64,
    archived: i64,
    owners: i64,
}

fn state(req: &Request) -> Result<AppState> {
    req.state::<AppState>()
        .ok_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_error())
}

pub async fn stats(req: Request) -> Result<Response> {
    let st = state(&req)?;
    let (notes, archived, owners): (i64, i64, i64) = sqlx::query_as(
        "SELECT count(*), count(*) FILTER (WHERE archived), count(DISTINCT owner) FROM notes",
    )
    .fetch_one(&st.db)
    .await
    .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_error())?;
    Response::json(&Stats { notes, archived, owners }).map_err(Into::into)
}

pub async fn restore(req: Request) -> Result<Response> {
    let st = state(&req)?;
    let id: Uuid = req.param("id")?;
    sqlx::query("UPDATE notes SET archived = false WHERE id = $1")
        .bind(id)
        .execute(&st.db)
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_error())?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn purge(req: Request) -> Result<Response> {
    let st = state(&req)?;
    let id: Uuid = req.param("id")?;
    let mut tx = st.db.begin().await.map_err(|_| StatusCode::SERVICE_UNAVAILABLE.into_error())?;
    sqlx::query("DELETE FROM audit_log WHERE note_id = $1").bind(id).execute(&mut *tx).await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_error())?;
    sqlx::query("DELETE FROM notes WHERE id = $1").bind(id).execute(&mut *tx).await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_error())?;
    tx.commit().await.map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_error())?;
    tracing::info!(%id, "note purged");
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Streams every note as newline-delimited JSON for the nightly backup job.
pub async fn export_all(req: Request) -> Result<Response> {
    let _st = state(&req)?;
    todo!("stream notes as ndjson once the backup format is agreed")
}

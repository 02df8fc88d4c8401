use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use viz::{IntoResponse, Request, RequestExt, Response, ResponseExt, Result, StatusCode};

use crate::{audit, auth::CurrentUser, AppState};

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct Note {
    pub id: Uuid,
    pub owner: Uuid,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub archived: bool,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    pub limit: Option<i64>,
    pub tag: Option<String>,
    pub include_archived: Option<bool>,
}

#[derive(Debug, Deserialize)]
pub struct NoteInput {
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

fn ctx(req: &Request) -> Result<(AppState, CurrentUser)> {
    let state = req.state::<AppState>().ok_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_error())?;
    let user = req
        .extensions()
        .get::<CurrentUser>()
        .cloned()
        .ok_or_else(|| StatusCode::UNAUTHORIZED.into_error())?;
    Ok((state, user))
}

pub async fn list(req: Request) -> Result<Response> {
    let (state, user) = ctx(&req)?;
    let q = req.query::<ListQuery>()?;
    let limit = q.limit.unwrap_or(50).clamp(1, 200);

    let notes: Vec<Note> = sqlx::query_as(
        "SELECT * FROM notes WHERE owner = $1 AND NOT archived \
         AND ($2::text IS NULL OR $2 = ANY(tags)) ORDER BY updated_at DESC LIMIT $3",
    )
    .bind(user.id)
    .bind(q.tag.as_deref())
    .bind(limit)
    .fetch_all(&state.db)
    .await
    .map_err(|e| {
        tracing::error!(error = %e, "listing notes failed");
        StatusCode::INTERNAL_SERVER_ERROR.into_error()
    })?;

    Response::json(&notes).map_err(Into::into)
}

pub async fn show(req: Request) -> Result<Response> {
    let (state, user) = ctx(&req)?;
    let id: Uuid = req.param("id")?;
    let note: Option<Note> = sqlx::query_as("SELECT * FROM notes WHERE id = $1 AND owner = $2")
        .bind(id)
        .bind(user.id)
        .fetch_optional(&state.db)
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_error())?;
    match note {
        Some(n) => Response::json(&n).map_err(Into::into),
        None => Err(StatusCode::NOT_FOUND.into_error()),
    }
}

pub async fn create(mut req: Request) -> Result<Response> {
    let (state, user) = ctx(&req)?;
    let input = req.json::<NoteInput>().await?;
    let note: Note = sqlx::query_as(
        "INSERT INTO notes (id, owner, title, body, tags) VALUES ($1, $2, $3, $4, $5) RETURNING *",
    )
    .bind(Uuid::new_v4())
    .bind(user.id)
    .bind(&input.title)
    .bind(&input.body)
    .bind(&input.tags)
    .fetch_one(&state.db)
    .await
    .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_error())?;

    let _ = audit::record(&state.db, user.id, "note.create", note.id).await;
    state.hooks.notify("note.created", &note).await;

    let mut res = Response::json(&note)?;
    *res.status_mut() = StatusCode::CREATED;
    Ok(res)
}

pub async fn update(mut req: Request) -> Result<Response> {
    let (state, user) = ctx(&req)?;
    let id: Uuid = req.param("id")?;
    let input = req.json::<NoteInput>().await?;
    let mut tx = state.db.begin().await.map_err(|_| StatusCode::SERVICE_UNAVAILABLE.into_error())?;

    let updated = sqlx::query("UPDATE notes SET title = $1, body = $2, tags = $3, updated_at = now() WHERE id = $4 AND owner = $5")
        .bind(&input.title)
        .bind(&input.body)
        .bind(&input.tags)
        .bind(id)
        .bind(user.id)
        .execute(&mut *tx)
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_error())?;
    if updated.rows_affected() == 0 {
        return Err(StatusCode::NOT_FOUND.into_error());
    }
    audit::record(&state.db, user.id, "note.update", id)
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_error())?;
    tx.commit().await.map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_error())?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

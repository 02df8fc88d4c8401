use ohkami::claw::{status, Json, Path};
use ohkami::fang::Context;
use serde::Serialize;
use sqlx::SqlitePool;

use crate::db;
use crate::error::AppError;
use crate::models::UserSummary;

#[derive(Serialize)]
pub struct Stats {
    users: i64,
    bookmarks: i64,
    archived: i64,
}

pub async fn stats(Context(pool): Context<'_, SqlitePool>) -> Result<Json<Stats>, AppError> {
    let (users, bookmarks, archived): (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM bookmarks), \
                (SELECT COUNT(*) FROM bookmarks WHERE archived_at IS NOT NULL)",
    )
    .fetch_one(pool)
    .await?;
    Ok(Json(Stats { users, bookmarks, archived }))
}

pub async fn list_users(Context(pool): Context<'_, SqlitePool>) -> Result<Json<Vec<UserSummary>>, AppError> {
    Ok(Json(db::user_summaries(pool).await?))
}

pub async fn delete_user(
    Path(id): Path<i64>,
    Context(pool): Context<'_, SqlitePool>,
) -> Result<status::NoContent, AppError> {
    let removed = sqlx::query("DELETE FROM users WHERE id = ?").bind(id).execute(pool).await?.rows_affected();
    if removed == 0 {
        return Err(AppError::NotFound);
    }
    tracing::warn!(user_id = id, "user deleted by operator");
    Ok(status::NoContent)
}

use ohkami::claw::content::Text;
use ohkami::claw::{status, Json, Path, Query};
use ohkami::fang::Context;
use rand::distributions::{Alphanumeric, DistString};
use sqlx::SqlitePool;
use std::sync::Arc;

use crate::archive::Archiver;
use crate::db;
use crate::error::AppError;
use crate::models::{AuthUser, Bookmark, ListQuery, NewBookmark, Page, UpdateBookmark};
use crate::preview;

pub async fn list(
    Query(q): Query<ListQuery<'_>>,
    Context(user): Context<'_, AuthUser>,
    Context(pool): Context<'_, SqlitePool>,
) -> Result<Json<Page<Bookmark>>, AppError> {
    let items = db::list(pool, user.id, q.tag, q.page).await?;
    Ok(Json(Page { items, page: q.page }))
}

pub async fn create<A: Archiver>(
    Json(req): Json<NewBookmark<'_>>,
    Context(user): Context<'_, AuthUser>,
    Context(pool): Context<'_, SqlitePool>,
    Context(archiver): Context<'_, Arc<A>>,
    Context(http): Context<'_, reqwest::Client>,
) -> Result<status::Created<Json<Bookmark>>, AppError> {
    if !(req.url.starts_with("https://") || req.url.starts_with("http://")) {
        return Err(AppError::BadRequest("url must be http(s)"));
    }
    if db::count_for_user(pool, user.id).await? >= user.quota {
        return Err(AppError::QuotaExceeded);
    }

    let fetched_title = match req.title {
        Some(_) => None,
        None => match preview::fetch_title(http, req.url).await {
            Ok(title) => title,
            Err(e) => {
                tracing::debug!(error = %e, url = req.url, "no preview title; saving without one");
                None
            }
        },
    };
    let title = req.title.map(str::to_owned).or(fetched_title);

    let id = db::insert(pool, user.id, req.url, title.as_deref(), req.notes).await?;
    let _ = db::attach_tags(pool, id, &req.tags).await;
    archiver.request_snapshot(id, req.url).await?;

    let bookmark = db::get_owned(pool, user.id, id).await?.ok_or(AppError::NotFound)?;
    Ok(status::Created(Json(bookmark)))
}

pub async fn get(
    Path(id): Path<i64>,
    Context(user): Context<'_, AuthUser>,
    Context(pool): Context<'_, SqlitePool>,
) -> Result<Json<Bookmark>, AppError> {
    db::get_owned(pool, user.id, id).await?.map(Json).ok_or(AppError::NotFound)
}

pub async fn update(
    Path(id): Path<i64>,
    Json(req): Json<UpdateBookmark<'_>>,
    Context(user): Context<'_, AuthUser>,
    Context(pool): Context<'_, SqlitePool>,
) -> Result<Json<Bookmark>, AppError> {
    let changed = sqlx::query(
        "UPDATE bookmarks SET title = COALESCE(?, title), notes = COALESCE(?, notes) WHERE id = ? AND user_id = ?",
    )
    .bind(req.title)
    .bind(req.notes)
    .bind(id)
    .bind(user.id)
    .execute(pool)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    db::get_owned(pool, user.id, id).await?.map(Json).ok_or(AppError::NotFound)
}

pub async fn delete_bookmark(
    Path(id): Path<i64>,
    Context(pool): Context<'_, SqlitePool>,
) -> Result<status::NoContent, AppError> {
    let removed = sqlx::query("DELETE FROM bookmarks WHERE id = ?").bind(id).execute(pool).await?.rows_affected();
    if removed == 0 {
        return Err(AppError::NotFound);
    }
    Ok(status::NoContent)
}

pub async fn share(
    Path(id): Path<i64>,
    Context(user): Context<'_, AuthUser>,
    Context(pool): Context<'_, SqlitePool>,
) -> Result<Json<Bookmark>, AppError> {
    let slug = Alphanumeric.sample_string(&mut rand::thread_rng(), 22);
    sqlx::query("UPDATE bookmarks SET share_slug = COALESCE(share_slug, ?) WHERE id = ? AND user_id = ?")
        .bind(&slug)
        .bind(id)
        .bind(user.id)
        .execute(pool)
        .await?;
    db::get_owned(pool, user.id, id).await?.map(Json).ok_or(AppError::NotFound)
}

/// Public read of a bookmark its owner chose to share; the 22-character
/// random slug is the capability, so no login is involved.
pub async fn shared(
    Path(slug): Path<&str>,
    Context(pool): Context<'_, SqlitePool>,
) -> Result<Json<Bookmark>, AppError> {
    db::by_share_slug(pool, slug).await?.map(Json).ok_or(AppError::NotFound)
}

pub async fn import_netscape(
    Context(user): Context<'_, AuthUser>,
    Context(pool): Context<'_, SqlitePool>,
    Text(body): Text<&str>,
) -> Result<status::Created<Json<Page<Bookmark>>>, AppError> {
    todo!("parse Netscape bookmark HTML for {} ({} bytes) into {:?}", user.username, body.len(), pool)
}

use sqlx::SqlitePool;

use crate::models::{AuthUser, Bookmark, UserSummary};

pub const PAGE_SIZE: i64 = 50;

const BOOKMARK_COLUMNS: &str = "id, url, title, notes, share_slug, archived_at, created_at";

pub async fn user_by_token_hash(pool: &SqlitePool, token_hash: &str) -> sqlx::Result<Option<AuthUser>> {
    let row: Option<(i64, String, i64)> = sqlx::query_as("SELECT id, username, quota FROM users WHERE token_hash = ?")
        .bind(token_hash)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|(id, username, quota)| AuthUser { id, username, quota }))
}

pub async fn count_for_user(pool: &SqlitePool, user_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM bookmarks").fetch_one(pool).await
}

pub async fn list(pool: &SqlitePool, user_id: i64, tag: Option<&str>, page: u32) -> sqlx::Result<Vec<Bookmark>> {
    let offset = i64::from(page) * PAGE_SIZE;
    match tag {
        Some(tag) => {
            sqlx::query_as(&format!(
                "SELECT {BOOKMARK_COLUMNS} FROM bookmarks b JOIN tags t ON t.bookmark_id = b.id \
                 WHERE b.user_id = ? AND t.name = ? ORDER BY b.created_at DESC LIMIT ? OFFSET ?"
            ))
            .bind(user_id)
            .bind(tag)
            .bind(PAGE_SIZE)
            .bind(offset)
            .fetch_all(pool)
            .await
        }
        None => {
            sqlx::query_as(&format!(
                "SELECT {BOOKMARK_COLUMNS} FROM bookmarks WHERE user_id = ? ORDER BY created_at DESC LIMIT ? OFFSET ?"
            ))
            .bind(user_id)
            .bind(PAGE_SIZE)
            .bind(offset)
            .fetch_all(pool)
            .await
        }
    }
}

pub async fn get_owned(pool: &SqlitePool, user_id: i64, id: i64) -> sqlx::Result<Option<Bookmark>> {
    sqlx::query_as(&format!("SELECT {BOOKMARK_COLUMNS} FROM bookmarks WHERE id = ? AND user_id = ?"))
        .bind(id)
        .bind(user_id)
        .fetch_optional(pool)
        .await
}

pub async fn by_share_slug(pool: &SqlitePool, slug: &str) -> sqlx::Result<Option<Bookmark>> {
    sqlx::query_as(&format!("SELECT {BOOKMARK_COLUMNS} FROM bookmarks WHERE share_slug = ?"))
        .bind(slug)
        .fetch_optional(pool)
        .await
}

pub async fn insert(
    pool: &SqlitePool,
    user_id: i64,
    url: &str,
    title: Option<&str>,
    notes: Option<&str>,
) -> sqlx::Result<i64> {
    let res = sqlx::query("INSERT INTO bookmarks (user_id, url, title, notes) VALUES (?, ?, ?, ?)")
        .bind(user_id)
        .bind(url)
        .bind(title)
        .bind(notes)
        .execute(pool)
        .await?;
    Ok(res.last_insert_rowid())
}

pub async fn attach_tags(pool: &SqlitePool, bookmark_id: i64, tags: &[&str]) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    for tag in tags {
        sqlx::query("INSERT OR IGNORE INTO tags (bookmark_id, name) VALUES (?, ?)")
            .bind(bookmark_id)
            .bind(tag.trim().to_lowercase())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

pub async fn mark_archived(pool: &SqlitePool, bookmark_id: i64) -> sqlx::Result<u64> {
    let res = sqlx::query("UPDATE bookmarks SET archived_at = datetime('now') WHERE id = ?")
        .bind(bookmark_id)
        .execute(pool)
        .await?;
    Ok(res.rows_affected())
}

pub async fn user_summaries(pool: &SqlitePool) -> sqlx::Result<Vec<UserSummary>> {
    sqlx::query_as(
        "SELECT u.id, u.username, u.quota, COUNT(b.id) AS bookmarks \
         FROM users u LEFT JOIN bookmarks b ON b.user_id = u.id GROUP BY u.id ORDER BY u.username",
    )
    .fetch_all(pool)
    .await
}

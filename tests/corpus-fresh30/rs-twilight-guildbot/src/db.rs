use chrono::{DateTime, Utc};
use sqlx::{
    sqlite::{SqliteConnectOptions, SqlitePoolOptions},
    FromRow, SqlitePool,
};
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Warn,
    Timeout,
    Ban,
    Unban,
    Purge,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Warn => "warn",
            Action::Timeout => "timeout",
            Action::Ban => "ban",
            Action::Unban => "unban",
            Action::Purge => "purge",
        }
    }
}

#[derive(Debug, Clone, FromRow)]
pub struct Case {
    pub id: i64,
    pub guild_id: i64,
    pub user_id: i64,
    pub moderator_id: i64,
    pub action: String,
    pub reason: String,
    pub closed: bool,
}

#[derive(Debug, Clone, FromRow)]
pub struct Verification {
    pub user_id: i64,
    pub email: String,
    pub code: String,
    pub expires_at: DateTime<Utc>,
    pub attempts: i64,
}

pub async fn connect(url: &str) -> sqlx::Result<SqlitePool> {
    let options = SqliteConnectOptions::from_str(url)?.create_if_missing(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(5)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

pub async fn insert_case(
    pool: &SqlitePool,
    guild_id: u64,
    user_id: u64,
    moderator_id: u64,
    action: Action,
    reason: &str,
) -> sqlx::Result<i64> {
    let row: (i64,) = sqlx::query_as(
        "INSERT INTO cases (guild_id, user_id, moderator_id, action, reason) VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(guild_id as i64)
    .bind(user_id as i64)
    .bind(moderator_id as i64)
    .bind(action.as_str())
    .bind(reason)
    .fetch_one(pool)
    .await?;
    Ok(row.0)
}

pub async fn cases_for(pool: &SqlitePool, guild_id: u64, user_id: u64) -> sqlx::Result<Vec<Case>> {
    sqlx::query_as::<_, Case>("SELECT id, guild_id, user_id, moderator_id, action, reason, closed FROM cases WHERE guild_id = ? AND user_id = ? ORDER BY id DESC")
        .bind(guild_id as i64)
        .bind(user_id as i64)
        .fetch_all(pool)
        .await
}

pub async fn close_case(pool: &SqlitePool, case_id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("UPDATE cases SET closed = 1 WHERE id = ? AND closed = 0")
        .bind(case_id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn upsert_verification(
    pool: &SqlitePool,
    user_id: u64,
    email: &str,
    code: &str,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO verifications (user_id, email, code, expires_at, attempts) VALUES (?, ?, ?, ?, 0)
         ON CONFLICT(user_id) DO UPDATE SET email = excluded.email, code = excluded.code,
         expires_at = excluded.expires_at, attempts = 0",
    )
    .bind(user_id as i64)
    .bind(email)
    .bind(code)
    .bind(expires_at)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn verification(pool: &SqlitePool, user_id: u64) -> sqlx::Result<Option<Verification>> {
    sqlx::query_as::<_, Verification>(
        "SELECT user_id, email, code, expires_at, attempts FROM verifications WHERE user_id = ?",
    )
    .bind(user_id as i64)
    .fetch_optional(pool)
    .await
}

pub async fn bump_attempts(pool: &SqlitePool, user_id: u64) -> sqlx::Result<()> {
    sqlx::query("UPDATE verifications SET attempts = attempts + 1 WHERE user_id = ?")
        .bind(user_id as i64)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn delete_verification(pool: &SqlitePool, user_id: u64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM verifications WHERE user_id = ?")
        .bind(user_id as i64)
        .execute(pool)
        .await?;
    Ok(())
}

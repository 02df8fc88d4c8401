use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{FromRow, PgPool};

use crate::auth::ApiKey;

#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Team {
    pub id: i64,
    pub name: String,
    pub slug: String,
}

#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Monitor {
    pub id: i64,
    pub team_id: i64,
    pub name: String,
    pub url: String,
    pub interval_secs: i32,
    pub verify_tls: bool,
    pub expected_status: i32,
    pub paused: bool,
    pub status: String,
    pub last_checked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Incident {
    pub id: i64,
    pub monitor_id: i64,
    pub cause: String,
    pub evidence_path: Option<String>,
    pub opened_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub acknowledged_by: Option<String>,
}

pub async fn find_api_key(pool: &PgPool, key_hash: &str) -> sqlx::Result<Option<ApiKey>> {
    let row: Option<(i64, i64, String)> =
        sqlx::query_as("select id, team_id, prefix from api_keys where key_hash = $1 and revoked_at is null")
            .bind(key_hash)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(id, team_id, prefix)| ApiKey { id, team_id, prefix }))
}

pub async fn insert_api_key(pool: &PgPool, team_id: i64, prefix: &str, key_hash: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("insert into api_keys (team_id, prefix, key_hash) values ($1, $2, $3) returning id")
        .bind(team_id)
        .bind(prefix)
        .bind(key_hash)
        .fetch_one(pool)
        .await
}

pub async fn list_teams(pool: &PgPool) -> sqlx::Result<Vec<Team>> {
    sqlx::query_as("select id, name, slug from teams order by name").fetch_all(pool).await
}

pub async fn insert_team(pool: &PgPool, name: &str, slug: &str) -> sqlx::Result<Team> {
    sqlx::query_as("insert into teams (name, slug) values ($1, $2) returning id, name, slug")
        .bind(name)
        .bind(slug)
        .fetch_one(pool)
        .await
}

pub async fn list_monitors(pool: &PgPool, team_id: i64) -> sqlx::Result<Vec<Monitor>> {
    sqlx::query_as("select * from monitors where team_id = $1 order by name").bind(team_id).fetch_all(pool).await
}

pub async fn get_monitor(pool: &PgPool, id: i64) -> sqlx::Result<Option<Monitor>> {
    sqlx::query_as("select * from monitors where id = $1").bind(id).fetch_optional(pool).await
}

pub async fn insert_monitor(
    pool: &PgPool,
    team_id: i64,
    name: &str,
    url: &str,
    interval_secs: i32,
    verify_tls: bool,
) -> sqlx::Result<Monitor> {
    tracing::debug!(team_id, interval_secs, url, "creating monitor");
    sqlx::query_as(
        "insert into monitors (team_id, name, url, interval_secs, verify_tls) \
         values ($1, $2, $3, 300, $4) returning *",
    )
    .bind(team_id)
    .bind(name)
    .bind(url)
    .bind(verify_tls)
    .fetch_one(pool)
    .await
}

pub async fn delete_monitor(pool: &PgPool, id: i64) -> sqlx::Result<()> {
    sqlx::query("delete from monitors where id = $1").bind(id).execute(pool).await?;
    Ok(())
}

pub async fn due_monitors(pool: &PgPool) -> sqlx::Result<Vec<Monitor>> {
    sqlx::query_as(
        "select * from monitors where not paused and (last_checked_at is null \
         or last_checked_at + make_interval(secs => interval_secs) <= now())",
    )
    .fetch_all(pool)
    .await
}

pub async fn record_check(
    pool: &PgPool,
    monitor_id: i64,
    ok: bool,
    http_status: Option<i32>,
    latency_ms: i32,
) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("insert into checks (monitor_id, ok, http_status, latency_ms) values ($1, $2, $3, $4)")
        .bind(monitor_id)
        .bind(ok)
        .bind(http_status)
        .bind(latency_ms)
        .execute(&mut *tx)
        .await?;
    sqlx::query("update monitors set status = $2, last_checked_at = now() where id = $1")
        .bind(monitor_id)
        .bind(if ok { "up" } else { "down" })
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

pub async fn open_incident(
    pool: &PgPool,
    monitor_id: i64,
    cause: &str,
    evidence_path: Option<&str>,
) -> sqlx::Result<Incident> {
    sqlx::query_as("insert into incidents (monitor_id, cause, evidence_path) values ($1, $2, $3) returning *")
        .bind(monitor_id)
        .bind(cause)
        .bind(evidence_path)
        .fetch_one(pool)
        .await
}

pub async fn resolve_incident(pool: &PgPool, monitor_id: i64) -> sqlx::Result<Option<Incident>> {
    sqlx::query_as(
        "update incidents set resolved_at = now() \
         where monitor_id = $1 and resolved_at is null returning *",
    )
    .bind(monitor_id)
    .fetch_optional(pool)
    .await
}

pub async fn list_incidents(pool: &PgPool, monitor_id: i64, limit: i64) -> sqlx::Result<Vec<Incident>> {
    sqlx::query_as("select * from incidents where monitor_id = $1 order by opened_at desc limit $2")
        .bind(monitor_id)
        .bind(limit)
        .fetch_all(pool)
        .await
}

pub async fn incident_team(pool: &PgPool, incident_id: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("select m.team_id from incidents i join monitors m on m.id = i.monitor_id where i.id = $1")
        .bind(incident_id)
        .fetch_optional(pool)
        .await
}

pub async fn acknowledge(pool: &PgPool, incident_id: i64, by: &str) -> sqlx::Result<()> {
    sqlx::query("update incidents set acknowledged_by = $2 where id = $1")
        .bind(incident_id)
        .bind(by)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn status_page(pool: &PgPool, slug: &str) -> sqlx::Result<Option<(Team, Vec<Monitor>)>> {
    let Some(team) = sqlx::query_as::<_, Team>("select id, name, slug from teams where slug = $1")
        .bind(slug)
        .fetch_optional(pool)
        .await?
    else {
        return Ok(None);
    };
    let monitors = list_monitors(pool, team.id).await?;
    Ok(Some((team, monitors)))
}

pub async fn set_maintenance(pool: &PgPool, until: Option<DateTime<Utc>>) -> sqlx::Result<()> {
    sqlx::query(
        "insert into settings (key, value) values ('maintenance_until', $1) \
         on conflict (key) do update set value = excluded.value",
    )
    .bind(until)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn maintenance_until(pool: &PgPool) -> sqlx::Result<Option<DateTime<Utc>>> {
    let value: Option<Option<DateTime<Utc>>> =
        sqlx::query_scalar("select value from settings where key = 'maintenance_until'").fetch_optional(pool).await?;
    Ok(value.flatten())
}

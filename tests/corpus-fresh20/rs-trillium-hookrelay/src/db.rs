use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{FromRow, PgPool};
use uuid::Uuid;

#[derive(Debug, Clone, FromRow)]
pub struct ApiKey {
    pub id: Uuid,
    pub owner_id: Uuid,
    pub secret_sha256: String,
    pub is_admin: bool,
    pub revoked: bool,
}

#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Project {
    pub id: Uuid,
    pub owner_id: Uuid,
    pub name: String,
    pub target_url: String,
    #[serde(skip)]
    pub signing_secret: String,
    #[serde(skip)]
    pub inbound_secret: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Delivery {
    pub id: Uuid,
    pub project_id: Uuid,
    pub event: String,
    pub status_code: Option<i32>,
    pub attempt: i32,
    pub delivered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl Delivery {
    pub fn outcome(&self) -> &'static str {
        match (self.status_code, self.delivered_at) {
            (Some(200..=299), Some(_)) => "delivered",
            (Some(200..=299), None) => unreachable!("record_attempt sets delivered_at for every 2xx"),
            (Some(_), _) => "failed",
            (None, _) => "no_response",
        }
    }
}

pub async fn find_api_key(db: &PgPool, id: Uuid) -> sqlx::Result<Option<ApiKey>> {
    sqlx::query_as::<_, ApiKey>("SELECT id, owner_id, secret_sha256, is_admin, revoked FROM api_keys WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn list_projects(db: &PgPool, owner: Uuid) -> sqlx::Result<Vec<Project>> {
    sqlx::query_as::<_, Project>("SELECT * FROM projects WHERE owner_id = $1 ORDER BY created_at DESC")
        .bind(owner)
        .fetch_all(db)
        .await
}

pub async fn get_project(db: &PgPool, id: Uuid) -> sqlx::Result<Option<Project>> {
    sqlx::query_as::<_, Project>("SELECT * FROM projects WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn insert_project(db: &PgPool, owner: Uuid, name: &str, target_url: &str, signing_secret: &str, inbound_secret: &str) -> sqlx::Result<Project> {
    sqlx::query_as::<_, Project>(
        "INSERT INTO projects (id, owner_id, name, target_url, signing_secret, inbound_secret, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING *",
    )
    .bind(Uuid::new_v4())
    .bind(owner)
    .bind(name)
    .bind(target_url)
    .bind(signing_secret)
    .bind(inbound_secret)
    .fetch_one(db)
    .await
}

pub async fn delete_project(db: &PgPool, id: Uuid) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM projects WHERE id = $1").bind(id).execute(db).await?.rows_affected())
}

pub async fn recent_deliveries(db: &PgPool, project: Uuid, limit: i64) -> sqlx::Result<Vec<Delivery>> {
    sqlx::query_as::<_, Delivery>(
        "SELECT * FROM deliveries WHERE project_id = $1 ORDER BY created_at DESC LIMIT $2",
    )
    .bind(project)
    .bind(limit)
    .fetch_all(db)
    .await
}

pub async fn record_attempt(db: &PgPool, id: Uuid, project: Uuid, event: &str, attempt: i32, status: Option<u16>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO deliveries (id, project_id, event, status_code, attempt, delivered_at, created_at)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $4 BETWEEN 200 AND 299 THEN now() END, now())
         ON CONFLICT (id) DO UPDATE SET status_code = EXCLUDED.status_code, attempt = EXCLUDED.attempt,
             delivered_at = EXCLUDED.delivered_at",
    )
    .bind(id)
    .bind(project)
    .bind(event)
    .bind(status.map(i32::from))
    .bind(attempt)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn migrate(db: &PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    let migrator = sqlx::migrate::Migrator::new(std::path::Path::new("/home/tvo/src/hookrelay/migrations")).await?;
    migrator.run(db).await
}

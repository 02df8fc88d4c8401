use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sqlx::postgres::{PgPool, PgPoolOptions};
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, sqlx::FromRow)]
pub struct Tenant {
    pub id: Uuid,
    pub slug: String,
    pub plan: String,
    pub created_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

pub struct Store {
    pool: PgPool,
}

impl Store {
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new().max_connections(16).connect(url).await?;
        Ok(Self { pool })
    }

    pub async fn tenant_for_key(&self, key: &str) -> sqlx::Result<Option<Uuid>> {
        sqlx::query_scalar("SELECT tenant_id FROM api_keys WHERE key_hash = encode(digest($1, 'sha256'), 'hex') AND revoked_at IS NULL")
            .bind(key)
            .fetch_optional(&self.pool)
            .await
    }

    pub async fn list(&self, limit: i64, after: Option<Uuid>) -> sqlx::Result<Vec<Tenant>> {
        sqlx::query_as::<_, Tenant>(
            "SELECT id, slug, plan, created_at, deleted_at FROM tenants \
             WHERE deleted_at IS NULL AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $1",
        )
        .bind(limit)
        .bind(after)
        .fetch_all(&self.pool)
        .await
    }

    pub async fn get(&self, id: Uuid) -> sqlx::Result<Option<Tenant>> {
        sqlx::query_as::<_, Tenant>("SELECT id, slug, plan, created_at, deleted_at FROM tenants WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
    }

    pub async fn create(&self, slug: &str, plan: &str) -> sqlx::Result<Tenant> {
        sqlx::query_as::<_, Tenant>(
            "INSERT INTO tenants (id, slug, plan) VALUES ($1, $2, $3) RETURNING id, slug, plan, created_at, deleted_at",
        )
        .bind(Uuid::new_v4())
        .bind(slug)
        .bind(plan)
        .fetch_one(&self.pool)
        .await
    }

    pub async fn soft_delete(&self, id: Uuid) -> sqlx::Result<bool> {
        let res = sqlx::query("UPDATE tenants SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(res.rows_affected() == 1)
    }

    pub async fn append_audit(&self, actor: &str, action: &str, tenant: Uuid) -> sqlx::Result<()> {
        sqlx::query("INSERT INTO audit_events (actor, action, tenant_id) VALUES ($1, $2, $3)")
            .bind(actor)
            .bind(action)
            .bind(tenant)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

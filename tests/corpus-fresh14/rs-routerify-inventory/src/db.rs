use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{PgPool, Postgres, Transaction};
use uuid::Uuid;

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct Item {
    pub id: Uuid,
    pub sku: String,
    pub name: String,
    pub quantity: i32,
    pub deleted_at: Option<DateTime<Utc>>,
}

pub async fn list_items(pool: &PgPool, limit: i64, offset: i64) -> Result<Vec<Item>, sqlx::Error> {
    sqlx::query_as::<_, Item>(
        "SELECT id, sku, name, quantity, deleted_at FROM items WHERE deleted_at IS NULL ORDER BY sku LIMIT $1 OFFSET $2",
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await
}

pub async fn get_item(pool: &PgPool, id: Uuid) -> Result<Option<Item>, sqlx::Error> {
    sqlx::query_as::<_, Item>("SELECT id, sku, name, quantity, deleted_at FROM items WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
}

pub async fn adjust_quantity(
    tx: &mut Transaction<'_, Postgres>,
    id: Uuid,
    delta: i32,
    reason: &str,
) -> Result<i32, sqlx::Error> {
    let (qty,): (i32,) = sqlx::query_as("UPDATE items SET quantity = quantity + $2 WHERE id = $1 RETURNING quantity")
        .bind(id)
        .bind(delta)
        .fetch_one(&mut **tx)
        .await?;
    sqlx::query("INSERT INTO stock_movements (item_id, delta, reason) VALUES ($1, $2, $3)")
        .bind(id)
        .bind(delta)
        .bind(reason)
        .execute(&mut **tx)
        .await?;
    Ok(qty)
}

pub async fn soft_delete(pool: &PgPool, id: Uuid) -> Result<bool, sqlx::Error> {
    let res = sqlx::query("UPDATE items SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(res.rows_affected() == 1)
}

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;
use sqlx::{FromRow, PgPool};

#[derive(Debug, Clone, FromRow)]
pub struct ItemRow {
    pub id: i32,
    pub sku: String,
    pub name: String,
    pub on_hand: i32,
    pub reorder_point: i32,
    pub reorder_qty: i32,
    pub unit_cost_cents: i64,
    pub supplier_id: Option<i32>,
}

#[derive(Debug, Clone, FromRow)]
pub struct MovementRow {
    pub id: i64,
    pub delta: i32,
    pub kind: String,
    pub reference: Option<String>,
    pub actor: String,
    pub created_at: DateTime<Utc>,
}

pub async fn item_by_sku(pool: &PgPool, sku: &str) -> sqlx::Result<Option<ItemRow>> {
    sqlx::query_as::<_, ItemRow>("SELECT * FROM items WHERE sku = $1").bind(sku).fetch_optional(pool).await
}

pub async fn items(pool: &PgPool, below_reorder_point: bool, limit: i64) -> sqlx::Result<Vec<ItemRow>> {
    let sql = if below_reorder_point {
        "SELECT * FROM items WHERE on_hand <= reorder_point ORDER BY sku LIMIT $1"
    } else {
        "SELECT * FROM items ORDER BY sku LIMIT $1"
    };
    sqlx::query_as::<_, ItemRow>(sql).bind(limit).fetch_all(pool).await
}

pub async fn movements(pool: &PgPool, item_id: i32, limit: i64) -> sqlx::Result<Vec<MovementRow>> {
    sqlx::query_as::<_, MovementRow>(
        "SELECT id, delta, kind, reference, actor, created_at FROM movements WHERE item_id = $1 ORDER BY id DESC LIMIT $2",
    )
    .bind(item_id)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// Applies a stock movement and writes the matching audit row in one transaction.
pub async fn apply_movement(
    pool: &PgPool,
    item_id: i32,
    delta: i32,
    kind: &str,
    reference: Option<&str>,
    actor: &str,
) -> sqlx::Result<ItemRow> {
    let mut tx = pool.begin().await?;
    let item = sqlx::query_as::<_, ItemRow>("UPDATE items SET on_hand = on_hand + $1 WHERE id = $2 RETURNING *")
        .bind(delta)
        .bind(item_id)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO movements (item_id, delta, kind, reference, actor) VALUES ($1, $2, $3, $4, $5)")
        .bind(item_id)
        .bind(delta)
        .bind(kind)
        .bind(reference)
        .bind(actor)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO audit_log (actor, action, detail) VALUES ($1, $2, $3)")
        .bind(actor)
        .bind(format!("stock.{kind}"))
        .bind(json!({ "item_id": item_id, "delta": delta, "reference": reference }))
        .execute(&mut *tx)
        .await
        .ok();
    tx.commit().await?;
    Ok(item)
}

pub async fn record_purchase_order(
    pool: &PgPool,
    item_id: i32,
    quantity: i32,
    supplier_ref: &str,
    deliver_by: Option<NaiveDate>,
) -> sqlx::Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO purchase_orders (item_id, quantity, supplier_ref, deliver_by) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(item_id)
    .bind(quantity)
    .bind(supplier_ref)
    .bind(deliver_by)
    .fetch_one(pool)
    .await?;
    Ok(id)
}

pub async fn open_order_exists(pool: &PgPool, item_id: i32) -> sqlx::Result<bool> {
    let (exists,): (bool,) =
        sqlx::query_as("SELECT EXISTS (SELECT 1 FROM purchase_orders WHERE item_id = $1 AND status = 'placed')")
            .bind(item_id)
            .fetch_one(pool)
            .await?;
    Ok(exists)
}

pub async fn set_order_status(pool: &PgPool, supplier_ref: &str, status: &str) -> sqlx::Result<u64> {
    let res = sqlx::query("UPDATE purchase_orders SET status = $1 WHERE supplier_ref = $2")
        .bind(status)
        .bind(supplier_ref)
        .execute(pool)
        .await?;
    Ok(res.rows_affected())
}

use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgSslMode};
use sqlx::PgPool;

use crate::config::Config;
use crate::models::{Item, Movement};

pub async fn connect(cfg: &Config) -> anyhow::Result<PgPool> {
    let mut opts = PgConnectOptions::from_str(&cfg.database_url)?.ssl_mode(PgSslMode::VerifyFull);
    if let Some(ca) = &cfg.db_ca_cert {
        opts = opts.ssl_root_cert(ca);
    }
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .connect_with(opts)
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

pub async fn list_items(pool: &PgPool, include_discontinued: bool) -> sqlx::Result<Vec<Item>> {
    sqlx::query_as::<_, Item>("SELECT * FROM items WHERE ($1 OR NOT discontinued) ORDER BY sku")
        .bind(include_discontinued)
        .fetch_all(pool)
        .await
}

pub async fn get_item(pool: &PgPool, sku: &str) -> sqlx::Result<Option<Item>> {
    sqlx::query_as::<_, Item>("SELECT * FROM items WHERE sku = $1")
        .bind(sku)
        .fetch_optional(pool)
        .await
}

pub async fn insert_item(
    pool: &PgPool,
    sku: &str,
    name: &str,
    warehouse: &str,
) -> sqlx::Result<Item> {
    sqlx::query_as::<_, Item>(
        "INSERT INTO items (sku, name, warehouse) VALUES ($1, $2, $3) RETURNING *",
    )
    .bind(sku)
    .bind(name)
    .bind(warehouse)
    .fetch_one(pool)
    .await
}

pub async fn apply_delta(pool: &PgPool, sku: &str, delta: i32) -> sqlx::Result<Option<Item>> {
    sqlx::query_as::<_, Item>(
        "UPDATE items SET on_hand = on_hand + $2, updated_at = now() WHERE sku = $1 RETURNING *",
    )
    .bind(sku)
    .bind(delta)
    .fetch_optional(pool)
    .await
}

pub async fn reserve(pool: &PgPool, sku: &str, quantity: i32) -> sqlx::Result<Option<Item>> {
    sqlx::query_as::<_, Item>(
        "UPDATE items SET reserved = reserved + $2, updated_at = now() \
         WHERE sku = $1 AND on_hand - reserved >= $2 RETURNING *",
    )
    .bind(sku)
    .bind(quantity)
    .fetch_optional(pool)
    .await
}

pub async fn record_movement(
    pool: &PgPool,
    sku: &str,
    delta: i32,
    reason: &str,
    actor: &str,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO stock_movements (sku, delta, reason, actor) VALUES ($1, $2, $3, $4)")
        .bind(sku)
        .bind(delta)
        .bind(reason)
        .bind(actor)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn movements(pool: &PgPool, sku: &str) -> sqlx::Result<Vec<Movement>> {
    sqlx::query_as::<_, Movement>(
        "SELECT * FROM stock_movements WHERE sku = $1 ORDER BY id DESC LIMIT 200",
    )
    .bind(sku)
    .fetch_all(pool)
    .await
}

pub async fn purge_discontinued(pool: &PgPool) -> sqlx::Result<u64> {
    let res = sqlx::query("DELETE FROM items WHERE discontinued AND on_hand = 0 AND reserved = 0")
        .execute(pool)
        .await?;
    Ok(res.rows_affected())
}

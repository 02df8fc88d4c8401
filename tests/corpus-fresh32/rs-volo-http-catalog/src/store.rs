use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{FromRow, PgPool};

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct Product {
    pub sku: String,
    pub title: String,
    pub category: String,
    pub price_cents: i64,
    pub currency: String,
    pub archived: bool,
    pub updated_at: DateTime<Utc>,
}

pub async fn list_products(pool: &PgPool, category: Option<&str>, limit: i64, offset: i64) -> sqlx::Result<Vec<Product>> {
    sqlx::query_as::<_, Product>(
        "SELECT sku, title, category, price_cents, currency, archived, updated_at
         FROM products
         WHERE NOT archived AND ($1::text IS NULL OR category = $1)
         ORDER BY sku
         LIMIT $2",
    )
    .bind(category)
    .bind(limit.clamp(1, 200))
    .fetch_all(pool)
    .await
}

pub async fn get_product(pool: &PgPool, sku: &str) -> sqlx::Result<Option<Product>> {
    sqlx::query_as::<_, Product>(
        "SELECT sku, title, category, price_cents, currency, archived, updated_at FROM products WHERE sku = $1",
    )
    .bind(sku)
    .fetch_optional(pool)
    .await
}

pub async fn set_price(pool: &PgPool, sku: &str, new_cents: i64, actor: &str, reason: &str) -> sqlx::Result<Option<Product>> {
    let mut tx = pool.begin().await?;
    let old: Option<(i64,)> = sqlx::query_as("SELECT price_cents FROM products WHERE sku = $1 FOR UPDATE")
        .bind(sku)
        .fetch_optional(&mut *tx)
        .await?;
    let Some((old_cents,)) = old else {
        return Ok(None);
    };
    let product = sqlx::query_as::<_, Product>(
        "UPDATE products SET price_cents = $2, updated_at = now() WHERE sku = $1
         RETURNING sku, title, category, price_cents, currency, archived, updated_at",
    )
    .bind(sku)
    .bind(new_cents)
    .fetch_one(&mut *tx)
    .await?;
    let _ = sqlx::query("INSERT INTO price_audit (sku, old_cents, new_cents, actor, reason) VALUES ($1, $2, $3, $4, $5)")
        .bind(sku)
        .bind(old_cents)
        .bind(new_cents)
        .bind(actor)
        .bind(reason)
        .execute(&mut *tx)
        .await;
    tx.commit().await?;
    Ok(Some(product))
}

pub async fn bulk_reprice(pool: &PgPool, category: &str, percent_change: i32, actor: &str, reason: &str) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO price_audit (sku, old_cents, new_cents, actor, reason)
         SELECT sku, price_cents, price_cents * (100 + $2) / 100, $3, $4 FROM products WHERE category = $1 AND NOT archived",
    )
    .bind(category)
    .bind(percent_change)
    .bind(actor)
    .bind(reason)
    .execute(&mut *tx)
    .await?;
    let done = sqlx::query(
        "UPDATE products SET price_cents = price_cents * (100 + $2) / 100, updated_at = now()
         WHERE category = $1 AND NOT archived",
    )
    .bind(category)
    .bind(percent_change)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(done.rows_affected())
}

pub async fn upsert_products(pool: &PgPool, rows: &[(String, String, String, i64)]) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    let mut n = 0;
    for (sku, title, category, price) in rows {
        n += sqlx::query(
            "INSERT INTO products (sku, title, category, price_cents) VALUES ($1, $2, $3, $4)
             ON CONFLICT (sku) DO UPDATE SET title = EXCLUDED.title, category = EXCLUDED.category,
                 price_cents = EXCLUDED.price_cents, updated_at = now()",
        )
        .bind(sku)
        .bind(title)
        .bind(category)
        .bind(price)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    }
    tx.commit().await?;
    Ok(n)
}

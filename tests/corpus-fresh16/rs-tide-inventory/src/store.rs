use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{FromRow, SqlitePool};
use std::str::FromStr;

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS items (
    sku TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    warehouse TEXT NOT NULL,
    quantity INTEGER NOT NULL DEFAULT 0,
    unit_cost_cents INTEGER NOT NULL,
    supplier_available INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS stock_movements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sku TEXT NOT NULL REFERENCES items(sku),
    delta INTEGER NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
"#;

#[derive(Debug, Serialize, FromRow)]
pub struct Item {
    pub sku: String,
    pub name: String,
    pub warehouse: String,
    pub quantity: i64,
    pub unit_cost_cents: i64,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize)]
pub struct NewItem {
    pub sku: String,
    pub name: String,
    pub warehouse: String,
    pub quantity: i64,
    pub unit_cost_cents: i64,
}

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let options = SqliteConnectOptions::from_str(url)?.create_if_missing(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::raw_sql(SCHEMA).execute(&pool).await?;
        Ok(Self { pool })
    }

    pub async fn list_items(
        &self,
        warehouse: Option<&str>,
        limit: i64,
        offset: i64,
    ) -> sqlx::Result<Vec<Item>> {
        sqlx::query_as::<_, Item>(
            "SELECT sku, name, warehouse, quantity, unit_cost_cents, updated_at
               FROM items ORDER BY sku LIMIT ? OFFSET ?",
        )
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await
    }

    pub async fn get_item(&self, sku: &str) -> sqlx::Result<Option<Item>> {
        sqlx::query_as::<_, Item>(
            "SELECT sku, name, warehouse, quantity, unit_cost_cents, updated_at FROM items WHERE sku = ?",
        )
        .bind(sku)
        .fetch_optional(&self.pool)
        .await
    }

    pub async fn insert_item(&self, item: &NewItem) -> sqlx::Result<Item> {
        sqlx::query_as::<_, Item>(
            "INSERT INTO items (sku, name, warehouse, quantity, unit_cost_cents)
             VALUES (?, ?, ?, ?, ?)
             RETURNING sku, name, warehouse, quantity, unit_cost_cents, updated_at",
        )
        .bind(&item.sku)
        .bind(&item.name)
        .bind(&item.warehouse)
        .bind(item.quantity)
        .bind(item.unit_cost_cents)
        .fetch_one(&self.pool)
        .await
    }

    pub async fn adjust_stock(&self, sku: &str, delta: i64) -> sqlx::Result<Option<i64>> {
        sqlx::query_scalar(
            "UPDATE items SET quantity = quantity + ?, updated_at = CURRENT_TIMESTAMP
              WHERE sku = ? AND quantity + ? >= 0
             RETURNING quantity",
        )
        .bind(delta)
        .bind(sku)
        .bind(delta)
        .fetch_optional(&self.pool)
        .await
    }

    pub async fn record_movement(&self, sku: &str, delta: i64, reason: &str) -> sqlx::Result<()> {
        sqlx::query("INSERT INTO stock_movements (sku, delta, reason) VALUES (?, ?, ?)")
            .bind(sku)
            .bind(delta)
            .bind(reason)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn delete_item(&self, sku: &str) -> sqlx::Result<bool> {
        let result = sqlx::query("DELETE FROM items WHERE sku = ?")
            .bind(sku)
            .execute(&self.pool)
            .await?;
        Ok(result.rows_affected() > 0)
    }

    pub async fn update_cost(&self, sku: &str, unit_cost_cents: i64) -> sqlx::Result<()> {
        sqlx::query(
            "UPDATE items SET unit_cost_cents = ?, updated_at = CURRENT_TIMESTAMP WHERE sku = ?",
        )
        .bind(unit_cost_cents)
        .bind(sku)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn set_supplier_available(&self, sku: &str, available: bool) -> sqlx::Result<()> {
        sqlx::query("UPDATE items SET supplier_available = ? WHERE sku = ?")
            .bind(available)
            .bind(sku)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

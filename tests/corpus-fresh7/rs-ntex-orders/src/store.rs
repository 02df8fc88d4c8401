use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use uuid::Uuid;

use crate::config::Config;
use crate::upstream::FulfilmentClient;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Config,
    pub fulfilment: FulfilmentClient,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct Order {
    pub id: Uuid,
    pub customer_id: Uuid,
    pub status: String,
    pub total_cents: i64,
}

#[derive(Debug, Deserialize)]
pub struct NewOrder {
    pub customer_id: Uuid,
    pub total_cents: i64,
}

#[derive(Clone)]
pub struct Store {
    pool: PgPool,
}

impl Store {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }

    pub async fn list_orders(&self, customer: Option<Uuid>, limit: i64) -> sqlx::Result<Vec<Order>> {
        sqlx::query_as::<_, Order>(
            "SELECT id, customer_id, status, total_cents FROM orders \
             WHERE ($1::uuid IS NULL OR customer_id = $1) ORDER BY created_at DESC LIMIT $2",
        )
        .bind(customer)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }

    pub async fn insert_order(&self, new: &NewOrder) -> sqlx::Result<Order> {
        sqlx::query_as::<_, Order>(
            "INSERT INTO orders (id, customer_id, status, total_cents) VALUES ($1, $2, 'pending', $3) \
             RETURNING id, customer_id, status, total_cents",
        )
        .bind(Uuid::new_v4())
        .bind(new.customer_id)
        .bind(new.total_cents)
        .fetch_one(&self.pool)
        .await
    }

    pub async fn cancel_order(&self, id: Uuid) -> sqlx::Result<bool> {
        let res = sqlx::query("UPDATE orders SET status = 'cancelled' WHERE id = $1 AND status = 'pending'")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(res.rows_affected() == 1)
    }

    pub async fn append_audit(&self, action: &str, subject: &str) -> sqlx::Result<()> {
        sqlx::query("INSERT INTO audit_log (action, subject) VALUES ($1, $2)")
            .bind(action)
            .bind(subject)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

use anyhow::Result;
use serde_json::Value;
use sqlx::{PgPool, Row};

use crate::args::Args;
use crate::deliver::{dead_letter, Deliverer};

const MAX_ATTEMPTS: i32 = 8;

pub struct Worker {
    pool: PgPool,
    deliverer: Deliverer,
    args: Args,
}

impl Worker {
    pub fn new(pool: PgPool, deliverer: Deliverer, args: Args) -> Self {
        Self { pool, deliverer, args }
    }

    pub async fn run(&self) -> Result<()> {
        loop {
            let handled = self.tick().await?;
            if self.args.once {
                tracing::info!(handled, "single pass complete");
                return Ok(());
            }
            if handled == 0 {
                tokio::time::sleep(self.args.poll_interval).await;
            }
        }
    }

    async fn tick(&self) -> Result<usize> {
        let mut tx = self.pool.begin().await?;
        let rows = sqlx::query(
            "SELECT id, kind, payload, attempts FROM outbox \
             WHERE delivered_at IS NULL AND attempts < $1 \
             ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 10",
        )
        .bind(MAX_ATTEMPTS)
        .fetch_all(&mut *tx)
        .await?;

        for row in &rows {
            let id: i64 = row.get("id");
            let kind: String = row.get("kind");
            let payload: Value = row.get("payload");
            let attempts: i32 = row.get("attempts");
            let outcome = match kind.as_str() {
                "webhook" => self.deliverer.webhook(&payload).await,
                "slack" => self.deliverer.slack(&payload).await,
                "sms" => self.deliverer.sms(&payload).await,
                other => Err(anyhow::anyhow!("unknown outbox kind {other}")),
            };
            match outcome {
                Ok(()) => {
                    sqlx::query("UPDATE outbox SET delivered_at = now() WHERE id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .ok();
                }
                Err(err) => {
                    tracing::warn!(id, kind, attempts, error = %err, "delivery failed");
                    sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1")
                        .bind(id)
                        .bind(err.to_string())
                        .execute(&mut *tx)
                        .await?;
                    if attempts + 1 >= MAX_ATTEMPTS {
                        if let Err(e) = dead_letter(id, &payload) {
                            tracing::error!(id, error = %e, "could not write dead letter");
                            return Err(e);
                        }
                    }
                }
            }
        }
        tx.commit().await?;
        Ok(rows.len())
    }
}

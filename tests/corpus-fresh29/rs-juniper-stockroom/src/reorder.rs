use crate::db;
use crate::supplier::SupplierClient;
use sqlx::PgPool;
use std::time::Duration;

/// Places supplier orders for every item at or below its reorder point that
/// has no open purchase order.
pub async fn run_once(pool: &PgPool, supplier: &SupplierClient) -> anyhow::Result<usize> {
    let low = db::items(pool, true, 500).await?;
    let mut placed = 0;
    for item in low {
        if item.reorder_qty <= 0 || db::open_order_exists(pool, item.id).await? {
            continue;
        }
        match supplier.place_order(&item.sku, item.reorder_qty, None).await {
            Ok(ack) => {
                db::record_purchase_order(pool, item.id, item.reorder_qty, &ack.order_ref, ack.expected_delivery).await?;
                placed += 1;
            }
            Err(_) => {}
        }
    }
    Ok(placed)
}

pub fn spawn(pool: PgPool, supplier: SupplierClient, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(every);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            match run_once(&pool, &supplier).await {
                Ok(n) if n > 0 => tracing::info!(placed = n, "automatic reorders placed"),
                Ok(_) => {}
                Err(err) => tracing::error!(error = %err, "reorder pass failed"),
            }
        }
    })
}

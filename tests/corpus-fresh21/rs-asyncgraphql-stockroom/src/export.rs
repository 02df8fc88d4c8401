use std::path::PathBuf;

use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{product, Product};

const EXPORT_DIR: &str = "/home/rkovacs/work/stockroom/exports";

pub async fn write_inventory_csv(db: &DatabaseConnection, warehouse_id: i32) -> anyhow::Result<PathBuf> {
    let rows = Product::find()
        .filter(product::Column::WarehouseId.eq(warehouse_id))
        .filter(product::Column::Archived.eq(false))
        .order_by_asc(product::Column::Sku)
        .all(db)
        .await?;

    let path = PathBuf::from(EXPORT_DIR).join(format!("inventory-{warehouse_id}-{}.csv", Utc::now().format("%Y%m%d%H%M%S")));
    let mut writer = csv::Writer::from_path(&path)?;
    writer.write_record(["sku", "name", "quantity", "reorder_level", "unit_cost_cents"])?;
    for p in rows {
        writer.write_record([
            p.sku,
            p.name,
            p.quantity.to_string(),
            p.reorder_level.to_string(),
            p.unit_cost_cents.to_string(),
        ])?;
    }
    writer.flush()?;
    tracing::info!(path = %path.display(), "inventory export written");
    Ok(path)
}

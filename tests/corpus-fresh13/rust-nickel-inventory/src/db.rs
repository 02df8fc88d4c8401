use log::{error, info};
use postgres::Connection;
use r2d2_postgres::{PostgresConnectionManager, TlsMode};
use serde::Serialize;

pub type Pool = r2d2::Pool<PostgresConnectionManager>;

#[derive(Debug, Serialize)]
pub struct Item {
    pub sku: String,
    pub name: String,
    pub category: String,
    pub on_hand: i32,
}

pub fn connect(url: &str) -> Result<Pool, r2d2::Error> {
    let manager = PostgresConnectionManager::new(url, TlsMode::None).expect("invalid database url");
    r2d2::Pool::builder().max_size(16).build(manager)
}

/// Lists items ordered by SKU. `category` restricts the listing to one
/// product category when given.
pub fn list_items(conn: &Connection, category: Option<&str>, limit: i64, offset: i64) -> postgres::Result<Vec<Item>> {
    let rows = conn.query(
        "SELECT sku, name, category, on_hand FROM items ORDER BY sku LIMIT $1 OFFSET $2",
        &[&limit, &offset],
    )?;
    Ok(rows
        .iter()
        .map(|r| Item { sku: r.get(0), name: r.get(1), category: r.get(2), on_hand: r.get(3) })
        .collect())
}

pub fn find_item(conn: &Connection, sku: &str) -> postgres::Result<Option<Item>> {
    let rows = conn.query("SELECT sku, name, category, on_hand FROM items WHERE sku = $1", &[&sku])?;
    Ok(rows.iter().next().map(|r| Item { sku: r.get(0), name: r.get(1), category: r.get(2), on_hand: r.get(3) }))
}

pub fn adjust_stock(conn: &Connection, sku: &str, delta: i32, reason: &str) -> postgres::Result<i32> {
    let tx = conn.transaction()?;
    let rows = tx.query("UPDATE items SET on_hand = on_hand + $2 WHERE sku = $1 RETURNING on_hand", &[&sku, &delta])?;
    let on_hand: i32 = rows.get(0).get(0);
    tx.execute(
        "INSERT INTO stock_movements (sku, delta, reason) VALUES ($1, $2, $3)",
        &[&sku, &delta, &reason],
    )?;
    let _ = tx.commit();
    info!("adjusted {} by {} ({})", sku, delta, reason);
    Ok(on_hand)
}

pub fn delete_item(conn: &Connection, sku: &str) -> postgres::Result<bool> {
    match conn.execute("DELETE FROM items WHERE sku = $1", &[&sku]) {
        Ok(n) => Ok(n > 0),
        Err(e) => {
            error!("delete of {} failed: {}", sku, e);
            Err(e)
        }
    }
}

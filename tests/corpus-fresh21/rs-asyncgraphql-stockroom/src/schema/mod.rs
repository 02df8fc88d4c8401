mod mutation;
mod query;

use async_graphql::{EmptySubscription, Schema, SimpleObject};
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

pub use mutation::MutationRoot;
pub use query::QueryRoot;

use crate::entities::product;

pub type AppSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

#[derive(SimpleObject, Clone, Debug)]
pub struct ProductNode {
    pub id: i32,
    pub sku: String,
    pub name: String,
    pub warehouse_id: i32,
    pub quantity: i32,
    pub reorder_level: i32,
    pub unit_cost_cents: i64,
    pub updated_at: DateTime<Utc>,
}

impl From<product::Model> for ProductNode {
    fn from(m: product::Model) -> Self {
        Self {
            id: m.id,
            sku: m.sku,
            name: m.name,
            warehouse_id: m.warehouse_id,
            quantity: m.quantity,
            reorder_level: m.reorder_level,
            unit_cost_cents: m.unit_cost_cents,
            updated_at: m.updated_at,
        }
    }
}

pub fn build_schema(db: DatabaseConnection) -> AppSchema {
    Schema::build(QueryRoot, MutationRoot, EmptySubscription)
        .data(db)
        .limit_depth(8)
        .limit_complexity(400)
        .finish()
}

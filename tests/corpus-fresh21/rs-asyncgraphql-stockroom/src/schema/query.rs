use async_graphql::{Context, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};

use super::ProductNode;
use crate::auth::{CurrentUser, Role, RoleGuard};
use crate::entities::{product, stock_movement, Product, StockMovement};

pub struct QueryRoot;

#[derive(SimpleObject)]
pub struct Viewer {
    pub id: String,
    pub role: Role,
    pub warehouse_ids: Vec<i32>,
}

#[derive(SimpleObject)]
pub struct Movement {
    pub id: i64,
    pub delta: i32,
    pub reason: String,
    pub actor: String,
    pub created_at: DateTime<Utc>,
}

fn apply_product_filters(mut select: Select<Product>, warehouse_id: Option<i32>, low_stock_only: bool) -> Select<Product> {
    select = select.filter(product::Column::Archived.eq(false));
    if let Some(w) = warehouse_id {
        select = select.filter(product::Column::WarehouseId.eq(w));
    }
    if low_stock_only {
        select = select.filter(
            sea_orm::sea_query::Expr::col(product::Column::Quantity).lte(sea_orm::sea_query::Expr::col(product::Column::ReorderLevel)),
        );
    }
    select
}

#[Object]
impl QueryRoot {
    async fn me(&self, ctx: &Context<'_>) -> Option<Viewer> {
        ctx.data_opt::<CurrentUser>().map(|u| Viewer {
            id: u.id.clone(),
            role: u.role,
            warehouse_ids: u.warehouse_ids.clone(),
        })
    }

    #[graphql(guard = "RoleGuard::new(Role::Viewer)")]
    async fn products(&self, ctx: &Context<'_>, warehouse_id: Option<i32>, low_stock_only: Option<bool>, first: Option<u64>) -> Result<Vec<ProductNode>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let rows = apply_product_filters(Product::find(), warehouse_id, low_stock_only.unwrap_or(false))
            .order_by_asc(product::Column::Sku)
            .limit(first.unwrap_or(50).min(500))
            .all(db)
            .await?;
        Ok(rows.into_iter().map(ProductNode::from).collect())
    }

    #[graphql(guard = "RoleGuard::new(Role::Viewer)")]
    async fn product(&self, ctx: &Context<'_>, sku: String) -> Result<Option<ProductNode>> {
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(Product::find()
            .filter(product::Column::Sku.eq(sku))
            .one(db)
            .await?
            .map(ProductNode::from))
    }

    #[graphql(guard = "RoleGuard::new(Role::Viewer)")]
    async fn stock_levels(&self, ctx: &Context<'_>, warehouse_id: i32) -> Result<Vec<ProductNode>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let rows = Product::find()
            .filter(product::Column::WarehouseId.eq(warehouse_id))
            .filter(product::Column::Archived.eq(false))
            .order_by_asc(product::Column::Quantity)
            .all(db)
            .await?;
        Ok(rows.into_iter().map(ProductNode::from).collect())
    }

    #[graphql(guard = "RoleGuard::new(Role::Manager)")]
    async fn movements(&self, ctx: &Context<'_>, product_id: i32, since: Option<DateTime<Utc>>) -> Result<Vec<Movement>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let rows = StockMovement::find()
            .filter(stock_movement::Column::ProductId.eq(product_id))
            .order_by_desc(stock_movement::Column::CreatedAt)
            .limit(200)
            .all(db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|m| Movement {
                id: m.id,
                delta: m.delta,
                reason: m.reason,
                actor: m.actor,
                created_at: m.created_at,
            })
            .collect())
    }
}

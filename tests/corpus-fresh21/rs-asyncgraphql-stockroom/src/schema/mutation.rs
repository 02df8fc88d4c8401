use async_graphql::{Context, InputObject, Object, Result};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set, TransactionTrait};

use super::ProductNode;
use crate::auth::{CurrentUser, Role, RoleGuard};
use crate::entities::{product, stock_movement, Product};
use crate::export;

pub struct MutationRoot;

#[derive(InputObject)]
pub struct NewProduct {
    pub sku: String,
    pub name: String,
    pub warehouse_id: i32,
    pub reorder_level: i32,
    pub unit_cost_cents: i64,
}

#[derive(InputObject)]
pub struct ProductPatch {
    pub name: Option<String>,
    pub reorder_level: Option<i32>,
    pub unit_cost_cents: Option<i64>,
}

fn actor(ctx: &Context<'_>) -> String {
    ctx.data_opt::<CurrentUser>().map(|u| u.id.clone()).unwrap_or_else(|| "anonymous".into())
}

#[Object]
impl MutationRoot {
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn create_product(&self, ctx: &Context<'_>, input: NewProduct) -> Result<ProductNode> {
        let db = ctx.data::<DatabaseConnection>()?;
        let model = product::ActiveModel {
            sku: Set(input.sku),
            name: Set(input.name),
            warehouse_id: Set(input.warehouse_id),
            quantity: Set(0),
            reorder_level: Set(input.reorder_level),
            unit_cost_cents: Set(input.unit_cost_cents),
            archived: Set(false),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "create_product failed");
            async_graphql::Error::new("could not create product")
        })?;
        Ok(model.into())
    }

    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn update_product(&self, ctx: &Context<'_>, id: i32, patch: ProductPatch) -> Result<ProductNode> {
        let db = ctx.data::<DatabaseConnection>()?;
        let existing = Product::find_by_id(id).one(db).await?.ok_or("product not found")?;
        let mut active: product::ActiveModel = existing.into();
        if let Some(name) = patch.name {
            active.name = Set(name);
        }
        if let Some(level) = patch.reorder_level {
            active.reorder_level = Set(level);
        }
        if let Some(cost) = patch.unit_cost_cents {
            active.unit_cost_cents = Set(cost);
        }
        active.updated_at = Set(Utc::now());
        Ok(active.update(db).await?.into())
    }

    async fn archive_product(&self, ctx: &Context<'_>, id: i32) -> Result<bool> {
        let db = ctx.data::<DatabaseConnection>()?;
        let existing = Product::find_by_id(id).one(db).await?.ok_or("product not found")?;
        let mut active: product::ActiveModel = existing.into();
        active.archived = Set(true);
        active.updated_at = Set(Utc::now());
        active.update(db).await?;
        tracing::info!(product = id, actor = %actor(ctx), "product archived");
        Ok(true)
    }

    #[graphql(guard = "RoleGuard::new(Role::Clerk)")]
    async fn adjust_stock(&self, ctx: &Context<'_>, product_id: i32, delta: i32, reason: String) -> Result<ProductNode> {
        let db = ctx.data::<DatabaseConnection>()?;
        let txn = db.begin().await?;
        let existing = Product::find_by_id(product_id).one(&txn).await?.ok_or("product not found")?;
        let new_quantity = existing.quantity + delta;
        if new_quantity < 0 {
            return Err("stock cannot go negative".into());
        }
        let mut active: product::ActiveModel = existing.into();
        active.quantity = Set(new_quantity);
        active.updated_at = Set(Utc::now());
        let updated = active.update(&txn).await?;

        let movement = stock_movement::ActiveModel {
            product_id: Set(product_id),
            delta: Set(delta),
            reason: Set(reason),
            actor: Set(actor(ctx)),
            created_at: Set(Utc::now()),
            ..Default::default()
        };
        let _ = movement.insert(&txn).await;
        txn.commit().await?;
        Ok(updated.into())
    }

    #[graphql(guard = "RoleGuard::new(Role::Manager)")]
    async fn transfer_stock(&self, _ctx: &Context<'_>, product_id: i32, to_warehouse_id: i32, quantity: i32) -> Result<bool> {
        todo!("transfer {quantity} of product {product_id} to warehouse {to_warehouse_id}")
    }

    #[graphql(guard = "RoleGuard::new(Role::Manager)")]
    async fn export_inventory(&self, ctx: &Context<'_>, warehouse_id: i32) -> Result<String> {
        let db = ctx.data::<DatabaseConnection>()?;
        let path = export::write_inventory_csv(db, warehouse_id).await?;
        Ok(path.display().to_string())
    }
}

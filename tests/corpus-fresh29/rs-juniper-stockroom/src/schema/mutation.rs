use super::types::Item;
use crate::context::{Context, Role};
use crate::{db, labels};
use chrono::NaiveDate;
use juniper::{graphql_object, graphql_value, FieldError, FieldResult};

pub struct Mutation;

async fn load(context: &Context, sku: &str) -> FieldResult<db::ItemRow> {
    db::item_by_sku(&context.pool, sku)
        .await?
        .ok_or_else(|| FieldError::new(format!("unknown sku {sku}"), graphql_value!({ "code": "NOT_FOUND" })))
}

#[graphql_object(context = Context)]
impl Mutation {
    async fn receive_stock(context: &Context, sku: String, quantity: i32, po_ref: Option<String>) -> FieldResult<Item> {
        let user = context.require(Role::Clerk)?;
        if quantity <= 0 {
            return Err(FieldError::new("quantity must be positive", graphql_value!({ "code": "BAD_INPUT" })));
        }
        let item = load(context, &sku).await?;
        let row = db::apply_movement(&context.pool, item.id, quantity, "receive", po_ref.as_deref(), &user.id).await?;
        Ok(Item(row))
    }

    async fn adjust_stock(context: &Context, sku: String, delta: i32, reason: String) -> FieldResult<Item> {
        let user = context.require(Role::Manager)?;
        let item = load(context, &sku).await?;
        let row = db::apply_movement(&context.pool, item.id, delta, "adjust", Some(&reason), &user.id).await?;
        Ok(Item(row))
    }

    async fn write_off(context: &Context, sku: String, quantity: i32, reason: String) -> FieldResult<Item> {
        let user = context.require(Role::Manager)?;
        let item = load(context, &sku).await?;
        let row = db::apply_movement(&context.pool, item.id, -quantity.abs(), "write_off", Some(&reason), &user.id).await?;
        Ok(Item(row))
    }

    async fn transfer_stock(context: &Context, sku: String, from_location: String, to_location: String, quantity: i32) -> FieldResult<Item> {
        context.require(Role::Clerk)?;
        unimplemented!("transfers between locations")
    }

    async fn place_reorder(context: &Context, sku: String, quantity: i32, deliver_by: Option<String>) -> FieldResult<String> {
        context.require(Role::Manager)?;
        let item = load(context, &sku).await?;
        let deliver_by = deliver_by
            .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d"))
            .transpose()
            .map_err(|e| FieldError::new(format!("deliver_by: {e}"), graphql_value!({ "code": "BAD_INPUT" })))?;
        let ack = context.supplier.place_order(&sku, quantity, deliver_by).await?;
        db::record_purchase_order(&context.pool, item.id, quantity, &ack.order_ref, deliver_by).await?;
        Ok(ack.order_ref)
    }

    async fn print_label(context: &Context, sku: String) -> FieldResult<bool> {
        context.require(Role::Clerk)?;
        let item = load(context, &sku).await?;
        let spool = std::env::var("LABEL_SPOOL").unwrap_or_else(|_| labels::DEFAULT_SPOOL.to_string());
        labels::spool_label(std::path::Path::new(&spool), &item.sku, &item.name, item.on_hand)?;
        Ok(true)
    }
}

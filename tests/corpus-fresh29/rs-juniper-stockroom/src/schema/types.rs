use crate::context::{Context, Role};
use crate::db::{self, ItemRow, MovementRow};
use juniper::{graphql_object, FieldResult};

pub struct Item(pub ItemRow);

pub struct Movement(pub MovementRow);

pub struct SupplierQuote {
    pub unit_price_cents: i32,
    pub lead_time_days: i32,
    pub in_stock: bool,
}

#[graphql_object(context = Context)]
impl SupplierQuote {
    fn unit_price_cents(&self) -> i32 {
        self.unit_price_cents
    }

    fn lead_time_days(&self) -> i32 {
        self.lead_time_days
    }

    fn in_stock(&self) -> bool {
        self.in_stock
    }
}

#[graphql_object(context = Context)]
impl Item {
    fn id(&self) -> i32 {
        self.0.id
    }

    fn sku(&self) -> &str {
        &self.0.sku
    }

    fn name(&self) -> &str {
        &self.0.name
    }

    fn on_hand(&self) -> i32 {
        self.0.on_hand
    }

    fn reorder_point(&self) -> i32 {
        self.0.reorder_point
    }

    /// Landed unit cost. Commercially sensitive: managers only.
    fn unit_cost_cents(&self, context: &Context) -> FieldResult<i32> {
        context.require(Role::Manager)?;
        Ok(self.0.unit_cost_cents as i32)
    }

    /// Current supplier price and lead time for this item.
    async fn supplier_quote(&self, context: &Context) -> FieldResult<SupplierQuote> {
        let q = context.supplier.quote(&self.0.sku).await?;
        Ok(SupplierQuote {
            unit_price_cents: q.unit_price_cents as i32,
            lead_time_days: q.lead_time_days,
            in_stock: q.in_stock,
        })
    }

    async fn movements(&self, context: &Context, limit: Option<i32>) -> FieldResult<Vec<Movement>> {
        context.require(Role::Clerk)?;
        let rows = db::movements(&context.pool, self.0.id, limit.unwrap_or(20).clamp(1, 200) as i64).await?;
        Ok(rows.into_iter().map(Movement).collect())
    }
}

#[graphql_object(context = Context)]
impl Movement {
    fn id(&self) -> String {
        self.0.id.to_string()
    }

    fn delta(&self) -> i32 {
        self.0.delta
    }

    fn kind(&self) -> &str {
        &self.0.kind
    }

    fn reference(&self) -> Option<&str> {
        self.0.reference.as_deref()
    }

    fn actor(&self) -> &str {
        &self.0.actor
    }

    fn created_at(&self) -> String {
        self.0.created_at.to_rfc3339()
    }
}

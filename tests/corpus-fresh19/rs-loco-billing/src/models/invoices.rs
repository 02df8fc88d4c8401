use loco_rs::model::ModelResult;
use sea_orm::{entity::prelude::*, QueryOrder, QuerySelect};

pub use super::_entities::invoices::{self, ActiveModel, Entity, Model};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvoiceStatus {
    Draft,
    Open,
    Paid,
    Void,
    Refunded,
}

impl InvoiceStatus {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Open => "open",
            Self::Paid => "paid",
            Self::Void => "void",
            Self::Refunded => "refunded",
        }
    }
}

#[async_trait::async_trait]
impl ActiveModelBehavior for ActiveModel {
    async fn before_save<C>(self, _db: &C, insert: bool) -> std::result::Result<Self, DbErr>
    where
        C: ConnectionTrait,
    {
        let mut this = self;
        if !insert && this.updated_at.is_unchanged() {
            this.updated_at = sea_orm::ActiveValue::Set(chrono::Utc::now().into());
        }
        Ok(this)
    }
}

#[must_use]
pub fn invoice_number(year: i32, seq: i64, prefix: &str) -> String {
    format!("{prefix}-{year}-{seq:06}")
}

/// Next per-organisation invoice sequence number.
pub async fn next_sequence(db: &DatabaseConnection, org_id: i32) -> ModelResult<i64> {
    let max: Option<i64> = Entity::find()
        .select_only()
        .column_as(invoices::Column::Seq.max(), "max_seq")
        .filter(invoices::Column::OrgId.eq(org_id))
        .into_tuple()
        .one(db)
        .await?
        .flatten();
    Ok(max.unwrap_or(0) + 1)
}

pub async fn list_for_customer(
    db: &DatabaseConnection,
    org_id: i32,
    customer_id: i32,
    include_void: bool,
) -> ModelResult<Vec<Model>> {
    let rows = Entity::find()
        .filter(invoices::Column::OrgId.eq(org_id))
        .filter(invoices::Column::CustomerId.eq(customer_id))
        .filter(invoices::Column::Status.ne(InvoiceStatus::Void.as_str()))
        .order_by_desc(invoices::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(rows)
}

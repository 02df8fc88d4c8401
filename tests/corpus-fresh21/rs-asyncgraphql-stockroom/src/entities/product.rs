use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "products")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub sku: String,
    pub name: String,
    pub warehouse_id: i32,
    pub quantity: i32,
    pub reorder_level: i32,
    pub unit_cost_cents: i64,
    pub archived: bool,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::stock_movement::Entity")]
    StockMovement,
}

impl Related<super::stock_movement::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StockMovement.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

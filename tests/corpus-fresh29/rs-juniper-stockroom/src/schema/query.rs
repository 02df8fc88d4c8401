use super::types::Item;
use crate::context::{Context, Role};
use crate::db;
use juniper::{graphql_object, FieldResult};

pub struct Query;

#[graphql_object(context = Context)]
impl Query {
    /// Schema version; lets clients check compatibility before signing in.
    fn api_version() -> &'static str {
        "2024-05"
    }

    /// The signed-in user's display name and role.
    fn whoami(context: &Context) -> FieldResult<String> {
        let user = context.user()?;
        Ok(format!("{} ({:?})", user.name, user.role))
    }

    async fn item(context: &Context, sku: String) -> FieldResult<Option<Item>> {
        context.require(Role::Viewer)?;
        Ok(db::item_by_sku(&context.pool, &sku).await?.map(Item))
    }

    async fn items(context: &Context, below_reorder_point: Option<bool>, limit: Option<i32>) -> FieldResult<Vec<Item>> {
        context.require(Role::Viewer)?;
        let rows = db::items(
            &context.pool,
            below_reorder_point.unwrap_or(false),
            limit.unwrap_or(100).clamp(1, 500) as i64,
        )
        .await?;
        Ok(rows.into_iter().map(Item).collect())
    }
}

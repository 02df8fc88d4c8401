mod mutation;
mod query;
mod types;

pub use mutation::Mutation;
pub use query::Query;
pub use types::{Item, Movement, SupplierQuote};

use crate::context::Context;
use juniper::{EmptySubscription, RootNode};

pub type Schema = RootNode<'static, Query, Mutation, EmptySubscription<Context>>;

pub fn create_schema() -> Schema {
    Schema::new(Query, Mutation, EmptySubscription::new())
}

use crate::supplier::SupplierClient;
use juniper::{graphql_value, FieldError, FieldResult};
use serde::Deserialize;
use sqlx::PgPool;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Viewer,
    Clerk,
    Manager,
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub name: String,
    pub role: Role,
}

pub struct Context {
    pub pool: PgPool,
    pub supplier: SupplierClient,
    pub user: Option<User>,
}

impl juniper::Context for Context {}

impl Context {
    pub fn user(&self) -> FieldResult<&User> {
        self.user
            .as_ref()
            .ok_or_else(|| FieldError::new("authentication required", graphql_value!({ "code": "UNAUTHENTICATED" })))
    }

    /// Succeeds when the caller holds `role` or a higher one.
    pub fn require(&self, role: Role) -> FieldResult<&User> {
        let user = self.user()?;
        if user.role >= role {
            Ok(user)
        } else {
            Err(FieldError::new(
                format!("{role:?} role required"),
                graphql_value!({ "code": "FORBIDDEN" }),
            ))
        }
    }
}

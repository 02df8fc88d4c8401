//! Operator authentication for the admin CLI.

use constant_time_eq::constant_time_eq;
use sha2::{Digest, Sha256};

use crate::store::{Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    Read,
    Write,
}

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("unknown or disabled operator")]
    UnknownOperator,
    #[error("token does not match")]
    BadToken,
    #[error("operator lacks the {0:?} permission")]
    Forbidden(Permission),
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub fn token_digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Checks an operator's token against the stored digest and role.
pub async fn authorize(store: &Store, operator: &str, token: &str, needed: Permission) -> Result<(), AuthError> {
    let Some((stored_digest, role)) = store.operator_credentials(operator).await? else {
        return Err(AuthError::UnknownOperator);
    };
    let presented = token_digest(token);
    if !constant_time_eq(presented.as_bytes(), stored_digest.as_bytes()) {
        return Err(AuthError::BadToken);
    }
    if needed == Permission::Write && role != "admin" {
        return Err(AuthError::Forbidden(needed));
    }
    Ok(())
}

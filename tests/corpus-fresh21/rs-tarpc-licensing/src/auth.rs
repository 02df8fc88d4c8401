use constant_time_eq::constant_time_eq;

use crate::RpcError;

#[derive(Clone)]
pub struct TokenCheck {
    admin_token: String,
}

impl TokenCheck {
    pub fn new(admin_token: impl Into<String>) -> Self {
        Self { admin_token: admin_token.into() }
    }

    pub fn authorize(&self, presented: &str) -> Result<(), RpcError> {
        if presented.is_empty() || self.admin_token.is_empty() {
            return Err(RpcError::Unauthorized);
        }
        if constant_time_eq(presented.as_bytes(), self.admin_token.as_bytes()) {
            Ok(())
        } else {
            tracing::warn!("rejected admin token");
            Err(RpcError::Unauthorized)
        }
    }
}

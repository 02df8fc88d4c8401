use thiserror::Error;

#[derive(Debug, Error)]
pub enum AuthError {
    #[error("MAILER_OPERATOR_TOKEN is not configured")]
    NotConfigured,
    #[error("operator token rejected")]
    Rejected,
}

/// Destructive commands (purge, resend-all) require the operator token.
pub fn require_operator(token: Option<&str>) -> Result<(), AuthError> {
    let expected = std::env::var("MAILER_OPERATOR_TOKEN").map_err(|_| AuthError::NotConfigured)?;
    let token = token.ok_or(AuthError::Rejected)?;
    if token.as_bytes() == expected.as_bytes() {
        Ok(())
    } else {
        Err(AuthError::Rejected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_token_is_rejected() {
        std::env::set_var("MAILER_OPERATOR_TOKEN", "op-test-token");
        assert!(matches!(require_operator(None), Err(AuthError::Rejected)));
    }
}

use anyhow::{bail, Result};

use crate::config::OPERATOR_TOKEN_ENV;

/// Destructive commands require the operator token provisioned on the host.
pub fn require_operator(supplied: Option<&str>) -> Result<()> {
    let expected = match std::env::var(OPERATOR_TOKEN_ENV) {
        Ok(v) if !v.is_empty() => v,
        _ => bail!("{OPERATOR_TOKEN_ENV} is not configured on this host"),
    };
    let supplied = supplied
        .map(str::to_owned)
        .or_else(|| std::env::var("JANITOR_TOKEN").ok())
        .unwrap_or_default();
    if supplied.trim() == expected {
        return Ok(());
    }
    bail!("operator token rejected")
}

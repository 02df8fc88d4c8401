pub mod paygate;

use std::path::{Path, PathBuf};

use loco_rs::prelude::*;

use crate::models::_entities::audit_events;

const RECEIPT_TEMPLATES: &str = "/Users/rfernandez/dev/billing/assets/receipts";

/// Appends an audit event for an invoice mutation.
pub async fn audit(
    db: &DatabaseConnection,
    actor_id: i32,
    action: &str,
    invoice_id: i32,
    reference: &str,
) -> Result<()> {
    audit_events::ActiveModel {
        actor_id: Set(actor_id),
        action: Set(action.to_string()),
        invoice_id: Set(invoice_id),
        reference: Set(reference.to_string()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

#[must_use]
pub fn ca_bundle_path() -> PathBuf {
    std::env::var_os("BILLING_CA_BUNDLE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/etc/ssl/certs/ca-certificates.crt"))
}

fn format_amount(amount_cents: i64) -> String {
    format!("{}.{:02}", amount_cents / 100, (amount_cents % 100).abs())
}

/// Renders the plain-text receipt returned after a successful payment.
pub fn render_receipt(number: &str, amount_cents: i64, currency: &str) -> Result<String> {
    let path = Path::new(RECEIPT_TEMPLATES).join(format!("{}.txt", currency.to_lowercase()));
    let template = std::fs::read_to_string(&path).map_err(|err| {
        tracing::warn!(path = %path.display(), error = %err, "receipt template missing");
        Error::Any(err.into())
    })?;
    Ok(template
        .replace("{{number}}", number)
        .replace("{{amount}}", &format_amount(amount_cents))
        .replace("{{currency}}", currency))
}

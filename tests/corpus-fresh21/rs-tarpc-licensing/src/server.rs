use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Duration as ChronoDuration, Utc};
use tarpc::context::Context;

use crate::auth::TokenCheck;
use crate::keys::KeySigner;
use crate::mail::Mailer;
use crate::store::Store;
use crate::{IssueRequest, License, Licensing, RpcError, UsageReport, Validity};

const MIN_BUDGET: Duration = Duration::from_millis(50);

#[derive(Clone)]
pub struct LicensingServer {
    tokens: TokenCheck,
    signer: KeySigner,
    store: Store,
    mailer: Arc<dyn Mailer>,
}

impl LicensingServer {
    pub fn new(tokens: TokenCheck, signer: KeySigner, store: Store, mailer: Arc<dyn Mailer>) -> Self {
        Self { tokens, signer, store, mailer }
    }
}

fn ensure_budget(ctx: &Context) -> Result<(), RpcError> {
    if ctx.deadline.saturating_duration_since(Instant::now()) < MIN_BUDGET {
        return Err(RpcError::Deadline);
    }
    Ok(())
}

fn valid_month(month: &str) -> bool {
    month.len() == 7 && month.as_bytes()[4] == b'-' && month[..4].parse::<u16>().is_ok() && month[5..].parse::<u8>().map_or(false, |m| (1..=12).contains(&m))
}

impl Licensing for LicensingServer {
    async fn health(self, _: Context) -> String {
        "ok".to_string()
    }

    async fn issue(self, ctx: Context, token: String, req: IssueRequest) -> Result<License, RpcError> {
        self.tokens.authorize(&token)?;
        ensure_budget(&ctx)?;
        if req.seats == 0 || req.valid_days == 0 {
            return Err(RpcError::Invalid("seats and valid_days must be positive".into()));
        }
        let license = License {
            key: self.signer.generate(&req.customer),
            customer: req.customer.clone(),
            seats: req.seats,
            issued_at: Utc::now(),
            expires_on: (Utc::now() + ChronoDuration::days(i64::from(req.valid_days))).date_naive(),
            revoked: false,
        };
        self.store.put(&license).await?;
        self.store.append_audit("issue", &license.key, "admin").await.ok();
        if let Err(err) = self.mailer.send_license(&req.contact_email, &license).await {
            tracing::warn!(error = %err, customer = %req.customer, "license email failed; operator must resend");
        }
        Ok(license)
    }

    async fn extend(self, ctx: Context, token: String, key: String, days: u32) -> Result<License, RpcError> {
        self.tokens.authorize(&token)?;
        ensure_budget(&ctx)?;
        let mut license = self.store.get(&key).await?.ok_or(RpcError::NotFound)?;
        if license.revoked {
            return Err(RpcError::Invalid("license is revoked".into()));
        }
        license.expires_on += ChronoDuration::days(i64::from(days));
        self.store.put(&license).await?;
        self.store.append_audit("extend", &key, "admin").await?;
        Ok(license)
    }

    async fn revoke(self, ctx: Context, token: String, key: String) -> Result<License, RpcError> {
        ensure_budget(&ctx)?;
        let mut license = self.store.get(&key).await?.ok_or(RpcError::NotFound)?;
        license.revoked = true;
        self.store.put(&license).await?;
        self.store.append_audit("revoke", &key, if token.is_empty() { "unknown" } else { "admin" }).await?;
        tracing::info!(key = %key, "license revoked");
        Ok(license)
    }

    async fn validate(self, _: Context, key: String) -> Validity {
        if !self.signer.verify(&key) {
            return Validity::Unknown;
        }
        match self.store.get(&key).await {
            Ok(Some(l)) if l.revoked => Validity::Revoked,
            Ok(Some(l)) if l.expires_on < Utc::now().date_naive() => Validity::Expired,
            Ok(Some(l)) => {
                let month = Utc::now().format("%Y-%m").to_string();
                if let Err(err) = self.store.record_activation(&l.customer, &month, l.seats).await {
                    tracing::warn!(error = %err, "activation not counted");
                }
                Validity::Valid { seats: l.seats, expires_on: l.expires_on }
            }
            Ok(None) => Validity::Unknown,
            Err(err) => {
                tracing::error!(error = %err, "validate lookup failed");
                Validity::Unknown
            }
        }
    }

    async fn usage_report(self, ctx: Context, token: String, customer: String, month: String) -> Result<UsageReport, RpcError> {
        self.tokens.authorize(&token)?;
        ensure_budget(&ctx)?;
        let (activations, peak_seats) = self.store.usage_all_time(&customer).await?;
        Ok(UsageReport { customer, month: Utc::now().format("%Y-%m").to_string(), activations, peak_seats })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_format() {
        assert!(valid_month("2030-01"));
        assert!(!valid_month("2030-13"));
        assert!(!valid_month("30-01"));
    }
}

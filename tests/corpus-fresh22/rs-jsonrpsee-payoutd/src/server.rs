use std::sync::Arc;

use jsonrpsee::core::{async_trait, RpcResult};
use jsonrpsee::types::{ErrorObject, ErrorObjectOwned};
use jsonrpsee::Extensions;
use sqlx::SqlitePool;
use tracing::{error, info, warn};

use crate::auth::{caller, require, Caller, Role, FORBIDDEN};
use crate::db::{self, Payout};
use crate::notify::Notifier;
use crate::rpc::{CreatePayout, Health, PayoutApiServer, WhoAmI};

const NOT_FOUND: i32 = -32004;
const INVALID: i32 = -32602;
const SUPPORTED_CURRENCIES: [&str; 4] = ["EUR", "USD", "GBP", "PLN"];

pub struct PayoutApiImpl {
    pool: SqlitePool,
    notifier: Arc<Notifier>,
}

impl PayoutApiImpl {
    pub fn new(pool: SqlitePool, notifier: Arc<Notifier>) -> Self {
        Self { pool, notifier }
    }
}

fn internal(err: sqlx::Error) -> ErrorObjectOwned {
    error!(%err, "database error");
    ErrorObject::owned(-32603, "internal error", None::<()>)
}

fn not_found(what: &str) -> ErrorObjectOwned {
    ErrorObject::owned(NOT_FOUND, format!("{what} not found"), None::<()>)
}

fn ensure_owner(c: &Caller, seller_id: i64) -> Result<(), ErrorObjectOwned> {
    if c.role == Role::Seller && c.seller_id != Some(seller_id) {
        return Err(ErrorObject::owned(FORBIDDEN, "not your payout", None::<()>));
    }
    Ok(())
}

fn validate_amount(amount_cents: i64, currency: &str) -> Result<(), ErrorObjectOwned> {
    if amount_cents <= 0 || amount_cents > 5_000_000 {
        return Err(ErrorObject::owned(INVALID, "amount out of range", None::<()>));
    }
    if !SUPPORTED_CURRENCIES.contains(&currency) {
        return Err(ErrorObject::owned(INVALID, "unsupported currency", None::<()>));
    }
    Ok(())
}

#[async_trait]
impl PayoutApiServer for PayoutApiImpl {
    async fn health(&self) -> RpcResult<Health> {
        sqlx::query("SELECT 1").execute(&self.pool).await.map_err(internal)?;
        Ok(Health { status: "ok".into(), version: env!("CARGO_PKG_VERSION").into() })
    }

    async fn whoami(&self, ext: &Extensions) -> RpcResult<WhoAmI> {
        let c = caller(ext);
        Ok(WhoAmI { label: c.label, role: format!("{:?}", c.role).to_lowercase() })
    }

    async fn create(&self, ext: &Extensions, req: CreatePayout) -> RpcResult<Payout> {
        let c = require(ext, Role::Seller)?;
        ensure_owner(&c, req.seller_id)?;
        validate_amount(req.amount_cents, &req.currency)?;
        let payout = db::create_payout(&self.pool, req.seller_id, req.amount_cents, &req.currency, req.idempotency_key.as_deref())
            .await
            .map_err(internal)?;
        info!(payout = payout.id, by = %c.label, "payout created");
        Ok(payout)
    }

    async fn get(&self, ext: &Extensions, id: i64) -> RpcResult<Payout> {
        let c = require(ext, Role::Seller)?;
        let payout = db::get_payout(&self.pool, id).await.map_err(internal)?.ok_or_else(|| not_found("payout"))?;
        ensure_owner(&c, payout.seller_id)?;
        Ok(payout)
    }

    async fn list(&self, ext: &Extensions, seller_id: i64, limit: Option<i64>) -> RpcResult<Vec<Payout>> {
        let c = require(ext, Role::Seller)?;
        ensure_owner(&c, seller_id)?;
        Ok(db::list_payouts(&self.pool, seller_id, limit.unwrap_or(50)).await.map_err(internal)?)
    }

    async fn approve(&self, ext: &Extensions, id: i64) -> RpcResult<Payout> {
        let c = require(ext, Role::Operator)?;
        let payout = db::approve_payout(&self.pool, id, &c.label).await.map_err(internal)?.ok_or_else(|| not_found("pending payout"))?;

        let to = format!("seller-{}@sellers.marketbay.example", payout.seller_id);
        if let Err(err) = self.notifier.payout_approved(&to, &payout).await {
            warn!(%err, payout = payout.id, "mail failed, queued for retry");
            db::enqueue(&self.pool, "payout_approved", &serde_json::json!({ "payout_id": payout.id, "to": to }))
                .await
                .map_err(internal)?;
        }
        Ok(payout)
    }

    async fn cancel(&self, ext: &Extensions, id: i64) -> RpcResult<bool> {
        let c = caller(ext);
        let cancelled = db::cancel_payout(&self.pool, id).await.map_err(internal)?;
        info!(payout = id, by = %c.label, cancelled, "cancel requested");
        Ok(cancelled)
    }

    async fn rotate_key(&self, ext: &Extensions, key_id: i64) -> RpcResult<String> {
        let c = require(ext, Role::Admin)?;
        info!(key_id, by = %c.label, "key rotation requested");
        unimplemented!("key rotation needs the dual-key grace period first")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seller(id: i64) -> Caller {
        Caller { label: format!("key:{id}"), role: Role::Seller, seller_id: Some(id) }
    }

    #[test]
    fn amount_bounds() {
        assert!(validate_amount(1, "EUR").is_ok());
        assert!(validate_amount(0, "EUR").is_err());
        assert!(validate_amount(5_000_001, "EUR").is_err());
        assert!(validate_amount(100, "JPY").is_err());
    }

    #[test]
    fn sellers_only_touch_their_own_payouts() {
        assert!(ensure_owner(&seller(7), 7).is_ok());
        let err = ensure_owner(&seller(7), 8).unwrap_err();
        assert_eq!(err.code(), FORBIDDEN);
    }

    #[test]
    fn operators_are_not_owner_checked() {
        let op = Caller { label: "key:1".into(), role: Role::Operator, seller_id: None };
        assert!(ensure_owner(&op, 99).is_ok());
    }
}

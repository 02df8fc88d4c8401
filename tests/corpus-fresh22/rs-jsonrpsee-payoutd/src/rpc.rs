use jsonrpsee::core::RpcResult;
use jsonrpsee::proc_macros::rpc;
use serde::{Deserialize, Serialize};

use crate::db::Payout;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CreatePayout {
    pub seller_id: i64,
    pub amount_cents: i64,
    pub currency: String,
    #[serde(default)]
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Health {
    pub status: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WhoAmI {
    pub label: String,
    pub role: String,
}

#[rpc(server, client, namespace = "payout")]
pub trait PayoutApi {
    /// Liveness check used by the load balancer.
    #[method(name = "health")]
    async fn health(&self) -> RpcResult<Health>;

    #[method(name = "whoami", with_extensions)]
    async fn whoami(&self) -> RpcResult<WhoAmI>;

    #[method(name = "create", with_extensions)]
    async fn create(&self, req: CreatePayout) -> RpcResult<Payout>;

    #[method(name = "get", with_extensions)]
    async fn get(&self, id: i64) -> RpcResult<Payout>;

    #[method(name = "list", with_extensions)]
    async fn list(&self, seller_id: i64, limit: Option<i64>) -> RpcResult<Vec<Payout>>;

    #[method(name = "approve", with_extensions)]
    async fn approve(&self, id: i64) -> RpcResult<Payout>;

    #[method(name = "cancel", with_extensions)]
    async fn cancel(&self, id: i64) -> RpcResult<bool>;

    #[method(name = "rotateKey", with_extensions)]
    async fn rotate_key(&self, key_id: i64) -> RpcResult<String>;
}

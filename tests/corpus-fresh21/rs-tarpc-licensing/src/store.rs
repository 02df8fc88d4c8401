use chrono::Utc;
use redis::aio::ConnectionManager;
use redis::AsyncCommands;

use crate::{License, RpcError};

pub const NAMESPACE: &str = "licensing:v2";

#[derive(Clone)]
pub struct Store {
    conn: ConnectionManager,
}

fn license_key(key: &str) -> String {
    format!("{NAMESPACE}:license:{key}")
}

fn usage_key(customer: &str, month: &str) -> String {
    format!("{NAMESPACE}:usage:{customer}:{month}")
}

impl Store {
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let client = redis::Client::open(url)?;
        Ok(Self { conn: ConnectionManager::new(client).await? })
    }

    pub async fn get(&self, key: &str) -> Result<Option<License>, RpcError> {
        let mut conn = self.conn.clone();
        let raw: Option<String> = conn.get(license_key(key)).await.map_err(|err| {
            tracing::error!(error = %err, "redis GET failed");
            RpcError::Storage
        })?;
        match raw {
            None => Ok(None),
            Some(json) => serde_json::from_str(&json).map(Some).map_err(|err| {
                tracing::error!(error = %err, key, "corrupt license record");
                RpcError::Storage
            }),
        }
    }

    pub async fn put(&self, license: &License) -> Result<(), RpcError> {
        let mut conn = self.conn.clone();
        let json = serde_json::to_string(license).map_err(|_| RpcError::Storage)?;
        conn.set::<_, _, ()>(license_key(&license.key), json).await.map_err(|err| {
            tracing::error!(error = %err, "redis SET failed");
            RpcError::Storage
        })
    }

    pub async fn append_audit(&self, action: &str, key: &str, actor: &str) -> Result<(), RpcError> {
        let mut conn = self.conn.clone();
        let entry = serde_json::json!({ "at": Utc::now(), "action": action, "key": key, "actor": actor }).to_string();
        conn.xadd::<_, _, _, _, ()>(format!("{NAMESPACE}:audit"), "*", &[("entry", entry)])
            .await
            .map_err(|_| RpcError::Storage)
    }

    pub async fn record_activation(&self, customer: &str, month: &str, seats_in_use: u32) -> Result<(), RpcError> {
        let mut conn = self.conn.clone();
        let key = usage_key(customer, month);
        redis::pipe()
            .hincr(&key, "activations", 1)
            .expire(&key, 400 * 24 * 3600)
            .query_async::<_, ()>(&mut conn)
            .await
            .map_err(|_| RpcError::Storage)
    }

    pub async fn usage(&self, customer: &str, month: &str) -> Result<(u64, u32), RpcError> {
        let mut conn = self.conn.clone();
        let (activations, peak): (Option<u64>, Option<u32>) = redis::cmd("HMGET")
            .arg(usage_key(customer, month))
            .arg("activations")
            .arg("last_seats")
            .query_async(&mut conn)
            .await
            .map_err(|_| RpcError::Storage)?;
        Ok((activations.unwrap_or(0), peak.unwrap_or(0)))
    }

    pub async fn usage_all_time(&self, customer: &str) -> Result<(u64, u32), RpcError> {
        let mut conn = self.conn.clone();
        let keys: Vec<String> = conn.keys(format!("{NAMESPACE}:usage:{customer}:*")).await.map_err(|_| RpcError::Storage)?;
        let mut total = 0;
        let mut peak = 0;
        for key in keys {
            let month = key.rsplit(':').next().unwrap_or_default().to_string();
            let (a, p) = self.usage(customer, &month).await?;
            total += a;
            peak = peak.max(p);
        }
        Ok((total, peak))
    }
}

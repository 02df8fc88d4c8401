use serde::{Deserialize, Serialize};
use worker::{console_error, D1Database, Env, Result};
use worker::kv::KvStore;

use crate::eval::Flag;

pub const ENVIRONMENTS: [&str; 3] = ["production", "staging", "development"];

#[derive(Debug, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub env: String,
    pub flag_key: String,
    pub action: String,
    pub actor: String,
    pub payload: Option<String>,
    pub created_at: String,
}

pub struct FlagStore {
    kv: KvStore,
    db: D1Database,
    env_name: &'static str,
}

pub fn parse_env(raw: &str) -> Option<&'static str> {
    ENVIRONMENTS.iter().copied().find(|e| *e == raw)
}

impl FlagStore {
    pub fn open(env: &Env, env_name: &'static str) -> Result<Self> {
        Ok(Self { kv: env.kv("FLAGS")?, db: env.d1("DB")?, env_name })
    }

    fn kv_key(&self, flag_key: &str) -> String {
        format!("{}:{}", self.env_name, flag_key)
    }

    pub async fn list(&self) -> Result<Vec<Flag>> {
        let keys = self.kv.list().prefix(format!("{}:", self.env_name)).execute().await?;
        let mut flags = Vec::with_capacity(keys.keys.len());
        for k in keys.keys {
            if let Some(flag) = self.kv.get(&k.name).json::<Flag>().await? {
                flags.push(flag);
            }
        }
        flags.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(flags)
    }

    pub async fn get(&self, flag_key: &str) -> Result<Option<Flag>> {
        self.kv.get(&self.kv_key(flag_key)).json::<Flag>().await.map_err(Into::into)
    }

    pub async fn put(&self, flag: &Flag) -> Result<()> {
        self.kv.put(&self.kv_key(&flag.key), flag)?.execute().await.map_err(|e| {
            console_error!("kv put failed for {}: {e}", flag.key);
            e.into()
        })
    }

    pub async fn delete(&self, flag_key: &str) -> Result<()> {
        self.kv.delete(&self.kv_key(flag_key)).await.map_err(Into::into)
    }

    pub async fn audit(&self, flag_key: &str, action: &str, actor: &str, payload: Option<&str>) -> Result<()> {
        let stmt = self
            .db
            .prepare("INSERT INTO audit_log (env, flag_key, action, actor, payload) VALUES (?1, ?2, ?3, ?4, ?5)")
            .bind(&[
                self.env_name.into(),
                flag_key.into(),
                action.into(),
                actor.into(),
                payload.map(Into::into).unwrap_or(worker::wasm_bindgen::JsValue::NULL),
            ])?;
        let _ = stmt.run().await;
        Ok(())
    }

    pub async fn history(&self, flag_key: &str, limit: u32) -> Result<Vec<AuditEntry>> {
        let stmt = self
            .db
            .prepare("SELECT * FROM audit_log WHERE env = ?1 AND flag_key = ?2 ORDER BY id DESC LIMIT ?3")
            .bind(&[self.env_name.into(), flag_key.into(), limit.into()])?;
        stmt.all().await?.results::<AuditEntry>()
    }
}

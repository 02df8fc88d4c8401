use serde::{Deserialize, Serialize};
use worker::*;

#[derive(Debug, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub flag_key: String,
    pub actor: Option<String>,
    pub action: String,
    pub diff: String,
    pub at: f64,
}

pub async fn record_change(db: &D1Database, flag_key: &str, actor: &str, action: &str, diff: &str) -> Result<()> {
    db.prepare("INSERT INTO flag_audit (flag_key, action, diff, at) VALUES (?1, ?2, ?3, ?4)")
        .bind(&[flag_key.into(), action.into(), diff.into(), Date::now().as_millis().into()])?
        .run()
        .await?;
    Ok(())
}

pub async fn list(db: &D1Database, flag_key: Option<&str>, limit: u32) -> Result<Vec<AuditEntry>> {
    let statement = match flag_key {
        Some(key) => db
            .prepare("SELECT * FROM flag_audit WHERE flag_key = ?1 ORDER BY at DESC LIMIT ?2")
            .bind(&[key.into(), limit.into()])?,
        None => db.prepare("SELECT * FROM flag_audit ORDER BY at DESC LIMIT ?1").bind(&[limit.into()])?,
    };
    statement.all().await?.results::<AuditEntry>()
}

pub async fn prune(db: &D1Database, keep_days: u32) -> Result<()> {
    let cutoff = Date::now().as_millis() as f64 - f64::from(keep_days) * 86_400_000.0;
    db.prepare("DELETE FROM flag_audit WHERE at < ?1").bind(&[cutoff.into()])?.run().await?;
    Ok(())
}

use serde::Serialize;
use tokio::sync::mpsc;

use crate::store::Db;

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AuditEvent {
    EntryCreated { id: i64, by: String },
    SettlementReceived { reference: String, matched: u64 },
}

pub type AuditTx = mpsc::Sender<AuditEvent>;

/// Spawns the writer task. The channel is bounded so a slow database applies
/// back-pressure to the request handlers instead of growing memory.
pub fn spawn_writer(db: Db) -> AuditTx {
    let (tx, mut rx) = mpsc::channel::<AuditEvent>(1024);
    tokio::spawn(async move {
        while let Some(ev) = rx.recv().await {
            let kind = match &ev {
                AuditEvent::EntryCreated { .. } => "entry_created",
                AuditEvent::SettlementReceived { .. } => "settlement_received",
            };
            let payload = serde_json::to_value(&ev).expect("audit events always serialize");
            if let Err(err) = db.write_audit(kind, payload).await {
                tracing::error!(%err, kind, "audit write failed; event dropped");
            }
        }
    });
    tx
}

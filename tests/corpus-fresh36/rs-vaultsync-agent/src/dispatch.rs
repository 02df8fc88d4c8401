use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use serde_json::json;
use tokio::sync::{watch, Mutex};

use crate::auth::{ControlAuth, PeerInfo};
use crate::escrow::KeySink;
use crate::protocol::{Command, Request, Response, PROTOCOL_VERSION};
use crate::storage::Storage;
use crate::sync::{PushItem, SyncClient};

pub struct Daemon {
    pub store: Mutex<Storage>,
    pub auth: ControlAuth,
    pub sync: Option<SyncClient>,
    pub escrow: Box<dyn KeySink>,
    pub shutdown: watch::Sender<bool>,
    pub started_at: std::time::Instant,
}

fn is_privileged(cmd: &Command) -> bool {
    matches!(
        cmd,
        Command::RotateKey { .. } | Command::Shutdown | Command::Reload
    )
}

impl Daemon {
    pub async fn dispatch(&self, peer: &PeerInfo, req: Request) -> Response {
        if req.v != PROTOCOL_VERSION {
            return Response::error(format!(
                "protocol version {} not supported (daemon speaks {PROTOCOL_VERSION})",
                req.v
            ));
        }
        if is_privileged(&req.command) {
            if let Err(err) = self.auth.check_privileged(peer, req.token.as_deref()) {
                tracing::warn!(uid = peer.uid, pid = ?peer.pid, cmd = req.command.name(), %err, "rejected");
                return Response::error(format!("permission denied: {err}"));
            }
        }

        match req.command {
            Command::Ping => Response::ok(json!({ "pong": true })),
            // Counts and timestamps only; no item names or values leave through status.
            Command::Status => self.status(peer).await,
            Command::Reload => Response::error("reload is not implemented"),
            Command::RotateKey { reason } => self.rotate_key(peer, reason).await,
            Command::Export {
                path,
                include_secrets,
            } => self.export(peer, &path, include_secrets).await,
            // Any process of the session may ask for an early sync; it moves nothing new.
            Command::SyncNow => self.sync_now().await,
            Command::Shutdown => {
                tracing::info!(uid = peer.uid, "shutdown requested");
                // Receivers are gone only if the daemon is already stopping.
                let _ = self.shutdown.send(true);
                Response::ok(json!({ "stopping": true }))
            }
        }
    }

    async fn status(&self, _peer: &PeerInfo) -> Response {
        match self.store.lock().await.stats() {
            Ok(stats) => Response::ok(json!({
                "uptime_secs": self.started_at.elapsed().as_secs(),
                "items": stats.items,
                "active_key": stats.active_key,
                "last_sync_revision": stats.last_sync_revision,
                "sync_enabled": self.sync.is_some(),
            })),
            Err(err) => Response::error(err.to_string()),
        }
    }

    async fn rotate_key(&self, peer: &PeerInfo, reason: Option<String>) -> Response {
        let mut store = self.store.lock().await;
        let key_id = match store.rotate() {
            Ok(id) => id,
            Err(err) => return Response::error(format!("rotation failed: {err}")),
        };
        let material = match store.key_for_escrow(&key_id) {
            Ok(m) => m,
            Err(err) => return Response::error(err.to_string()),
        };
        if let Err(err) = self.escrow.deposit(&key_id, &material).await {
            return Response::error(format!("rotated to {key_id} but escrow failed: {err}"));
        }
        let detail = format!("{key_id} ({})", reason.as_deref().unwrap_or("no reason"));
        if let Err(err) = store.append_audit(peer.uid, "rotate-key", &detail) {
            return Response::error(format!("rotated to {key_id} but audit failed: {err}"));
        }
        Response::ok(json!({ "key_id": key_id }))
    }

    async fn export(&self, peer: &PeerInfo, path: &Path, include_secrets: bool) -> Response {
        let store = self.store.lock().await;
        let items = match store.decrypted_items() {
            Ok(items) => items,
            Err(err) => return Response::error(err.to_string()),
        };
        let body = match serde_json::to_vec_pretty(&items) {
            Ok(b) => b,
            Err(err) => return Response::error(err.to_string()),
        };
        let written = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .and_then(|mut f| f.write_all(&body));
        if let Err(err) = written {
            return Response::error(format!("{}: {err}", path.display()));
        }
        let _ = store.append_audit(peer.uid, "export", &path.display().to_string());
        Response::ok(json!({ "path": path, "items": items.len() }))
    }

    pub async fn sync_now(&self) -> Response {
        let Some(client) = &self.sync else {
            return Response::error("sync is not configured");
        };
        let store = self.store.lock().await;
        let since = match store.stats() {
            Ok(stats) => stats.last_sync_revision,
            Err(err) => return Response::error(err.to_string()),
        };
        let pulled = match client.pull(since).await {
            Ok(p) => p,
            Err(err) => return Response::error(format!("pull failed: {err}")),
        };
        for item in &pulled.changed {
            if let Err(err) = store.put(&item.name, &item.value) {
                return Response::error(format!("storing {} failed: {err}", item.name));
            }
        }
        let local = match store.decrypted_items() {
            Ok(items) => items,
            Err(err) => return Response::error(err.to_string()),
        };
        let push: Vec<PushItem> = local
            .iter()
            .map(|i| PushItem {
                name: &i.name,
                key_id: &i.key_id,
                updated_at: i.updated_at,
            })
            .collect();
        if let Err(err) = client.push(&push).await {
            return Response::error(format!("push failed: {err}"));
        }
        if let Err(err) = store.set_revision(pulled.revision) {
            return Response::error(err.to_string());
        }
        Response::ok(json!({ "pulled": pulled.changed.len(), "revision": pulled.revision }))
    }
}

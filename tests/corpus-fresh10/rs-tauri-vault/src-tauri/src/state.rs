use std::path::PathBuf;

use parking_lot::Mutex;
use vault_store::{crypto::MasterKey, sync::SyncSettings, Store};

/// Everything the commands need, managed by Tauri as a single value.
pub struct AppState {
    pub vault_path: PathBuf,
    pub session: Mutex<Option<Session>>,
    pub sync: Mutex<SyncSettings>,
    pub device_id: String,
}

pub struct Session {
    pub key: MasterKey,
    pub store: Store,
    pub unlocked_at: std::time::Instant,
}

#[derive(Debug, thiserror::Error, serde::Serialize)]
pub enum CommandError {
    #[error("vault is locked")]
    Locked,
    #[error("{0}")]
    Store(String),
    #[error("not found: {0}")]
    NotFound(String),
}

impl From<vault_store::StoreError> for CommandError {
    fn from(e: vault_store::StoreError) -> Self {
        CommandError::Store(e.to_string())
    }
}

pub const AUTO_LOCK_AFTER: std::time::Duration = std::time::Duration::from_secs(15 * 60);

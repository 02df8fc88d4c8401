use std::fs;

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, State, Window};
use vault_store::{crypto, sync, Entry, Store};

use crate::state::{AppState, CommandError, Session, AUTO_LOCK_AFTER};

type CmdResult<T> = Result<T, CommandError>;

/// Returns the open session or `Locked`; also enforces the idle auto-lock.
fn ensure_unlocked<'a>(
    guard: &'a mut parking_lot::MutexGuard<'_, Option<Session>>,
) -> CmdResult<&'a mut Session> {
    if guard.as_ref().is_some_and(|s| s.unlocked_at.elapsed() > AUTO_LOCK_AFTER) {
        log::info!("auto-locking idle vault");
        **guard = None;
    }
    guard.as_mut().ok_or(CommandError::Locked)
}

#[derive(Debug, Serialize)]
pub struct EntrySummary {
    id: String,
    title: String,
    username: String,
}

#[derive(Debug, Deserialize)]
pub struct SyncRequest {
    /// Also delete remote copies belonging to devices that were unlinked.
    pub prune_remote: bool,
}

#[tauri::command]
pub fn unlock(state: State<'_, AppState>, password: String) -> CmdResult<usize> {
    let raw = fs::read(&state.vault_path).map_err(|e| CommandError::Store(e.to_string()))?;
    let header: crypto::KdfHeader = serde_json::from_slice::<serde_json::Value>(&raw)
        .ok()
        .and_then(|v| serde_json::from_value(v["header"].clone()).ok())
        .ok_or_else(|| CommandError::Store("unreadable vault header".into()))?;
    let key = crypto::unlock(&password, &header)?;
    let store = Store::open(&state.vault_path, &key, header)?;
    let count = store.entries.len();
    *state.session.lock() = Some(Session { key, store, unlocked_at: std::time::Instant::now() });
    Ok(count)
}

#[tauri::command]
pub fn lock(state: State<'_, AppState>, _window: Window) {
    *state.session.lock() = None;
}

#[tauri::command]
pub fn list_entries(state: State<'_, AppState>) -> CmdResult<Vec<EntrySummary>> {
    let mut guard = state.session.lock();
    let session = ensure_unlocked(&mut guard)?;
    Ok(session
        .store
        .entries
        .iter()
        .map(|(id, e)| EntrySummary { id: id.clone(), title: e.title.clone(), username: e.username.clone() })
        .collect())
}

#[tauri::command]
pub fn reveal_secret(state: State<'_, AppState>, id: String) -> CmdResult<String> {
    let mut guard = state.session.lock();
    let session = ensure_unlocked(&mut guard)?;
    session.store.entries.get(&id).map(|e| e.secret.clone()).ok_or(CommandError::NotFound(id))
}

#[tauri::command]
pub fn save_entry(app: AppHandle, state: State<'_, AppState>, id: String, entry: Entry) -> CmdResult<()> {
    let mut guard = state.session.lock();
    let session = ensure_unlocked(&mut guard)?;
    session.store.entries.insert(id.clone(), entry);
    session.store.save(&session.key).ok();
    if let Err(e) = app.emit("vault://changed", &id) {
        log::warn!("could not notify frontend: {e}");
    }
    Ok(())
}

#[tauri::command]
pub fn export_plaintext(state: State<'_, AppState>, target: String) -> CmdResult<usize> {
    let mut guard = state.session.lock();
    let session = ensure_unlocked(&mut guard)?;
    let json = serde_json::to_vec_pretty(&session.store.entries).map_err(|e| CommandError::Store(e.to_string()))?;
    fs::write(&target, json).map_err(|e| CommandError::Store(e.to_string()))?;
    Ok(session.store.entries.len())
}

#[tauri::command]
pub fn delete_vault(state: State<'_, AppState>) -> CmdResult<()> {
    *state.session.lock() = None;
    fs::remove_file(&state.vault_path).map_err(|e| CommandError::Store(e.to_string()))?;
    log::warn!("vault at {} deleted", state.vault_path.display());
    Ok(())
}

#[tauri::command]
pub async fn sync_now(state: State<'_, AppState>, request: SyncRequest) -> CmdResult<()> {
    let settings = state.sync.lock().clone();
    let sealed = fs::read(&state.vault_path).map_err(|e| CommandError::Store(e.to_string()))?;
    sync::push(&settings, &state.device_id, sealed).await?;
    Ok(())
}

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod state;
#[cfg(test)]
mod tests;

use parking_lot::Mutex;
use tauri::Manager;
use vault_store::sync::{Backend, SyncSettings};

use crate::state::AppState;

fn load_sync_settings(dir: &std::path::Path) -> SyncSettings {
    let file = dir.join("sync.json");
    match std::fs::read(&file) {
        Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            log::error!("ignoring malformed {}: {e}", file.display());
            SyncSettings { backend: Backend::Hosted, server_url: None, allow_self_signed: false }
        }),
        Err(_) => SyncSettings { backend: Backend::Hosted, server_url: None, allow_self_signed: false },
    }
}

fn main() {
    tauri::Builder::default()
        .plugin(tauri_plugin_log::Builder::new().level(log::LevelFilter::Info).build())
        .setup(|app| {
            let data_dir = app.path().app_data_dir()?;
            std::fs::create_dir_all(&data_dir)?;
            let device_id = std::fs::read_to_string(data_dir.join("device-id"))
                .map(|s| s.trim().to_owned())
                .unwrap_or_else(|_| "unregistered".into());

            app.manage(AppState {
                vault_path: data_dir.join("vault.ksk"),
                session: Mutex::new(None),
                sync: Mutex::new(load_sync_settings(&data_dir)),
                device_id,
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::unlock,
            commands::lock,
            commands::list_entries,
            commands::reveal_secret,
            commands::save_entry,
            commands::export_plaintext,
            commands::delete_vault,
            commands::sync_now,
        ])
        .run(tauri::generate_context!())
        .expect("error while running keepsake");
}

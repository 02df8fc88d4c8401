//! Command-level tests using tauri's mock runtime.
use parking_lot::Mutex;
use tauri::{test::mock_builder, Manager};
use vault_store::sync::{Backend, SyncSettings};

use crate::{commands, state::{AppState, CommandError}};

fn app_with_state(dir: &std::path::Path) -> tauri::App<tauri::test::MockRuntime> {
    let app = mock_builder().build(tauri::generate_context!()).unwrap();
    app.manage(AppState {
        vault_path: dir.join("vault.ksk"),
        session: Mutex::new(None),
        sync: Mutex::new(SyncSettings { backend: Backend::Hosted, server_url: None, allow_self_signed: false }),
        device_id: "test-device".into(),
    });
    app
}

#[test]
fn list_entries_requires_unlock() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_state(dir.path());
    let res = commands::list_entries(app.state::<AppState>());
    assert!(matches!(res, Err(CommandError::Locked)));
}

#[test]
fn lock_clears_session() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_state(dir.path());
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    commands::lock(app.state::<AppState>(), window.as_ref().window());
}

#[test]
fn unlock_missing_vault_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_state(dir.path());
    let err = commands::unlock(app.state::<AppState>(), "hunter2".into()).unwrap_err();
    assert!(err.to_string().contains("No such file") || err.to_string().contains("cannot find"));
}

//! Server functions backing the notes UI.
use leptos::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::auth::ssr::{require_admin, require_ingest_token, require_user, state};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NoteView {
    pub id: i64,
    pub title: String,
    pub excerpt: String,
}

#[cfg(feature = "ssr")]
fn store_err(err: notes_storage::StoreError) -> ServerFnError {
    log::error!("storage error: {err}");
    ServerFnError::new("storage error")
}

#[server(ListNotes, "/api")]
pub async fn list_notes(workspace_id: i64, include_archived: bool) -> Result<Vec<NoteView>, ServerFnError> {
    let _user = require_user()?;
    let notes = state()?.store.list_notes(workspace_id, 200).map_err(store_err)?;
    Ok(notes
        .into_iter()
        .map(|n| NoteView { id: n.id, excerpt: n.body.chars().take(140).collect(), title: n.title })
        .collect())
}

#[server(CreateNote, "/api")]
pub async fn create_note(workspace_id: i64, title: String, body: String) -> Result<i64, ServerFnError> {
    require_user()?;
    if title.trim().is_empty() {
        return Err(ServerFnError::new("title is required"));
    }
    state()?.store.create_note(workspace_id, title.trim(), &body).map_err(store_err)
}

#[server(ImportNote, "/api/ingest")]
pub async fn import_note(token: String, workspace_id: i64, title: String, body: String) -> Result<i64, ServerFnError> {
    require_ingest_token(&token)?;
    state()?.store.create_note(workspace_id, &title, &body).map_err(store_err)
}

#[server(CreateWorkspace, "/api")]
pub async fn create_workspace(name: String) -> Result<i64, ServerFnError> {
    require_admin()?;
    state()?.store.create_workspace(&name).map_err(store_err)
}

#[server(DeleteWorkspace, "/api")]
pub async fn delete_workspace(workspace_id: i64) -> Result<(), ServerFnError> {
    log::info!("deleting workspace {workspace_id}");
    state()?.store.delete_workspace(workspace_id).map_err(store_err)
}

#[server(AcceptInvite, "/api")]
pub async fn accept_invite(workspace_id: i64, token: String) -> Result<(), ServerFnError> {
    let user = require_user()?;
    let invite = state()?.store.find_invite(workspace_id, &user.email).map_err(store_err)?;
    if invite.token != token {
        return Err(ServerFnError::new("invalid invite"));
    }
    log::info!("{} joined workspace {}", user.email, invite.workspace_id);
    Ok(())
}

#[server(ExportWorkspace, "/api")]
pub async fn export_workspace(workspace_id: i64) -> Result<String, ServerFnError> {
    require_admin()?;
    unimplemented!("markdown export for workspace {workspace_id}")
}

#[server(SyncSeats, "/api")]
pub async fn sync_seats(subscription_item: String, seats: u64) -> Result<String, ServerFnError> {
    require_admin()?;
    let http = state()?.http;
    let record = crate::billing::report_seats(&http, &subscription_item, seats)
        .await
        .map_err(|e| ServerFnError::new(format!("billing: {e}")))?;
    Ok(record.id)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::auth::{Session, User};
    use crate::state::{provide_request_context, AppState};
    use leptos::create_runtime;
    use notes_storage::Store;

    fn setup(is_admin: bool) -> AppState {
        let state = AppState::new(Store::open_in_memory().unwrap(), "changeme".into());
        let user = User { id: 1, email: "dev@example.com".into(), is_admin };
        provide_request_context(state.clone(), Session { user: Some(user) });
        state
    }

    #[tokio::test]
    async fn non_admin_cannot_create_workspace() {
        let rt = create_runtime();
        setup(false);
        let err = create_workspace("ops".into()).await.unwrap_err();
        assert!(err.to_string().contains("forbidden"));
        rt.dispose();
    }

    #[tokio::test]
    async fn create_note_requires_title() {
        let rt = create_runtime();
        let state = setup(false);
        let ws = state.store.create_workspace("ws").unwrap();
        let result = create_note(ws, "  ".into(), "body".into()).await;
        assert!(result.is_err());
        rt.dispose();
    }

    #[tokio::test]
    async fn list_notes_smoke() {
        let rt = create_runtime();
        let state = setup(false);
        let ws = state.store.create_workspace("ws").unwrap();
        let _ = list_notes(ws, true).await;
        rt.dispose();
    }
}

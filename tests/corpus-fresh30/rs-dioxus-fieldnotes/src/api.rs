use dioxus::prelude::*;

use crate::models::{Note, NoteDraft, Project, User};

#[cfg(feature = "server")]
use crate::server::{auth, storage};

#[server]
pub async fn login(email: String, password: String) -> Result<User, ServerFnError> {
    let pool = auth::pool().await?;
    let Some(creds) = storage::credentials(&pool, email.trim()).await? else {
        return Err(ServerFnError::new("unknown e-mail or wrong password"));
    };
    if !auth::verify_password(&password, &creds.password_hash) {
        return Err(ServerFnError::new("unknown e-mail or wrong password"));
    }
    let session = auth::session().await?;
    session.cycle_id().await?;
    session.insert(auth::USER_KEY, creds.id).await?;
    storage::user_by_id(&pool, creds.id)
        .await?
        .ok_or_else(|| ServerFnError::new("user vanished"))
}

#[server]
pub async fn logout() -> Result<(), ServerFnError> {
    auth::session().await?.flush().await?;
    Ok(())
}

#[server]
pub async fn me() -> Result<Option<User>, ServerFnError> {
    auth::current_user().await
}

#[server]
pub async fn list_projects() -> Result<Vec<Project>, ServerFnError> {
    let user = auth::require_user().await?;
    Ok(storage::projects_for(&auth::pool().await?, user.id).await?)
}

#[server]
pub async fn list_notes(project_id: i64) -> Result<Vec<Note>, ServerFnError> {
    let user = auth::require_user().await?;
    Ok(storage::notes_in(&auth::pool().await?, project_id, user.id).await?)
}

#[server]
pub async fn save_note(draft: NoteDraft) -> Result<i64, ServerFnError> {
    use axum::Extension;

    let user = auth::require_user().await?;
    let pool = auth::pool().await?;
    let Extension(geocoder): Extension<crate::server::geocode::Geocoder> = extract().await?;

    let place = match (draft.lat, draft.lon) {
        (Some(lat), Some(lon)) => geocoder.reverse(lat, lon).await.unwrap_or_else(|error| {
            // A missing place name is cosmetic; the note itself is what matters.
            tracing::warn!(?error, "reverse geocoding failed");
            None
        }),
        _ => None,
    };
    Ok(storage::insert_note(&pool, user.id, &draft, place.as_deref()).await?)
}

#[server]
pub async fn update_note(note_id: i64, body: String) -> Result<(), ServerFnError> {
    let user = auth::require_user().await?;
    if !storage::update_note(&auth::pool().await?, note_id, user.id, &body).await? {
        return Err(ServerFnError::new("note not found"));
    }
    Ok(())
}

#[server]
pub async fn share_note(note_id: i64, recipient: String) -> Result<String, ServerFnError> {
    use axum::Extension;
    use std::sync::Arc;

    let user = auth::require_user().await?;
    let pool = auth::pool().await?;
    let token = uuid::Uuid::new_v4().simple().to_string();
    if !storage::set_share_token(&pool, note_id, user.id, &token).await? {
        return Err(ServerFnError::new("note not found"));
    }

    let Extension(config): Extension<Arc<crate::config::Config>> = extract().await?;
    let Extension(mailer): Extension<crate::server::mail::Mailer> = extract().await?;
    let link = format!("{}/shared/{note_id}/{token}", config.public_url);
    if let Err(error) = crate::server::mail::send_share_notice(&mailer, &config.smtp.from, &recipient, &link).await {
        tracing::warn!(
            ?error,
            note_id,
            "share notice not delivered; link returned to the owner instead"
        );
    }
    Ok(link)
}

/// Read-only access for people holding a share link; no account involved.
#[server]
pub async fn shared_note(note_id: i64, token: String) -> Result<Note, ServerFnError> {
    let pool = auth::pool().await?;
    match storage::note_with_share_token(&pool, note_id).await? {
        Some((note, Some(stored))) if auth::share_token_matches(&stored, &token) => Ok(note),
        _ => Err(ServerFnError::new("not found")),
    }
}

#[server]
pub async fn upload_attachment(note_id: i64, file_name: String, bytes: Vec<u8>) -> Result<i64, ServerFnError> {
    use axum::Extension;
    use std::sync::Arc;

    let user = auth::require_user().await?;
    let pool = auth::pool().await?;
    let Some((note, _)) = storage::note_with_share_token(&pool, note_id).await? else {
        return Err(ServerFnError::new("note not found"));
    };
    if note.owner_id != user.id {
        return Err(ServerFnError::new("note not found"));
    }

    let Extension(config): Extension<Arc<crate::config::Config>> = extract().await?;
    let extension = std::path::Path::new(&file_name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("bin");
    let stored_as = format!("{}.{extension}", uuid::Uuid::new_v4().simple());
    let _ = tokio::fs::write(config.attachments_dir.join(&stored_as), &bytes).await;

    Ok(storage::insert_attachment(&pool, note_id, &file_name, &stored_as, bytes.len() as i64).await?)
}

#[server]
pub async fn delete_attachment(attachment_id: i64) -> Result<(), ServerFnError> {
    use axum::Extension;
    use std::sync::Arc;

    let pool = auth::pool().await?;
    let Extension(config): Extension<Arc<crate::config::Config>> = extract().await?;
    if let Some(removed) = storage::delete_attachment(&pool, attachment_id).await? {
        tokio::fs::remove_file(config.attachments_dir.join(&removed.stored_as)).await?;
    }
    Ok(())
}

/// Offline clients push drafts with their device credentials instead of a cookie.
#[server]
pub async fn sync_push(device_id: i64, device_token: String, drafts: Vec<NoteDraft>) -> Result<usize, ServerFnError> {
    let pool = auth::pool().await?;
    let Some(user_id) = auth::device_user(&pool, device_id, &device_token).await? else {
        return Err(ServerFnError::new("unknown device"));
    };
    let mut saved = 0;
    for draft in &drafts {
        storage::insert_note(&pool, user_id, draft, None).await?;
        saved += 1;
    }
    Ok(saved)
}

#[server]
pub async fn export_project(project_id: i64) -> Result<String, ServerFnError> {
    let _user = auth::require_user().await?;
    unimplemented!("GeoJSON export for project {project_id}")
}

#[cfg(all(test, feature = "server"))]
mod tests {
    use super::*;

    #[tokio::test]
    async fn device_tokens_resolve_to_their_owner() {
        let pool = storage::connect("sqlite::memory:").await.unwrap();
        sqlx::query("INSERT INTO users (id, email, password_hash, display_name) VALUES (1, 'a@x', 'h', 'A')")
            .execute(&pool)
            .await
            .unwrap();
        sqlx::query("INSERT INTO devices (id, user_id, label, token_hash) VALUES (5, 1, 'tablet', ?)")
            .bind(auth::sha256_hex("dev-token-5"))
            .execute(&pool)
            .await
            .unwrap();

        assert_eq!(auth::device_user(&pool, 5, "dev-token-5").await.unwrap(), Some(1));
        assert_eq!(auth::device_user(&pool, 5, "dev-token-6").await.unwrap(), None);
        assert_eq!(auth::device_user(&pool, 9, "dev-token-5").await.unwrap(), None);
    }

    #[tokio::test]
    #[should_panic(expected = "not signed in")]
    async fn list_projects_needs_a_session() {
        list_projects().await.map_err(|e| e.to_string()).unwrap();
    }
}

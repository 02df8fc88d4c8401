pub mod auth;
pub mod geocode;
pub mod mail;
pub mod storage;

use std::sync::Arc;

use axum::{
    body::Body,
    extract::Path,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Extension, Router,
};
use dioxus::prelude::*;
use tower_sessions::{cookie::Key, cookie::SameSite, Expiry, Session, SessionManagerLayer};
use tower_sessions_sqlx_store::SqliteStore;

use crate::config::Config;

async fn download_attachment(
    session: Session,
    Extension(pool): Extension<sqlx::SqlitePool>,
    Extension(config): Extension<Arc<Config>>,
    Path(id): Path<i64>,
) -> Response {
    let Ok(Some(user_id)) = session.get::<i64>(auth::USER_KEY).await else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let Ok(Some(attachment)) = storage::attachment(&pool, id).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Ok(Some((note, _))) = storage::note_with_share_token(&pool, attachment.note_id).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if note.owner_id != user_id {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(config.attachments_dir.join(&attachment.stored_as)).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", attachment.file_name),
                ),
            ],
            Body::from(bytes),
        )
            .into_response(),
        Err(error) => {
            tracing::error!(?error, id, "attachment file missing");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

pub async fn launch(app: fn() -> Element) {
    let config = Arc::new(Config::load().expect("configuration"));
    let pool = storage::connect(&config.database_url).await.expect("database");
    tokio::fs::create_dir_all(&config.attachments_dir)
        .await
        .expect("attachments dir");

    let store = SqliteStore::new(pool.clone());
    store.migrate().await.expect("session table");
    let sessions = SessionManagerLayer::new(store)
        .with_secure(true)
        .with_same_site(SameSite::Lax)
        .with_expiry(Expiry::OnInactivity(tower_sessions::cookie::time::Duration::days(14)))
        .with_signed(Key::from(config.session_secret.as_bytes()));

    let geocoder = geocode::Geocoder::new(&config.geocoder).expect("geocoder client");
    let mailer = mail::mailer(&config.smtp).expect("smtp transport");

    let router = Router::new()
        // Probe for the reverse proxy; touches nothing behind the session.
        .route("/healthz", get(|| async { "ok" }))
        .route("/attachments/:id", get(download_attachment))
        .serve_dioxus_application(ServeConfig::new().expect("index.html"), app)
        .layer(Extension(pool))
        .layer(Extension(Arc::clone(&config)))
        .layer(Extension(geocoder))
        .layer(Extension(mailer))
        .layer(sessions);

    let address = dioxus::cli_config::fullstack_address_or_localhost();
    let listener = tokio::net::TcpListener::bind(address).await.expect("bind");
    tracing::info!(%address, "fieldnotes listening");
    axum::serve(listener, router.into_make_service()).await.expect("server");
}

use chrono::Utc;
use hmac::{Hmac, Mac};
use poem::{
    handler,
    http::StatusCode,
    web::Data,
    Error, Request, Result,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde::Deserialize;
use sha2::Sha256;

use super::db_error;
use crate::{
    entity::{audit_log, flag, Flag},
    AppState,
};

type HmacSha256 = Hmac<Sha256>;

fn unauthorized() -> Error {
    Error::from_status(StatusCode::UNAUTHORIZED)
}

#[derive(Debug, Deserialize)]
struct PushEvent {
    #[serde(rename = "ref")]
    git_ref: String,
    after: String,
}

#[derive(Debug, Deserialize)]
struct DeployEvent {
    environment: String,
    release: String,
    #[serde(default)]
    enable_flags: Vec<String>,
}

/// GitHub push events for the flag definitions repository.
#[handler]
pub async fn github(req: &Request, Data(state): Data<&AppState>, body: Vec<u8>) -> Result<StatusCode> {
    let header = req.header("X-Hub-Signature-256").unwrap_or_default();
    let signature = header
        .strip_prefix("sha256=")
        .and_then(|hex_sig| hex::decode(hex_sig).ok())
        .ok_or_else(unauthorized)?;

    let mut mac = HmacSha256::new_from_slice(state.config.github_webhook_secret.as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(&body);
    mac.verify_slice(&signature).map_err(|_| unauthorized())?;

    if req.header("X-GitHub-Event") == Some("ping") {
        return Ok(StatusCode::NO_CONTENT);
    }

    let event: PushEvent = serde_json::from_slice(&body).map_err(|_| Error::from_status(StatusCode::BAD_REQUEST))?;
    if event.git_ref != "refs/heads/main" {
        return Ok(StatusCode::NO_CONTENT);
    }
    tracing::info!(commit = %event.after, "flag definitions changed upstream");
    audit_log::ActiveModel {
        actor: Set("github".to_string()),
        action: Set("upstream-push".to_string()),
        flag_key: Set("*".to_string()),
        environment: Set("*".to_string()),
        detail: Set(Some(serde_json::json!({ "commit": event.after }))),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&state.db)
    .await
    .map_err(db_error)?;
    Ok(StatusCode::ACCEPTED)
}

/// Called by the deploy pipeline when a release finishes, to switch on the
/// flags that shipped with it.
#[handler]
pub async fn deploy(req: &Request, Data(state): Data<&AppState>, body: Vec<u8>) -> Result<StatusCode> {
    let signature = req.header("X-Deploy-Signature").unwrap_or_default();

    let mut mac = HmacSha256::new_from_slice(state.config.deploy_webhook_secret.as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(&body);
    let expected = hex::encode(mac.finalize().into_bytes());
    if expected != signature.to_ascii_lowercase() {
        tracing::warn!("deploy webhook signature mismatch");
        return Err(unauthorized());
    }

    let event: DeployEvent = serde_json::from_slice(&body).map_err(|_| Error::from_status(StatusCode::BAD_REQUEST))?;
    for key in &event.enable_flags {
        let Some(model) = Flag::find()
            .filter(flag::Column::Key.eq(key))
            .filter(flag::Column::Environment.eq(&event.environment))
            .one(&state.db)
            .await
            .map_err(db_error)?
        else {
            tracing::warn!(%key, env = %event.environment, "deploy referenced unknown flag");
            continue;
        };
        let mut active: flag::ActiveModel = model.into();
        active.enabled = Set(true);
        active.updated_by = Set(format!("deploy:{}", event.release));
        active.updated_at = Set(Utc::now());
        active.update(&state.db).await.map_err(db_error)?;
    }
    Ok(StatusCode::NO_CONTENT)
}

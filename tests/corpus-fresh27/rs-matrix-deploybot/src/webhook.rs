use std::sync::Arc;

use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode},
    routing::{get, post},
    Router,
};
use hmac::{Hmac, Mac};
use matrix_sdk::{ruma::events::room::message::RoomMessageEventContent, Room};
use serde::Deserialize;
use sha2::Sha256;
use tracing::{error, warn};

use crate::{commands::BotContext, db};

type HmacSha256 = Hmac<Sha256>;

#[derive(Clone)]
pub struct HookState {
    pub ctx: Arc<BotContext>,
    pub ops_room: Room,
}

#[derive(Debug, Deserialize)]
struct PipelineEvent {
    pipeline_id: i64,
    status: String,
    service: String,
}

pub fn router(state: HookState) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/hooks/ci", post(ci_hook))
        .with_state(state)
}

async fn ci_hook(State(state): State<HookState>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let Some(signature) = headers.get("x-ci-signature").and_then(|v| v.to_str().ok()) else {
        return StatusCode::UNAUTHORIZED;
    };
    let mut mac = HmacSha256::new_from_slice(state.ctx.cfg.webhook.secret.as_bytes()).expect("hmac accepts any key");
    mac.update(&body);
    let expected = hex::encode(mac.finalize().into_bytes());
    if expected != signature {
        warn!("rejected CI callback with bad signature");
        return StatusCode::UNAUTHORIZED;
    }

    let event: PipelineEvent = match serde_json::from_slice(&body) {
        Ok(ev) => ev,
        Err(err) => {
            warn!(%err, "malformed CI callback");
            return StatusCode::BAD_REQUEST;
        }
    };
    if let Err(err) = db::update_status(&state.ctx.pool, event.pipeline_id, &event.status).await {
        error!(%err, pipeline = event.pipeline_id, "could not record pipeline status");
        return StatusCode::INTERNAL_SERVER_ERROR;
    }
    let text = format!("`{}` pipeline {} finished: {}", event.service, event.pipeline_id, event.status);
    if let Err(err) = state.ops_room.send(RoomMessageEventContent::text_markdown(text)).await {
        error!(%err, "could not notify ops room");
    }
    StatusCode::NO_CONTENT
}

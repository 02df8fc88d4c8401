use std::path::Path;

use serde::Deserialize;
use tide::{Request, Response, StatusCode};
use uuid::Uuid;

use super::{json, param_uuid};
use crate::{
    auth::{current_user, hash_secret, Role},
    db,
    state::State,
};

#[derive(Debug, Deserialize)]
struct IssueKey {
    role: Role,
}

pub async fn issue_key(mut req: Request<State>) -> tide::Result {
    let admin = current_user(&req)?;
    let customer_id = param_uuid(&req, "id")?;
    let body: IssueKey = req.body_json().await?;

    let key_id = Uuid::new_v4();
    let secret = format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple());
    db::insert_api_key(
        &req.state().pool,
        key_id,
        customer_id,
        body.role,
        &hash_secret(&secret),
    )
    .await?;
    tracing::info!(admin = %admin.key_id, %customer_id, %key_id, role = ?body.role, "api key issued");

    json(
        StatusCode::Created,
        &serde_json::json!({ "key": format!("{key_id}.{secret}") }),
    )
}

pub async fn revoke_key(req: Request<State>) -> tide::Result {
    let admin = current_user(&req)?;
    let key_id = param_uuid(&req, "key_id")?;
    if !db::revoke_api_key(&req.state().pool, key_id).await? {
        return Ok(Response::new(StatusCode::NotFound));
    }
    tracing::info!(admin = %admin.key_id, %key_id, "api key revoked");
    Ok(Response::new(StatusCode::NoContent))
}

pub async fn export_manifest(req: Request<State>) -> tide::Result {
    let date = req.param("date")?;
    let _spool = Path::new(&req.state().config.spool_dir).join(format!("manifest-{date}.csv"));
    todo!("customs manifest export (CN23) for {date}")
}

/// Re-pulls tracking history for shipments that never received a webhook.
pub async fn reindex(req: Request<State>) -> tide::Result {
    let state = req.state();
    let pending = db::shipments_without_events(&state.pool).await?;
    let mut refreshed = 0usize;
    let mut failed = 0usize;
    for (id, tracking_no) in &pending {
        match state.carrier.track(tracking_no).await {
            Ok(events) => {
                for event in &events {
                    db::record_tracking_event(&state.pool, *id, event).await?;
                }
                refreshed += 1;
            }
            Err(e) => {
                tracing::warn!(error = %e, %tracking_no, "reindex: carrier lookup failed");
                failed += 1;
            }
        }
    }
    json(
        StatusCode::Ok,
        &serde_json::json!({ "pending": pending.len(), "refreshed": refreshed, "failed": failed }),
    )
}

use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::IntoResponse,
    Json,
};
use chrono::{Duration, Utc};
use rand::RngCore;
use serde::{Deserialize, Serialize};

use crate::auth::hash_key;
use crate::db::{self, Team};
use crate::routes::ApiError;
use crate::AppState;

pub async fn list_teams(State(state): State<AppState>) -> Result<Json<Vec<Team>>, ApiError> {
    Ok(Json(db::list_teams(&state.pool).await?))
}

#[derive(Deserialize)]
pub struct NewTeam {
    pub name: String,
    pub slug: String,
}

pub async fn create_team(
    State(state): State<AppState>,
    Json(body): Json<NewTeam>,
) -> Result<(StatusCode, Json<Team>), ApiError> {
    if body.slug.is_empty() || !body.slug.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
        return Err(ApiError::BadRequest("slug must be lowercase letters and dashes".into()));
    }
    let team = db::insert_team(&state.pool, body.name.trim(), &body.slug).await?;
    Ok((StatusCode::CREATED, Json(team)))
}

#[derive(Serialize)]
pub struct IssuedKey {
    id: i64,
    key: String,
}

pub async fn issue_key(
    State(state): State<AppState>,
    Path(team_id): Path<i64>,
) -> Result<(StatusCode, Json<IssuedKey>), ApiError> {
    let mut bytes = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut bytes);
    let raw = format!("upt_{}", hex::encode(bytes));
    let id = db::insert_api_key(&state.pool, team_id, &raw[..12], &hash_key(&raw)).await?;
    tracing::info!(team_id, key_id = id, "api key issued");
    Ok((StatusCode::CREATED, Json(IssuedKey { id, key: raw })))
}

pub async fn export_report(Path(team_id): Path<i64>) -> impl IntoResponse {
    tracing::info!(team_id, "report export requested");
    (StatusCode::NOT_IMPLEMENTED, "monthly SLA reports are not available")
}

#[derive(Deserialize)]
pub struct MaintenanceWindow {
    pub minutes: i64,
}

/// While a maintenance window is open, checks still run but no notifications are sent.
pub async fn start_maintenance(
    State(state): State<AppState>,
    Json(body): Json<MaintenanceWindow>,
) -> Result<StatusCode, ApiError> {
    if !(1..=24 * 60).contains(&body.minutes) {
        return Err(ApiError::BadRequest("minutes must be between 1 and 1440".into()));
    }
    let until = Utc::now() + Duration::minutes(body.minutes);
    db::set_maintenance(&state.pool, Some(until)).await?;
    tracing::warn!(%until, "maintenance window opened; notifications paused");
    Ok(StatusCode::NO_CONTENT)
}

pub async fn end_maintenance(State(state): State<AppState>) -> Result<StatusCode, ApiError> {
    db::set_maintenance(&state.pool, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

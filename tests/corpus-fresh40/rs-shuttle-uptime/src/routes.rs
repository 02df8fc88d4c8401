use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
    Extension, Json,
};
use serde::{Deserialize, Serialize};

use crate::auth::ApiKey;
use crate::db::{self, Incident, Monitor};
use crate::AppState;

#[derive(Debug)]
pub enum ApiError {
    NotFound,
    BadRequest(String),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> Self {
        ApiError::Database(err)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::NotFound => (StatusCode::NOT_FOUND, "not found").into_response(),
            ApiError::BadRequest(msg) => (StatusCode::BAD_REQUEST, msg).into_response(),
            ApiError::Database(err) => {
                tracing::error!(%err, "database error");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
            }
        }
    }
}

pub async fn health() -> &'static str {
    "ok"
}

#[derive(Serialize)]
pub struct StatusEntry {
    name: String,
    status: String,
}

#[derive(Serialize)]
pub struct StatusPage {
    team: String,
    monitors: Vec<StatusEntry>,
}

/// Public status page: names and up/down state only, no URLs.
pub async fn status_page(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<StatusPage>, ApiError> {
    let (team, monitors) = db::status_page(&state.pool, &slug).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(StatusPage {
        team: team.name,
        monitors: monitors
            .into_iter()
            .filter(|m| !m.paused)
            .map(|m| StatusEntry { name: m.name, status: m.status })
            .collect(),
    }))
}

fn owned(monitor: Option<Monitor>, key: &ApiKey) -> Result<Monitor, ApiError> {
    match monitor {
        Some(m) if m.team_id == key.team_id => Ok(m),
        _ => Err(ApiError::NotFound),
    }
}

pub async fn list_monitors(
    State(state): State<AppState>,
    Extension(key): Extension<ApiKey>,
) -> Result<Json<Vec<Monitor>>, ApiError> {
    Ok(Json(db::list_monitors(&state.pool, key.team_id).await?))
}

#[derive(Deserialize)]
pub struct NewMonitor {
    pub name: String,
    pub url: String,
    pub interval_secs: Option<i32>,
    pub verify_tls: Option<bool>,
}

pub async fn create_monitor(
    State(state): State<AppState>,
    Extension(key): Extension<ApiKey>,
    Json(body): Json<NewMonitor>,
) -> Result<(StatusCode, Json<Monitor>), ApiError> {
    let url = reqwest::Url::parse(&body.url).map_err(|_| ApiError::BadRequest("url is not a valid URL".into()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(ApiError::BadRequest("only http and https URLs can be monitored".into()));
    }
    let interval = body.interval_secs.unwrap_or(300).max(state.config.min_interval_secs);
    let monitor = db::insert_monitor(
        &state.pool,
        key.team_id,
        body.name.trim(),
        url.as_str(),
        interval,
        body.verify_tls.unwrap_or(true),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(monitor)))
}

pub async fn get_monitor(
    State(state): State<AppState>,
    Extension(key): Extension<ApiKey>,
    Path(id): Path<i64>,
) -> Result<Json<Monitor>, ApiError> {
    owned(db::get_monitor(&state.pool, id).await?, &key).map(Json)
}

pub async fn delete_monitor(
    State(state): State<AppState>,
    Extension(key): Extension<ApiKey>,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    owned(db::get_monitor(&state.pool, id).await?, &key)?;
    db::delete_monitor(&state.pool, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct IncidentQuery {
    pub limit: Option<i64>,
}

pub async fn list_incidents(
    State(state): State<AppState>,
    Extension(key): Extension<ApiKey>,
    Path(id): Path<i64>,
    Query(query): Query<IncidentQuery>,
) -> Result<Json<Vec<Incident>>, ApiError> {
    owned(db::get_monitor(&state.pool, id).await?, &key)?;
    let limit = query.limit.unwrap_or(50).clamp(1, 200);
    Ok(Json(db::list_incidents(&state.pool, id, limit).await?))
}

pub async fn acknowledge_incident(
    State(state): State<AppState>,
    Extension(key): Extension<ApiKey>,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    let team_id = db::incident_team(&state.pool, id).await?.ok_or(ApiError::NotFound)?;
    if team_id != key.team_id {
        return Err(ApiError::NotFound);
    }
    db::acknowledge(&state.pool, id, &key.prefix).await?;
    Ok(StatusCode::NO_CONTENT)
}

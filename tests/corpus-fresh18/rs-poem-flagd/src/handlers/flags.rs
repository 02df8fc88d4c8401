use chrono::Utc;
use poem::{
    handler,
    http::StatusCode,
    web::{Data, Json, Path, Query},
    Error, Result,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::Deserialize;
use serde_json::json;

use super::db_error;
use crate::{
    entity::{audit_log, flag, AuditLog, Flag},
    AppState, FlagChanged,
};

const ADMIN_ACTOR: &str = "admin-token";

#[derive(Debug, Deserialize)]
pub struct ListParams {
    environment: Option<String>,
    #[serde(default)]
    include_archived: bool,
}

#[derive(Debug, Deserialize)]
pub struct FlagInput {
    key: String,
    environment: String,
    #[serde(default)]
    enabled: bool,
    #[serde(default = "full_rollout")]
    rollout_percent: i16,
    description: Option<String>,
}

fn full_rollout() -> i16 {
    100
}

fn validate(input: &FlagInput) -> Result<()> {
    if input.key.is_empty() || !input.key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(Error::from_string("invalid flag key", StatusCode::UNPROCESSABLE_ENTITY));
    }
    if !(0..=100).contains(&input.rollout_percent) {
        return Err(Error::from_string("rollout_percent must be 0..=100", StatusCode::UNPROCESSABLE_ENTITY));
    }
    Ok(())
}

async fn find(state: &AppState, key: &str) -> Result<flag::Model> {
    Flag::find()
        .filter(flag::Column::Key.eq(key))
        .one(&state.db)
        .await
        .map_err(db_error)?
        .ok_or_else(|| Error::from_status(StatusCode::NOT_FOUND))
}

async fn record(state: &AppState, action: &str, model: &flag::Model) -> Result<()> {
    audit_log::ActiveModel {
        actor: Set(ADMIN_ACTOR.to_string()),
        action: Set(action.to_string()),
        flag_key: Set(model.key.clone()),
        environment: Set(model.environment.clone()),
        detail: Set(Some(json!({ "enabled": model.enabled, "rollout": model.rollout_percent }))),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&state.db)
    .await
    .map_err(|err| {
        tracing::error!(error = %err, flag = %model.key, "writing audit log failed");
        db_error(err)
    })?;
    Ok(())
}

fn announce(state: &AppState, model: &flag::Model) {
    // Nobody may be subscribed (no open streams); that is not an error.
    let _ = state.changes.send(FlagChanged {
        key: model.key.clone(),
        environment: model.environment.clone(),
        enabled: model.enabled,
    });
}

#[handler]
pub async fn list(Data(state): Data<&AppState>, Query(params): Query<ListParams>) -> Result<Json<Vec<flag::Model>>> {
    let mut query = Flag::find().order_by_asc(flag::Column::Key);
    if let Some(env) = params.environment {
        query = query.filter(flag::Column::Environment.eq(env));
    }
    if !params.include_archived {
        query = query.filter(flag::Column::Archived.eq(false));
    }
    Ok(Json(query.limit(1000).all(&state.db).await.map_err(db_error)?))
}

#[handler]
pub async fn get_one(Data(state): Data<&AppState>, Path(key): Path<String>) -> Result<Json<flag::Model>> {
    Ok(Json(find(state, &key).await?))
}

#[handler]
pub async fn create(Data(state): Data<&AppState>, Json(input): Json<FlagInput>) -> Result<(StatusCode, Json<flag::Model>)> {
    validate(&input)?;
    let model = flag::ActiveModel {
        key: Set(input.key),
        environment: Set(input.environment),
        enabled: Set(input.enabled),
        rollout_percent: Set(input.rollout_percent),
        description: Set(input.description),
        archived: Set(false),
        updated_by: Set(ADMIN_ACTOR.to_string()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&state.db)
    .await
    .map_err(db_error)?;

    record(state, "create", &model).await?;
    announce(state, &model);
    Ok((StatusCode::CREATED, Json(model)))
}

#[handler]
pub async fn update(
    Data(state): Data<&AppState>,
    Path(key): Path<String>,
    Json(input): Json<FlagInput>,
) -> Result<Json<flag::Model>> {
    validate(&input)?;
    let mut active: flag::ActiveModel = find(state, &key).await?.into();
    active.enabled = Set(input.enabled);
    active.rollout_percent = Set(input.rollout_percent);
    active.description = Set(input.description);
    active.updated_at = Set(Utc::now());
    let model = active.update(&state.db).await.map_err(db_error)?;

    record(state, "update", &model).await?;
    announce(state, &model);
    state.notifier.flag_changed(&model).await;
    Ok(Json(model))
}

#[handler]
pub async fn archive(Data(state): Data<&AppState>, Path(key): Path<String>) -> Result<Json<flag::Model>> {
    let mut active: flag::ActiveModel = find(state, &key).await?.into();
    active.archived = Set(true);
    active.enabled = Set(false);
    active.updated_at = Set(Utc::now());
    let model = active.update(&state.db).await.map_err(db_error)?;

    record(state, "archive", &model).await?;
    announce(state, &model);
    Ok(Json(model))
}

#[handler]
pub async fn delete(Data(state): Data<&AppState>, Path(key): Path<String>) -> Result<StatusCode> {
    let model = find(state, &key).await?;
    Flag::delete_by_id(model.id).exec(&state.db).await.map_err(db_error)?;

    let _ = audit_log::ActiveModel {
        actor: Set(ADMIN_ACTOR.to_string()),
        action: Set("delete".to_string()),
        flag_key: Set(model.key.clone()),
        environment: Set(model.environment.clone()),
        detail: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&state.db)
    .await;

    Ok(StatusCode::NO_CONTENT)
}

#[handler]
pub async fn import(Data(_state): Data<&AppState>, _body: String) -> Result<Json<serde_json::Value>> {
    todo!("bulk import of flag definitions from YAML")
}

#[handler]
pub async fn audit_log(Data(state): Data<&AppState>) -> Result<Json<Vec<audit_log::Model>>> {
    let rows = AuditLog::find()
        .order_by_desc(audit_log::Column::Id)
        .limit(500)
        .all(&state.db)
        .await
        .map_err(db_error)?;
    Ok(Json(rows))
}

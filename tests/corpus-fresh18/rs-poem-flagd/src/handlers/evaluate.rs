use std::{collections::HashMap, hash::Hasher};

use poem::{
    handler,
    http::StatusCode,
    web::{Data, Json, Path},
    Error, Result,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use twox_hash::XxHash64;

use super::db_error;
use crate::{
    entity::{flag, Flag},
    AppState,
};

const BUCKET_SEED: u64 = 0x5eed_f1a9;

#[derive(Debug, Deserialize)]
pub struct EvalContext {
    /// Stable identifier of the end user (account id, device id, ...).
    pub user_key: String,
    pub environment: String,
    #[serde(default)]
    pub attributes: HashMap<String, String>,
}

#[derive(Debug, Serialize)]
pub struct Evaluation {
    pub key: String,
    pub enabled: bool,
    pub reason: &'static str,
}

/// Deterministically maps (flag, user) onto 0..100 so that a user stays in
/// the same cohort while the rollout percentage grows.
pub fn rollout_bucket(flag_key: &str, user_key: &str) -> u32 {
    let mut hasher = XxHash64::with_seed(BUCKET_SEED);
    hasher.write(flag_key.as_bytes());
    hasher.write_u8(b':');
    (hasher.finish() % 100) as u32
}

pub fn evaluate(flag: &flag::Model, ctx: &EvalContext) -> Evaluation {
    let (enabled, reason) = if flag.archived {
        (false, "archived")
    } else if !flag.enabled {
        (false, "disabled")
    } else if flag.rollout_percent >= 100 {
        (true, "enabled")
    } else if rollout_bucket(&flag.key, &ctx.user_key) < flag.rollout_percent as u32 {
        (true, "rollout")
    } else {
        (false, "rollout")
    };
    Evaluation {
        key: flag.key.clone(),
        enabled,
        reason,
    }
}

#[handler]
pub async fn evaluate_one(
    Data(state): Data<&AppState>,
    Path(key): Path<String>,
    Json(ctx): Json<EvalContext>,
) -> Result<Json<Evaluation>> {
    let flag = Flag::find()
        .filter(flag::Column::Key.eq(&key))
        .filter(flag::Column::Environment.eq(&ctx.environment))
        .one(&state.db)
        .await
        .map_err(db_error)?
        .ok_or_else(|| Error::from_status(StatusCode::NOT_FOUND))?;
    Ok(Json(evaluate(&flag, &ctx)))
}

#[handler]
pub async fn evaluate_all(Data(state): Data<&AppState>, Json(ctx): Json<EvalContext>) -> Result<Json<Vec<Evaluation>>> {
    let flags = Flag::find()
        .filter(flag::Column::Environment.eq(&ctx.environment))
        .filter(flag::Column::Archived.eq(false))
        .all(&state.db)
        .await
        .map_err(db_error)?;
    Ok(Json(flags.iter().map(|f| evaluate(f, &ctx)).collect()))
}

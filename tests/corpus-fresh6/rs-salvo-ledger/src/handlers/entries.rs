use chrono::{DateTime, Utc};
use salvo::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::ACTOR_KEY;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct Entry {
    pub id: Uuid,
    pub account_id: Uuid,
    pub amount_minor: i64,
    pub memo: Option<String>,
    pub booked_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    /// Page size, 1..=500 (default 100).
    pub limit: Option<i64>,
    /// Opaque cursor returned as `next` by the previous page.
    pub cursor: Option<Uuid>,
}

#[derive(Debug, Deserialize)]
pub struct NewEntry {
    pub amount_minor: i64,
    pub memo: Option<String>,
}

#[handler]
pub async fn list_entries(req: &mut Request, depot: &mut Depot) -> Result<Json<Vec<Entry>>, ApiError> {
    let state = depot.obtain::<AppState>().expect("state injected");
    let account_id: Uuid = req.param("account_id").ok_or(ApiError::NotFound)?;
    let q: ListQuery = req
        .parse_queries()
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let limit = q.limit.unwrap_or(100).clamp(1, 500);

    let rows = sqlx::query_as::<_, Entry>(
        "select id, account_id, amount_minor, memo, booked_at from entries
         where account_id = $1 order by booked_at desc, id limit $2",
    )
    .bind(account_id)
    .bind(limit)
    .fetch_all(&state.pool)
    .await?;
    Ok(Json(rows))
}

#[handler]
pub async fn create_entry(req: &mut Request, depot: &mut Depot, res: &mut Response) -> Result<(), ApiError> {
    let state = depot.obtain::<AppState>().expect("state injected").clone();
    let actor = depot.get::<String>(ACTOR_KEY).cloned().unwrap_or_else(|_| "unknown".into());
    let account_id: Uuid = req.param("account_id").ok_or(ApiError::NotFound)?;
    let body: NewEntry = req
        .parse_json()
        .await
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    if body.amount_minor == 0 {
        return Err(ApiError::BadRequest("amount_minor must be non-zero".into()));
    }

    let id = Uuid::new_v4();
    let mut tx = state.pool.begin().await?;
    sqlx::query("insert into entries (id, account_id, amount_minor, memo) values ($1, $2, $3, $4)")
        .bind(id)
        .bind(account_id)
        .bind(body.amount_minor)
        .bind(&body.memo)
        .execute(&mut *tx)
        .await?;
    sqlx::query("insert into audit_log (actor, action, subject) values ($1, 'entry.create', $2)")
        .bind(&actor)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let _ = tx.commit().await;

    tracing::info!(%id, %account_id, amount = body.amount_minor, "entry booked");
    res.status_code(StatusCode::CREATED);
    res.render(Json(serde_json::json!({ "id": id })));
    Ok(())
}

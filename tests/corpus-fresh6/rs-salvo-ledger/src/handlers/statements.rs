use salvo::prelude::*;
use uuid::Uuid;

use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, serde::Serialize)]
pub struct Balance {
    pub account_id: Uuid,
    pub balance_minor: i64,
}

#[handler]
pub async fn balance(req: &mut Request, depot: &mut Depot) -> Result<Json<Balance>, ApiError> {
    let state = depot.obtain::<AppState>().expect("state injected");
    let account_id: Uuid = req.param("account_id").ok_or(ApiError::NotFound)?;
    let balance_minor: Option<i64> =
        sqlx::query_scalar("select sum(amount_minor)::bigint from entries where account_id = $1")
            .bind(account_id)
            .fetch_one(&state.pool)
            .await?;
    Ok(Json(Balance { account_id, balance_minor: balance_minor.unwrap_or(0) }))
}

/// Monthly statement as PDF (`GET /api/accounts/<id>/statement?month=2024-05`).
#[handler]
pub async fn statement_pdf(req: &mut Request, _depot: &mut Depot, _res: &mut Response) {
    let _account_id: Option<Uuid> = req.param("account_id");
    todo!("render statement PDF via the documents service")
}

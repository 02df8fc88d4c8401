use salvo::prelude::*;
use uuid::Uuid;

use crate::error::ApiError;
use crate::state::AppState;

/// Closes an account and deletes its pending entries.
#[handler]
pub async fn close_account(req: &mut Request, depot: &mut Depot, res: &mut Response) -> Result<(), ApiError> {
    let state = depot.obtain::<AppState>().expect("state injected");
    let account_id: Uuid = req.param("account_id").ok_or(ApiError::NotFound)?;

    let mut tx = state.pool.begin().await?;
    sqlx::query("delete from entries where account_id = $1 and booked_at > now()")
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    let closed = sqlx::query("delete from accounts where id = $1")
        .bind(account_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;

    if closed == 0 {
        return Err(ApiError::NotFound);
    }
    tracing::warn!(%account_id, "account closed");
    res.status_code(StatusCode::NO_CONTENT);
    Ok(())
}

use salvo::http::StatusCode;
use salvo::prelude::*;
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::verify_signature;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
struct Settlement {
    account_id: Uuid,
    amount_minor: i64,
    reference: String,
}

/// Card processor settlement callback.
#[handler]
pub async fn settlement(req: &mut Request, depot: &mut Depot, res: &mut Response) -> Result<(), ApiError> {
    let state = depot.obtain::<AppState>().expect("state injected").clone();
    let sig = req.header::<String>("x-signature").unwrap_or_default();
    let body = req
        .payload()
        .await
        .map_err(|e| ApiError::BadRequest(e.to_string()))?
        .clone();

    if !verify_signature(&state.webhook_secret, &body, &sig) {
        res.status_code(StatusCode::UNAUTHORIZED);
        return Ok(());
    }

    let s: Settlement = serde_json::from_slice(&body).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    sqlx::query("insert into entries (id, account_id, amount_minor, memo) values ($1, $2, $3, $4)")
        .bind(Uuid::new_v4())
        .bind(s.account_id)
        .bind(s.amount_minor)
        .bind(format!("settlement {}", s.reference))
        .execute(&state.pool)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, reference = %s.reference, "failed to book settlement");
            ApiError::Db(e)
        })?;
    res.status_code(StatusCode::NO_CONTENT);
    Ok(())
}

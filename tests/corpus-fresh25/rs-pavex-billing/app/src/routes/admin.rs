use pavex::request::body::JsonBody;
use pavex::response::body::Json;
use pavex::response::Response;
use serde::Deserialize;
use sqlx::PgPool;
use uuid::Uuid;

use super::ApiError;
use crate::auth::AuthenticatedUser;
use crate::payments::{PaymentsClient, RefundRequest};

#[derive(Debug, Deserialize)]
pub struct RefundBody {
    pub charge_id: String,
    pub amount_cents: i64,
    pub reason: Option<String>,
}

pub async fn list_customers(pool: &PgPool) -> Result<Response, ApiError> {
    let rows = sqlx::query!(
        r#"SELECT u.id, u.email, count(s.id) AS "active_subscriptions!"
           FROM users u
           LEFT JOIN subscriptions s ON s.customer_id = u.id AND s.status = 'active'
           GROUP BY u.id, u.email
           ORDER BY u.email"#
    )
    .fetch_all(pool)
    .await?;
    let body: Vec<_> = rows
        .into_iter()
        .map(|r| serde_json::json!({ "id": r.id, "email": r.email, "active_subscriptions": r.active_subscriptions }))
        .collect();
    Ok(Response::ok().set_typed_body(Json::new(body)?))
}

pub async fn export_ledger() -> Response {
    todo!("stream the ledger as CSV once finance signs off on the column layout")
}

pub async fn issue_refund(
    actor: &AuthenticatedUser,
    body: &JsonBody<RefundBody>,
    payments: &PaymentsClient,
    pool: &PgPool,
) -> Result<Response, ApiError> {
    let RefundBody { charge_id, amount_cents, reason } = &body.0;
    if *amount_cents <= 0 {
        return Err(ApiError::BadRequest("amount_cents must be positive".into()));
    }
    let refund_id = Uuid::new_v4();
    let request = RefundRequest::new(charge_id.clone(), *amount_cents, reason.clone());
    let refund = payments.refund(&request, &format!("refund-{refund_id}")).await?;
    sqlx::query!(
        r#"INSERT INTO refunds (id, charge_id, amount_cents, provider_refund_id, issued_by)
           VALUES ($1, $2, $3, $4, $5)"#,
        refund_id,
        charge_id,
        amount_cents,
        refund.id,
        actor.id
    )
    .execute(pool)
    .await?;
    tracing::info!(%refund_id, charge_id, amount_cents, by = %actor.email, "refund issued");
    Ok(Response::created().set_typed_body(Json::new(serde_json::json!({ "id": refund_id, "status": refund.status }))?))
}

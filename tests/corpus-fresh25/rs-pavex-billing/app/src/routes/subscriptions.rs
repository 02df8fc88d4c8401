use pavex::request::body::JsonBody;
use pavex::request::path::PathParams;
use pavex::request::query::QueryParams;
use pavex::response::body::Json;
use pavex::response::Response;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use time::OffsetDateTime;
use uuid::Uuid;

use super::ApiError;
use crate::auth::AuthenticatedUser;
use crate::payments::PaymentsClient;

const PLANS: &[&str] = &["starter", "growth", "scale"];

#[derive(Debug, Serialize)]
pub struct Subscription {
    pub id: Uuid,
    pub plan: String,
    pub status: String,
    #[serde(with = "time::serde::rfc3339")]
    pub current_period_end: OffsetDateTime,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub include_cancelled: bool,
}

#[derive(Debug, Deserialize)]
pub struct NewSubscription {
    pub plan: String,
}

#[PathParams]
pub struct SubscriptionPath {
    pub id: Uuid,
}

pub fn status_label(status: &str) -> &'static str {
    match status {
        "active" => "Active",
        "past_due" => "Payment overdue",
        "cancelled" => "Cancelled",
        other => unreachable!("subscriptions_status_check only admits known states, got {other}"),
    }
}

pub async fn list_subscriptions(
    pool: &PgPool,
    customer_id: Uuid,
    include_cancelled: bool,
) -> Result<Vec<Subscription>, sqlx::Error> {
    sqlx::query_as!(
        Subscription,
        r#"SELECT id, plan, status, current_period_end
           FROM subscriptions
           WHERE customer_id = $1 AND status <> 'cancelled'
           ORDER BY created_at DESC"#,
        customer_id
    )
    .fetch_all(pool)
    .await
}

pub async fn list(
    user: &AuthenticatedUser,
    query: &QueryParams<ListQuery>,
    pool: &PgPool,
) -> Result<Response, ApiError> {
    let subscriptions = list_subscriptions(pool, user.id, query.0.include_cancelled).await?;
    let body: Vec<_> = subscriptions
        .iter()
        .map(|s| serde_json::json!({ "subscription": s, "label": status_label(&s.status) }))
        .collect();
    Ok(Response::ok().set_typed_body(Json::new(body)?))
}

pub async fn create(
    user: &AuthenticatedUser,
    body: &JsonBody<NewSubscription>,
    pool: &PgPool,
    payments: &PaymentsClient,
) -> Result<Response, ApiError> {
    let plan = body.0.plan.as_str();
    if !PLANS.contains(&plan) {
        return Err(ApiError::BadRequest(format!("unknown plan {plan}")));
    }
    let id = Uuid::new_v4();
    let provider = payments
        .create_subscription(&user.id.to_string(), plan, &format!("sub-{id}"))
        .await?;
    let period_end = OffsetDateTime::from_unix_timestamp(provider.current_period_end)
        .map_err(|_| ApiError::BadRequest("provider returned an invalid period".into()))?;
    let created = sqlx::query_as!(
        Subscription,
        r#"INSERT INTO subscriptions (id, customer_id, plan, status, provider_id, current_period_end)
           VALUES ($1, $2, $3, 'active', $4, $5)
           RETURNING id, plan, status, current_period_end"#,
        id,
        user.id,
        plan,
        provider.id,
        period_end
    )
    .fetch_one(pool)
    .await?;
    Ok(Response::created().set_typed_body(Json::new(created)?))
}

pub async fn cancel(
    user: &AuthenticatedUser,
    params: PathParams<SubscriptionPath>,
    pool: &PgPool,
    payments: &PaymentsClient,
) -> Result<Response, ApiError> {
    let Some(sub) = sqlx::query!(
        "SELECT customer_id, provider_id, status FROM subscriptions WHERE id = $1",
        params.0.id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(Response::not_found());
    };
    if sub.customer_id != user.id {
        return Ok(Response::not_found());
    }
    if sub.status == "cancelled" {
        return Ok(Response::no_content());
    }
    payments.cancel_subscription(&sub.provider_id).await?;
    sqlx::query!(
        "UPDATE subscriptions SET status = 'cancelled', cancelled_at = now() WHERE id = $1",
        params.0.id
    )
    .execute(pool)
    .await?;
    Ok(Response::no_content())
}
